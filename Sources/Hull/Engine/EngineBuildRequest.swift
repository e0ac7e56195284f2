/// One build for ``ContainerEngine/build(_:session:)``.
public struct EngineBuildRequest: Sendable, Hashable {
    /// The build context folder.
    public var context: String
    /// The Dockerfile; nil for `Dockerfile` in the context.
    public var dockerfile: String?
    /// The image name to tag the result with.
    public var tag: String
    /// `--build-arg NAME=VALUE`.
    public var buildArgs: [String: String]
    /// `--target`.
    public var target: String?
    /// `--no-cache`: a cold build.
    public var noCache: Bool
    /// `--network` for RUN steps (`none` for hermetic builds); nil for the engine's default.
    public var network: String?

    /// Creates a request.
    public init(context: String, dockerfile: String? = nil, tag: String, buildArgs: [String: String] = [:], target: String? = nil,
                noCache: Bool = false, network: String? = nil) {
        self.context = context
        self.dockerfile = dockerfile
        self.tag = tag
        self.buildArgs = buildArgs
        self.target = target
        self.noCache = noCache
        self.network = network
    }
}

/// What a build did.
public struct EngineBuild: Sendable, Hashable {
    /// The Dockerfile steps the engine reported, in order.
    public var steps: [EngineStep]
    /// Wall-clock seconds of the whole build.
    public var seconds: Double
    /// The engine's progress output (BuildKit writes it to standard error).
    public var output: String
}

/// Facts about a built image, from the engine's `image inspect`.
public struct EngineImageFacts: Sendable, Hashable, Codable {
    /// The image's size in bytes, as the engine reports it (uncompressed layers).
    public var size: Int64
    /// How many layers its root filesystem has.
    public var layers: Int
    /// The configured user; empty means root.
    public var user: String

    /// Whether the container runs as root (no user, `root`, or UID 0).
    public var runsAsRoot: Bool {
        let name = user.split(separator: ":").first.map(String.init) ?? ""
        return name.isEmpty || name == "root" || name == "0"
    }
}
