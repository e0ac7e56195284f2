import HullCore

/// One command of a pipeline.
public enum ShellCommand: Sendable {
    /// A simple command: assignments, words and redirections.
    case simple(SimpleCommand)
    /// A compound command: subshell, group, `if`, loop, `case`, `((…))`, `[[…]]`.
    case compound(CompoundCommand)
    /// A function definition.
    case function(FunctionDefinition)

    /// The local range.
    public var range: Range<Int> {
        switch self {
        case .simple(let command): command.range
        case .compound(let command): command.range
        case .function(let definition): definition.range
        }
    }

    /// The file range.
    public var fileRange: TextRange {
        switch self {
        case .simple(let command): command.fileRange
        case .compound(let command): command.fileRange
        case .function(let definition): definition.fileRange
        }
    }
}
