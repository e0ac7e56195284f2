/// An excluded directory BuildKit does not walk into.
public struct PrunedDirectory: Hashable, Sendable, Codable {
    /// The directory.
    public var path: ContextPath
    /// The index (into ``IgnoreMatcher/patterns``) of the pattern that excluded it.
    public var patternIndex: Int?

    /// Creates a pruned directory.
    public init(path: ContextPath, patternIndex: Int?) {
        self.path = path
        self.patternIndex = patternIndex
    }
}
