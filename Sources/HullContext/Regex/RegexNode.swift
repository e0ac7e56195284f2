/// The syntax tree of a Go (RE2) regular expression, as far as patternmatcher can produce one.
indirect enum RegexNode: Sendable {
    /// Matches the empty string.
    case empty
    /// One rune.
    case literal(UInt32)
    /// One rune from a class.
    case characterClass(CharacterClass)
    /// `.`: any rune except a newline (Go's default without the `s` flag).
    case anyExceptNewline
    /// A zero-width assertion.
    case assertion(RegexAssertion)
    /// A sequence.
    case concatenation([RegexNode])
    /// Alternatives.
    case alternation([RegexNode])
    /// A repetition; `max == nil` is unbounded.
    case repetition(RegexNode, min: Int, max: Int?)
}

/// Zero-width assertions of Go's regular expressions under the Perl flags (`OneLine`).
enum RegexAssertion: Sendable, Hashable {
    /// `^` or `\A`: the start of the text.
    case beginText
    /// `$` or `\z`: the end of the text.
    case endText
    /// `\b`: an ASCII word boundary.
    case wordBoundary
    /// `\B`: not an ASCII word boundary.
    case notWordBoundary
}
