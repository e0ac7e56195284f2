/// `RUN [--mount=…] [--network=…] [--security=…] command`.
public struct RunInstruction: Sendable, Hashable {
    /// The command.
    public var command: CommandForm
    /// The `--mount` flags.
    public var mounts: [RunMount]
    /// `--network` (`default`, `none`, `host`).
    public var network: String?
    /// `--security` (`sandbox`, `insecure`).
    public var security: String?
    /// Heredoc bodies (each is a script when the command is a bare `<<EOF`).
    public var heredocs: [HeredocSyntax]
}
