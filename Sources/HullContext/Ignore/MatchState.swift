/// The result of evaluating one path, carried from a directory to its children the way BuildKit's
/// walker carries patternmatcher's `MatchInfo`.
public struct MatchState: Hashable, Sendable {
    /// Per pattern: whether it matched this path (or was inherited as matched from the parent).
    /// A pattern skipped because it could not change the result is recorded as `false`.
    public var matched: [Bool]
    /// Whether the path is excluded.
    public var isExcluded: Bool
    /// The index (into ``IgnoreMatcher/patterns``) of the last pattern that matched, which
    /// decided ``isExcluded``; `nil` when no pattern matched.
    public var decidingPatternIndex: Int?

    /// Creates a state.
    public init(matched: [Bool], isExcluded: Bool, decidingPatternIndex: Int?) {
        self.matched = matched
        self.isExcluded = isExcluded
        self.decidingPatternIndex = decidingPatternIndex
    }
}
