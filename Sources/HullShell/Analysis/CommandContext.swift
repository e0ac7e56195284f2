/// Where a ``SimpleCommand`` stands in its script: what encloses it, how it is connected to its
/// neighbours, and which shell options are in effect when it runs.
public struct CommandContext: Sendable {
    /// A construct that encloses a command.
    public enum Enclosure: Sendable, Hashable {
        /// `( … )`
        case subshell
        /// `{ …; }`
        case braceGroup
        /// The condition of `if` or `elif`.
        case ifCondition
        /// A `then` or `else` body.
        case ifBody
        /// The condition of `while` or `until`.
        case loopCondition
        /// The body of a `for`, `select`, `while` or `until` loop.
        case loopBody
        /// An arm of a `case`.
        case caseItem
        /// The body of the named function (run only when called).
        case functionBody(String)
        /// A command substitution `$(…)` or `` `…` ``.
        case commandSubstitution
        /// A process substitution `<(…)` or `>(…)`.
        case processSubstitution
        /// A script given as a string to a shell (`sh -c '…'`, `su -c '…'`) or fed to it as a
        /// here-document; the payload is the shell's name (`sh`, `bash`, `su`).
        case nestedScript(shell: String)
    }

    /// The command's index in ``ShellScript/commands``.
    public internal(set) var index: Int = 0
    /// The enclosing constructs, outermost first.
    public internal(set) var enclosures: [Enclosure] = []
    /// The command's position in the innermost pipeline of more than one command that holds it
    /// (directly or through a group or subshell), or nil when it is in none.
    public internal(set) var pipeline: PipelinePosition?
    /// Whether the command's pipeline is negated with `!`.
    public internal(set) var isNegated = false
    /// The `&&` or `||` before the command's pipeline in its and-or list.
    public internal(set) var precedingOperator: ShellAndOrList.LogicalOperator?
    /// The `&&` or `||` after the command's pipeline in its and-or list.
    public internal(set) var followingOperator: ShellAndOrList.LogicalOperator?
    /// Whether the command, or a construct enclosing it, runs only when something before it
    /// failed (it follows `||`).
    public internal(set) var isInFallback = false
    /// Whether the command runs in the background (`&`), directly or through an enclosing
    /// construct.
    public internal(set) var isBackground = false
    /// Whether the command's exit status is tested, so that `set -e` does not stop the shell
    /// when it fails: it is in an `if`, `elif`, `while` or `until` condition, in a pipeline
    /// negated with `!`, or in any but the last pipeline of an `&&`/`||` list (bash's rules for
    /// `errexit`), directly or through an enclosing construct.
    public internal(set) var isStatusTested = false
    /// The shell options in effect when the command runs, following `set` commands earlier in
    /// the same script (see ``ShellOptionState``).
    public internal(set) var shellOptions = ShellOptionState()
    /// The shell that runs the command when it is in a nested script (`bash` for `bash -c '…'`);
    /// nil for the outer script, whose shell the Dockerfile's `SHELL` instruction decides.
    public internal(set) var shell: String?

    /// Creates an empty context.
    public init() {}

    /// Whether the command is part of a pipeline of more than one command.
    public var isInPipeline: Bool { pipeline != nil }
    /// Whether the command's failure is handled by a following `|| …`.
    public var hasFallback: Bool { followingOperator == .or }
    /// Whether the command is inside a nested script (`sh -c`).
    public var isInNestedScript: Bool {
        enclosures.contains { if case .nestedScript = $0 { true } else { false } }
    }
    /// Whether the command is inside a function body.
    public var isInFunction: Bool {
        enclosures.contains { if case .functionBody = $0 { true } else { false } }
    }
}
