/// A word after BuildKit's variable expansion.
public struct Expansion: Sendable, Hashable {
    /// The word as written.
    public var raw: String
    /// The expanded value (the raw text when expansion failed).
    public var value: String
    /// Referenced variables that were set (possibly to the empty string).
    public var matched: Set<String>
    /// Referenced variables that were not set.
    public var unmatched: Set<String>
    /// The lexer's error, when the word could not be expanded (BuildKit fails the build).
    public var error: String?

    /// Whether the word referenced any variable.
    public var usesVariables: Bool { !matched.isEmpty || !unmatched.isEmpty }
}
