import HullCore
import HullLint

/// What `hull lint` is asked to do.
public struct LintRequest: Sendable {
    /// Files, folders (searched for Dockerfiles) or `-` for standard input.
    public var paths: [String]
    /// An explicit configuration file; nil discovers `.hull.yaml` / `.hadolint.yaml`.
    public var configurationFile: String?
    /// Settings from the command line, applied over the file's.
    public var overrides: ConfigurationOverrides
    /// Whether to skip configuration files entirely.
    public var isolated: Bool

    /// Creates a request.
    public init(paths: [String], configurationFile: String? = nil, overrides: ConfigurationOverrides = ConfigurationOverrides(), isolated: Bool = false) {
        self.paths = paths
        self.configurationFile = configurationFile
        self.overrides = overrides
        self.isolated = isolated
    }
}

/// Command-line settings that override the configuration file.
public struct ConfigurationOverrides: Sendable {
    public var select: [String]?
    public var extendSelect: [String] = []
    public var ignore: [String] = []
    public var failLevel: Severity?
    public var preview: Bool?
    public var trustedRegistries: [String] = []
    /// Whether ShellCheck runs (`--no-shellcheck` sets false).
    public var shellcheck: Bool?

    /// No overrides.
    public init() {}

    /// Applies these settings on top of `configuration`.
    public func apply(to configuration: Configuration) -> Configuration {
        var result = configuration
        if let select { result.select = select }
        result.extendSelect += extendSelect
        result.ignore += ignore
        if let failLevel { result.failLevel = failLevel }
        if let preview { result.preview = preview }
        result.trustedRegistries += trustedRegistries
        if let shellcheck { result.shellcheck = shellcheck }
        return result
    }
}
