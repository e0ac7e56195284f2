/// An image configuration (image-spec config.md), with the Docker fields OCI leaves out
/// (`Healthcheck`, `Shell`, `OnBuild`).
public struct ImageConfig: Hashable, Sendable, Codable {
    /// The runtime part (`config`).
    public struct Container: Hashable, Sendable, Codable {
        public var user: String?
        public var env: [String]?
        public var cmd: [String]?
        public var entrypoint: [String]?
        public var exposedPorts: [String: JSONEmpty]?
        public var volumes: [String: JSONEmpty]?
        public var labels: [String: String]?
        public var workingDir: String?
        public var stopSignal: String?
        public var healthcheck: Healthcheck?
        public var shell: [String]?
        public var onBuild: [String]?

        enum CodingKeys: String, CodingKey {
            case user = "User", env = "Env", cmd = "Cmd", entrypoint = "Entrypoint", exposedPorts = "ExposedPorts"
            case volumes = "Volumes", labels = "Labels", workingDir = "WorkingDir", stopSignal = "StopSignal"
            case healthcheck = "Healthcheck", shell = "Shell", onBuild = "OnBuild"
        }

        public init() {}
    }

    /// Docker's health check (not in the OCI spec; OCI exports drop it).
    public struct Healthcheck: Hashable, Sendable, Codable {
        /// `["NONE"]`, `["CMD", …]` or `["CMD-SHELL", "…"]`.
        public var test: [String]?
        /// Nanoseconds.
        public var interval: Int64?
        public var timeout: Int64?
        public var startPeriod: Int64?
        public var retries: Int?

        enum CodingKeys: String, CodingKey {
            case test = "Test", interval = "Interval", timeout = "Timeout", startPeriod = "StartPeriod", retries = "Retries"
        }
    }

    /// One history entry.
    public struct History: Hashable, Sendable, Codable {
        public var created: String?
        public var createdBy: String?
        public var author: String?
        public var comment: String?
        public var emptyLayer: Bool?

        enum CodingKeys: String, CodingKey {
            case created, author, comment
            case createdBy = "created_by", emptyLayer = "empty_layer"
        }
    }

    /// The layer chain.
    public struct RootFS: Hashable, Sendable, Codable {
        public var type: String?
        public var diffIDs: [String]?

        enum CodingKeys: String, CodingKey {
            case type
            case diffIDs = "diff_ids"
        }
    }

    public var architecture: String?
    public var os: String?
    public var variant: String?
    public var created: String?
    public var author: String?
    public var config: Container?
    public var history: [History]?
    public var rootfs: RootFS?

    enum CodingKeys: String, CodingKey {
        case architecture, os, variant, created, author, config, history, rootfs
    }
}

/// The `{}` values of `ExposedPorts` and `Volumes`.
public struct JSONEmpty: Hashable, Sendable, Codable {
    public init() {}
    public init(from decoder: Decoder) throws {}
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: EmptyKey.self)
        _ = container
    }
    private struct EmptyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
