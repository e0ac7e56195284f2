import HullCore

/// What `hull image` was asked to do.
public struct ImageRequest: Sendable {
    /// A `docker save` tarball, an OCI archive, or an OCI layout folder.
    public var path: String
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
                isolated: Bool = false, directory: String = ".") {
        self.path = path
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
