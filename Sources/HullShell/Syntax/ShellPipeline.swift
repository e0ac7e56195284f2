import HullCore

/// Commands joined by `|` or `|&`, optionally negated with `!` or timed with bash's `time`.
public struct ShellPipeline: Sendable {
    /// A pipe operator.
    public enum PipeOperator: String, Sendable, Hashable {
        /// `|`: standard output only.
        case pipe = "|"
        /// `|&`: bash's pipe of standard output and standard error.
        case pipeWithError = "|&"
    }

    /// Whether the pipeline's status is negated (`! cmd`).
    public let isNegated: Bool
    /// Whether the pipeline is prefixed by bash's `time` keyword, as in `time { …; }`.
    ///
    /// `time` followed by a plain command is kept as a command word instead, which
    /// ``SimpleCommand/wrappers`` then reports.
    public let isTimed: Bool
    /// The commands in order.
    public internal(set) var commands: [ShellCommand]
    /// The operators between the commands (`commands.count - 1` of them).
    public let operators: [PipeOperator]
    /// The local range.
    public let range: Range<Int>
    /// The file range.
    public let fileRange: TextRange

    init(isNegated: Bool, isTimed: Bool, commands: [ShellCommand], operators: [PipeOperator], range: Range<Int>, source: ShellSource) {
        self.isNegated = isNegated
        self.isTimed = isTimed
        self.commands = commands
        self.operators = operators
        self.range = range
        self.fileRange = source.fileRange(range)
    }
}
