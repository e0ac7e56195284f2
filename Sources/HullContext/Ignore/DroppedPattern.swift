/// A pattern left out of a matcher built with ``IgnoreMatcher/InvalidPatternPolicy/dropInvalid``.
public struct DroppedPattern: Hashable, Sendable {
    /// The pattern.
    public var pattern: IgnorePattern
    /// What is wrong with it.
    public var problem: PatternProblem

    /// Creates a dropped pattern.
    public init(pattern: IgnorePattern, problem: PatternProblem) {
        self.pattern = pattern
        self.problem = problem
    }
}
