/// The prediction for one stage.
public struct StagePrediction: Sendable, Hashable, Codable {
    /// The first step of a stage that misses the cache, and what it drags along.
    public struct FirstMiss: Sendable, Hashable, Codable {
        /// The instruction's index.
        public var instruction: Int
        /// Its line.
        public var line: Int
        /// Why it misses.
        public var reason: CacheReason
        /// How many later steps of the stage rebuild because of it.
        public var stepsAfter: Int
        /// The stages (names, or indices as text) that use this stage's result and are built:
        /// stages built FROM it, and those that copy or mount from it.
        public var dependentStages: [String]
    }

    /// The stage's index.
    public var index: Int
    /// Its name, when it has one.
    public var name: String?
    /// Whether it is built for the target.
    public var isBuilt: Bool
    /// Whether it is the target.
    public var isTarget: Bool
    /// Its instructions, FROM first.
    public var steps: [StepPrediction]
    /// The first miss, when a step rebuilds.
    public var firstMiss: FirstMiss?

    /// The name to show: the stage name, or `stage N`.
    public var label: String { name ?? "stage \(index)" }
    /// Whether some step rebuilds, so the stage's result changes.
    public var rebuilds: Bool { firstMiss != nil }
}
