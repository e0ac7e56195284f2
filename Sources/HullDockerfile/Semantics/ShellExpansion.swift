/// The result of ``ShellLexer/processWordWithMatches(_:environment:)``: the expanded word and
/// which of the variables it references were set.
public struct ShellExpansion: Sendable, Hashable {
    /// The word with quotes removed and variables expanded.
    public var result: String
    /// Referenced variables that were set, even to the empty string.
    public var matched: Set<String>
    /// Referenced variables that were unset.
    public var unmatched: Set<String>

    /// An expansion result.
    public init(result: String, matched: Set<String> = [], unmatched: Set<String> = []) {
        self.result = result
        self.matched = matched
        self.unmatched = unmatched
    }
}
