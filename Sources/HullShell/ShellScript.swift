import HullCore

/// A parsed shell script: the text of a RUN instruction in shell form, a shell-form `CMD` or
/// `ENTRYPOINT`, or a heredoc body.
///
/// ```swift
/// let script = ShellScript(parsing: ShellSource(bytes: logicalLine, fileOffsets: offsets))
/// for command in script.commands where command.isCommand("apt-get") {
///     guard let invocation = command.invocation, invocation.subcommand == "install" else { continue }
///     if !invocation.has(option: "-y", "--yes", "--assume-yes") { … }
/// }
/// ```
///
/// Parsing never fails: what could not be parsed is reported in ``errors`` and everything
/// else is kept.
public struct ShellScript: Sendable {
    /// The text parsed and its map into the Dockerfile.
    public let source: ShellSource
    /// The syntax tree.
    public let body: ShellCommandList
    /// Syntax problems, including those of nested scripts (marked
    /// ``ShellParseError/isInNestedScript``).
    public let errors: [ShellParseError]
    /// Every simple command in source order: those inside subshells, groups, control
    /// structures, functions, command and process substitutions, and nested scripts
    /// (`sh -c '…'`) included. A command comes before the commands of its own substitutions
    /// and nested script.
    public let commands: [SimpleCommand]
    /// The local ranges of comments (`# …`).
    public let comments: [Range<Int>]
    /// The shell options in effect at the end of the script.
    public let finalShellOptions: ShellOptionState

    init(source: ShellSource, body: ShellCommandList, errors: [ShellParseError], commands: [SimpleCommand], comments: [Range<Int>], finalShellOptions: ShellOptionState) {
        self.source = source
        self.body = body
        self.errors = errors
        self.commands = commands
        self.comments = comments
        self.finalShellOptions = finalShellOptions
    }

    /// Parses `source`.
    public init(parsing source: ShellSource, options: ShellParseOptions = ShellParseOptions()) {
        let parser = ShellParser(source: source, maximumDepth: options.maximumDepth)
        var body = parser.parseProgram()
        let annotator = ScriptAnnotator(options: options, hereDocuments: parser.hereDocuments, depth: 0)
        annotator.walk(&body, ScriptAnnotator.Inherited())
        self.init(source: source, body: body, errors: parser.errors + annotator.nestedErrors, commands: annotator.commands,
                  comments: parser.comments, finalShellOptions: annotator.state)
    }

    /// Parses contiguous text that starts at `baseOffset` in the file.
    public init(_ text: String, baseOffset: Int = 0, options: ShellParseOptions = ShellParseOptions()) {
        self.init(parsing: ShellSource(text, baseOffset: baseOffset), options: options)
    }

    /// Whether the script parsed without syntax errors.
    public var isValid: Bool { errors.isEmpty }

    /// The commands whose effective name is one of `names` (`"apt-get"`, `"pip"`).
    public func commands(named names: String...) -> [SimpleCommand] {
        commands.filter { command in command.effectiveName.map(names.contains) ?? false }
    }

    /// Whether any command's effective name is one of `names`.
    public func contains(command names: String...) -> Bool {
        commands.contains { command in command.effectiveName.map(names.contains) ?? false }
    }

    /// The invocations of all commands that have a static effective name, in order.
    public var invocations: [CommandInvocation] { commands.compactMap(\.invocation) }

    /// Whether any command in the script is a pipeline element (`a | b`).
    public var hasPipelines: Bool { commands.contains { $0.context.isInPipeline } }
}
