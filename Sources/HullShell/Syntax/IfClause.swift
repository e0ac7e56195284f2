/// `if … then … [elif … then …]… [else …] fi`.
public struct IfClause: Sendable {
    /// A condition and the body it guards.
    public struct Branch: Sendable {
        /// The condition list.
        public internal(set) var condition: ShellCommandList
        /// The body run when the condition succeeds.
        public internal(set) var body: ShellCommandList
    }

    /// The `if` branch followed by the `elif` branches.
    public internal(set) var branches: [Branch]
    /// The `else` body, when present.
    public internal(set) var elseBody: ShellCommandList?
}
