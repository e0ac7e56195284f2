import HullCore

/// A compound command with the redirections that follow it.
public struct CompoundCommand: Sendable {
    /// The kinds of compound command.
    public indirect enum Kind: Sendable {
        /// `( list )`
        case subshell(ShellCommandList)
        /// `{ list; }`
        case braceGroup(ShellCommandList)
        /// `if … then … elif … else … fi`
        case ifClause(IfClause)
        /// `for name in words; do …; done`, `for ((…)); do …; done`, or `select`.
        case forLoop(ForLoop)
        /// `while list; do …; done` or `until list; do …; done`.
        case whileLoop(WhileLoop)
        /// `case word in pattern) …;; esac`
        case caseClause(CaseClause)
        /// Bash's arithmetic command `(( expression ))`, kept as text.
        case arithmetic(String)
        /// Bash's conditional command `[[ … ]]`, as its words (operators kept as words).
        case conditional([ShellWord])
    }

    /// What the command is.
    public internal(set) var kind: Kind
    /// Redirections after the closing keyword or parenthesis.
    public internal(set) var redirections: [ShellRedirection]
    /// The local range, redirections included.
    public let range: Range<Int>
    /// The file range.
    public let fileRange: TextRange

    init(kind: Kind, redirections: [ShellRedirection], range: Range<Int>, source: ShellSource) {
        self.kind = kind
        self.redirections = redirections
        self.range = range
        self.fileRange = source.fileRange(range)
    }
}
