import Foundation
import HullCore
import HullDockerfile
import HullShell

/// The shell scripts an instruction runs, parsed with exact file ranges.
public struct InstructionScripts: Sendable {
    /// One parsed script and where it comes from.
    public struct Script: Sendable {
        /// Where the text comes from.
        public enum Origin: Sendable, Hashable {
            /// The instruction's shell-form command.
            case command
            /// The body of the heredoc at this index, run as a shell script.
            case heredoc(Int)
        }

        /// Where the text comes from.
        public var origin: Origin
        /// The parse.
        public var script: ShellScript
    }

    /// The scripts, command first.
    public var scripts: [Script]
    /// The shell the instruction runs under (`["/bin/sh", "-c"]` unless SHELL changed it).
    public var shell: [String]

    /// Every simple command of every script, in order.
    public var commands: [SimpleCommand] { scripts.flatMap(\.script.commands) }

    /// Every command invocation with a static name.
    public var invocations: [CommandInvocation] { scripts.flatMap(\.script.invocations) }

    /// Whether any script runs a command named one of `names`.
    public func contains(command names: String...) -> Bool {
        commands.contains { command in command.effectiveName.map(names.contains) ?? false }
    }

    /// Shells whose heredoc input is itself a script.
    static let shellNames: Set<String> = ["sh", "bash", "ash", "dash", "zsh", "ksh", "busybox"]

    /// Parses the scripts of `instruction` (RUN, shell-form CMD/ENTRYPOINT, HEALTHCHECK CMD).
    static func make(_ instruction: Instruction, shell: [String]) -> InstructionScripts? {
        let options = ShellParseOptions(initialShellOptions: ShellOptionState(shellArguments: shell))
        func parse(_ text: ShellText) -> ShellScript {
            ShellScript(parsing: ShellSource(bytes: text.bytes, fileOffsets: text.fileOffsets), options: options)
        }
        var scripts: [Script] = []
        switch instruction.payload {
        case .run(let run):
            guard case .shell(let text) = run.command else { return InstructionScripts(scripts: [], shell: shell) }
            let onlyHeredoc = run.heredocs.count == 1
                && text.text.trimmingCharacters(in: .whitespaces).range(of: #"^[0-9]*<<-?\s*['"]?[^\s'"]+['"]?$"#, options: .regularExpression) != nil
            var commandScript: ShellScript?
            if !onlyHeredoc {
                let script = parse(text)
                commandScript = script
                scripts.append(Script(origin: .command, script: script))
            }
            for (index, heredoc) in run.heredocs.enumerated() {
                let body = Array(heredoc.content.utf8)
                let firstLine = heredoc.content.prefix { $0 != "\n" }
                let shebangIsShell = !firstLine.hasPrefix("#!") || shellNames.contains { firstLine.hasSuffix("/" + $0) || firstLine.hasSuffix(" " + $0) || firstLine.contains("/\($0) ") }
                let readByShell = commandScript?.commands.contains { command in
                    guard let name = command.effectiveName, shellNames.contains(name) else { return false }
                    return !command.words.dropFirst().contains { $0.literal == "-c" }
                } ?? false
                if (onlyHeredoc && shebangIsShell) || readByShell {
                    scripts.append(Script(origin: .heredoc(index), script: ShellScript(parsing: ShellSource(bytes: body, baseOffset: heredoc.bodyRange.start), options: options)))
                }
            }
        case .cmd(let command), .entrypoint(let command):
            if case .shell(let text)? = command.command { scripts.append(Script(origin: .command, script: parse(text))) }
        case .healthcheck(let check):
            if case .shell(let text)? = check.command { scripts.append(Script(origin: .command, script: parse(text))) }
        default:
            return nil
        }
        return InstructionScripts(scripts: scripts, shell: shell)
    }
}
