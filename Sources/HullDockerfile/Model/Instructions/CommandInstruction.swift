/// `CMD` or `ENTRYPOINT`.
public struct CommandInstruction: Sendable, Hashable {
    /// The command; nil when nothing follows the keyword.
    public var command: CommandForm?
}
