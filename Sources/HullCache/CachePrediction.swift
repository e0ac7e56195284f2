/// What BuildKit reuses and what it runs again after a change: every stage, every step.
public struct CachePrediction: Sendable, Hashable, Codable {
    /// A changed path that changes nothing.
    public struct UnusedChange: Sendable, Hashable, Codable {
        /// The path, relative to the context.
        public var path: String
        /// Why it changes nothing.
        public var reason: String
        /// The ignore-file pattern that excludes it, when that is the reason.
        public var ignorePattern: String?
        /// The line of that pattern in the ignore file.
        public var ignoreLine: Int?
    }

    /// The change set, with paths cleaned.
    public var changes: ChangeSet
    /// The stage built (the target), by index.
    public var target: Int?
    /// Every stage.
    public var stages: [StagePrediction]
    /// Changed paths that no built step reads, or that the ignore file excludes.
    public var unusedChanges: [UnusedChange]
    /// Build arguments that no instruction of the built stages declares.
    public var undeclaredBuildArgs: [String]

    /// Every step of every stage, in file order.
    public var steps: [StepPrediction] { stages.flatMap(\.steps) }

    /// How many steps have `status` in the stages that are built.
    public func count(_ status: StepStatus) -> Int { steps.filter { $0.status == status }.count }

    /// The step at an instruction index.
    public func step(at instruction: Int) -> StepPrediction? { steps.first { $0.instruction == instruction } }

    /// The step whose line is `line`.
    public func step(line: Int) -> StepPrediction? { steps.first { $0.line == line } }
}
