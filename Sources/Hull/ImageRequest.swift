import HullCore

/// What `hull image` was asked to do.
public struct ImageRequest: Sendable {
    /// A `docker save` tarball, an OCI archive, an OCI layout folder, or an image reference
    /// in a registry (`registry.example/repo:tag`; `registry:` or `docker://` force it).
    public var path: String
    /// How to reach a registry when ``path`` names an image in one.
    public var registry: RegistryAccess
    /// `os/arch[/variant]` for multi-platform indexes.
    public var platform: String?
    /// Read file contents for secrets (paths are always checked).
    public var scanContents: Bool
    /// dive-like thresholds, checked when set (`--ci`).
    public var thresholds: ImageThresholds?
    /// The host environment (for the content-trust check).
    public var environment: [String: String]
    /// An explicit configuration file; nil discovers `.hull.yaml` / `.hadolint.yaml` from
    /// `directory` upwards.
    public var configurationFile: String?
    /// Command-line settings on top of the configuration file (selection, fail level …).
    public var overrides: ConfigurationOverrides
    /// Whether to skip configuration files entirely.
    public var isolated: Bool
    /// Where configuration discovery starts: the project the command runs in (an image
    /// archive is a build output and often lives elsewhere).
    public var directory: String

    public init(path: String, platform: String? = nil, scanContents: Bool = true, thresholds: ImageThresholds? = nil,
                environment: [String: String] = [:], configurationFile: String? = nil, overrides: ConfigurationOverrides = ConfigurationOverrides(),
                isolated: Bool = false, directory: String = ".", registry: RegistryAccess = RegistryAccess()) {
        self.path = path
        self.registry = registry
        self.platform = platform
        self.scanContents = scanContents
        self.thresholds = thresholds
        self.environment = environment
        self.configurationFile = configurationFile
        self.overrides = overrides
        self.isolated = isolated
        self.directory = directory
    }
}

/// dive's CI rules: `lowestEfficiency`, `highestWastedBytes`, `highestUserWastedPercent`.
public struct ImageThresholds: Hashable, Sendable, Codable {
    /// Fail below this efficiency (0–1); dive's default 0.9.
    public var lowestEfficiency: Double?
    /// Fail above this many wasted bytes; off by default, as in dive.
    public var highestWastedBytes: Int64?
    /// Fail above this share of wasted bytes in the non-base layers (0–1); dive's default 0.1.
    public var highestUserWastedPercent: Double?

    public init(lowestEfficiency: Double? = 0.9, highestWastedBytes: Int64? = nil, highestUserWastedPercent: Double? = 0.1) {
        self.lowestEfficiency = lowestEfficiency
        self.highestWastedBytes = highestWastedBytes
        self.highestUserWastedPercent = highestUserWastedPercent
    }
}

/// Credentials and transport choices for reading an image from a registry.
public struct RegistryAccess: Sendable {
    /// `--username`, with the password from `--password-stdin`; otherwise
    /// `$HULL_REGISTRY_USER`/`$HULL_REGISTRY_PASSWORD`, then `~/.docker/config.json`.
    public var username: String?
    public var password: String?
    /// Allow plain HTTP to a registry that is not on loopback (`--insecure-registry`).
    public var insecure: Bool

    public init(username: String? = nil, password: String? = nil, insecure: Bool = false) {
        self.username = username
        self.password = password
        self.insecure = insecure
    }
}
