import HullCore

/// A simple command: optional assignments, words and redirections, as in
/// `DEBIAN_FRONTEND=noninteractive sudo -E apt-get install -y curl >/dev/null`.
///
/// Besides its syntax, a simple command knows its *effective* command: the program that really
/// runs once wrappers such as `sudo` or `env` are skipped (``effectiveName``, ``wrappers``),
/// that program's arguments parsed with its option grammar (``invocation``), and where it stands
/// in the script (``context``).
public struct SimpleCommand: Sendable {
    /// The assignments before the command name.
    public internal(set) var assignments: [ShellAssignment]
    /// The command name and its arguments, in order.
    public internal(set) var words: [ShellWord]
    /// The redirections, wherever they appeared among the words.
    public internal(set) var redirections: [ShellRedirection]
    /// The local range from the first assignment, word or redirection to the last.
    public let range: Range<Int>
    /// The file range.
    public let fileRange: TextRange
    /// The source the local ranges refer to (a nested source for commands of `sh -c` strings).
    public let source: ShellSource

    /// Where the command stands in its script.
    public internal(set) var context = CommandContext()
    /// The wrappers skipped to reach the effective command, outermost first.
    public internal(set) var wrappers: [CommandWrapper] = []
    /// The index in ``words`` of the word naming the effective command, when it is static.
    public internal(set) var effectiveNameIndex: Int?
    /// The effective command's name without its directory: `apt-get` for
    /// `sudo -E /usr/bin/apt-get …`, `pip` for `python3 -m pip …`; nil when the command has no
    /// words or its name is only known at run time (`$CMD`).
    public internal(set) var effectiveName: String?
    /// The effective command's arguments parsed with its option grammar.
    public internal(set) var invocation: CommandInvocation?
    /// The script this command runs as a string or a here-document (`sh -c '…'`,
    /// `bash <<EOF`), when it runs one. Its commands are also in ``ShellScript/commands``.
    public internal(set) var nestedScript: ShellScript?

    init(assignments: [ShellAssignment], words: [ShellWord], redirections: [ShellRedirection], range: Range<Int>, source: ShellSource) {
        self.assignments = assignments
        self.words = words
        self.redirections = redirections
        self.range = range
        self.fileRange = source.fileRange(range)
        self.source = source
    }

    /// The first word's static value, as written (`sudo` in `sudo apt-get …`).
    public var name: String? { words.first?.literal }

    /// The names of the wrappers skipped, outermost first (`["sudo", "env"]`).
    public var wrapperNames: [String] { wrappers.map(\.name) }

    /// Whether a wrapper with this name was skipped.
    public func isWrapped(by name: String) -> Bool { wrappers.contains { $0.name == name } }

    /// The word naming the effective command.
    public var effectiveNameWord: ShellWord? { effectiveNameIndex.map { words[$0] } }

    /// The effective command's arguments: the words after ``effectiveNameWord``.
    public var arguments: ArraySlice<ShellWord> {
        guard let index = effectiveNameIndex else { return words.dropFirst(words.count) }
        return words[(index + 1)...]
    }

    /// Whether the command only assigns variables or redirects, with no command word.
    public var isAssignmentOnly: Bool { words.isEmpty }

    /// Whether the effective command is `name` (compared without directories).
    public func isCommand(_ names: String...) -> Bool {
        guard let effectiveName else { return false }
        return names.contains(effectiveName)
    }
}

// MARK: - CustomStringConvertible

extension SimpleCommand: CustomStringConvertible {
    /// The command's text as written.
    public var description: String { source.text(range) }
}
