/// What `hull lab` is asked to measure.
public struct LabRequest: Sendable, Hashable {
    /// What the Dockerfile is measured against.
    public enum Comparison: Sendable, Hashable {
        /// Only the Dockerfile.
        case none
        /// Another Dockerfile (`--against`), built with the same context.
        case against(String)
        /// Hull's fixed version of the Dockerfile (`hull fix --unsafe-fixes`), written to a
        /// temporary file.
        case fixed
    }

    /// The build context folder.
    public var context: String
    /// The Dockerfile (`-f`); nil for `Dockerfile` in the context.
    public var dockerfile: String?
    /// What to compare with.
    public var comparison: Comparison
    /// The engine (`--engine`); nil to take the first that answers.
    public var engine: EngineKind?
    /// The context file to edit for the one-file rebuild, relative to the context; nil to pick a
    /// source file a COPY reads.
    public var touch: String?
    /// How many times each build is timed (the median is reported).
    public var runs: Int
    /// `--network` for RUN steps; nil for the engine's default.
    public var network: String?
    /// `--build-arg` values for every build.
    public var buildArgs: [String: String]
    /// `--target`.
    public var target: String?
    /// The names of the images built start with this; nil for `hull-lab-<random>`.
    public var imagePrefix: String?
    /// The environment the engine's tool runs with (`DOCKER_HOST`, `HULL_DOCKER`, …); nil for
    /// this process's.
    public var environment: [String: String]?
    /// The advisory database for vulnerability counts (`--db`); nil for `$HULL_DB` or the
    /// default location. No counts when no database is there.
    public var databasePath: String?

    /// Creates a request.
    public init(context: String = ".", dockerfile: String? = nil, comparison: Comparison = .none, engine: EngineKind? = nil,
                touch: String? = nil, runs: Int = 1, network: String? = nil, buildArgs: [String: String] = [:], target: String? = nil,
                imagePrefix: String? = nil, environment: [String: String]? = nil, databasePath: String? = nil) {
        self.databasePath = databasePath
        self.context = context
        self.dockerfile = dockerfile
        self.comparison = comparison
        self.engine = engine
        self.touch = touch
        self.runs = runs
        self.network = network
        self.buildArgs = buildArgs
        self.target = target
        self.imagePrefix = imagePrefix
        self.environment = environment
    }
}
