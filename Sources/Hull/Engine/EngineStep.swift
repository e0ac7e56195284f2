/// One Dockerfile step as an engine reported it while building.
public struct EngineStep: Sendable, Hashable, Codable {
    /// What the engine did with the step.
    public enum Status: String, Sendable, Hashable, Codable {
        /// The engine reused the cached layer.
        case cached = "CACHED"
        /// The engine ran the step.
        case ran = "RAN"
        /// The step failed.
        case failed = "FAILED"
        /// The output ended before the step finished (an interrupted or failed build).
        case unfinished = "UNFINISHED"
    }

    /// The stage as the engine names it: the stage name (BuildKit lower-cases it), `stage-N`
    /// for an unnamed stage of a multi-stage build, nil for a single unnamed stage (BuildKit);
    /// podman and buildah give the stage's 1-based position as text.
    public var stage: String?
    /// The step's 1-based position in its stage, as the engine counts it.
    public var position: Int
    /// How many steps the engine counts in the stage.
    public var total: Int
    /// The instruction as the engine prints it (`COPY a.txt ./`).
    public var text: String
    /// What happened.
    public var status: Status
    /// Seconds the step took, when the engine says.
    public var seconds: Double?
    /// The image the engine reused for the step, when it names it (podman and buildah print
    /// `--> Using cache <ID>`).
    public var reusedImage: String?

    /// The instruction keyword, upper-case (`COPY`).
    public var keyword: String { String(text.prefix { $0 != " " && $0 != "\t" }).uppercased() }

    /// Creates a step.
    public init(stage: String?, position: Int, total: Int, text: String, status: Status, seconds: Double? = nil, reusedImage: String? = nil) {
        self.reusedImage = reusedImage
        self.stage = stage
        self.position = position
        self.total = total
        self.text = text
        self.status = status
        self.seconds = seconds
    }
}
