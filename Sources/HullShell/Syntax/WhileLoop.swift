/// `while list; do …; done` or `until list; do …; done`.
public struct WhileLoop: Sendable {
    /// Whether the loop is an `until` loop.
    public let isUntil: Bool
    /// The condition list.
    public internal(set) var condition: ShellCommandList
    /// The body between `do` and `done`.
    public internal(set) var body: ShellCommandList
}
