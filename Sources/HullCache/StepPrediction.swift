/// The prediction for one instruction.
public struct StepPrediction: Sendable, Hashable, Codable {
    /// The instruction's index in the Dockerfile.
    public var instruction: Int
    /// The 1-based line it starts on.
    public var line: Int
    /// The keyword, upper-case (`COPY`).
    public var keyword: String
    /// The instruction on one line, as written (continuations joined).
    public var text: String
    /// What happens to it.
    public var status: StepStatus
    /// Why it rebuilds (or is skipped); nil when cached or metadata.
    public var reason: CacheReason?
    /// Things to keep in mind even when cached (remote sources, `--link`, content comparison).
    public var notes: [CacheReason]

    /// Creates a prediction.
    public init(instruction: Int, line: Int, keyword: String, text: String, status: StepStatus,
                reason: CacheReason? = nil, notes: [CacheReason] = []) {
        self.instruction = instruction
        self.line = line
        self.keyword = keyword
        self.text = text
        self.status = status
        self.reason = reason
        self.notes = notes
    }
}
