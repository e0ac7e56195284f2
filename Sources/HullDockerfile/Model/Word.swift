import HullCore

/// A piece of an instruction as written, with its range.
public struct Word: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The text (quotes and escapes as BuildKit keeps them for this position).
    public var text: String
    /// Where it is written.
    public var range: TextRange

    /// Creates a word.
    public init(text: String, range: TextRange) {
        self.text = text
        self.range = range
    }

    public var description: String { text }
}

extension ArgumentSyntax {
    /// The node as a word; synthetic nodes get an empty range at `fallback`.
    func word(fallback: Int) -> Word { Word(text: value, range: range ?? .empty(at: fallback)) }
}
