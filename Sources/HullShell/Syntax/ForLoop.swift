/// `for name [in words]; do …; done`, bash's `for ((init; test; step))`, or `select`.
public struct ForLoop: Sendable {
    /// The loop variable; nil for the arithmetic form.
    public let variable: String?
    /// The words after `in`; nil when there is no `in` (the positional parameters are used).
    public internal(set) var words: [ShellWord]?
    /// The header of the arithmetic form, kept as text.
    public let arithmeticHeader: String?
    /// Whether the loop is a `select` loop.
    public let isSelect: Bool
    /// The body between `do` and `done`.
    public internal(set) var body: ShellCommandList
}
