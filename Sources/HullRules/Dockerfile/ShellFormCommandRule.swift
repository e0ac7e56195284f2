import HullCore
import HullDockerfile
import HullLint
import HullShell

/// `CMD` or `ENTRYPOINT` written in shell form, so a shell sits between the container and the program.
public struct ShellFormCommandRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF006", name: "shell-form-command",
        summary: "`CMD` or `ENTRYPOINT` is written in shell form.",
        rationale: """
        Shell form (`CMD node server.js`) runs the command as `/bin/sh -c "node server.js"`: the shell is \
        PID 1, and most shells neither forward `SIGTERM` nor reap children, so `docker stop` waits its \
        grace period and then kills the program without a clean shutdown. Exec form \
        (`CMD ["node", "server.js"]`) starts the program itself as PID 1. A shell-form `ENTRYPOINT` also \
        ignores `CMD` and any arguments given to `docker run`. When the command needs the shell (variables, \
        `&&`, redirections), start it with `exec` so the program replaces the shell — a single command \
        that already begins with `exec` is accepted, which both peers would still flag — or move the logic \
        into a start script that ends in `exec "$@"`. Peers differ on `SHELL`: hadolint ignores it, \
        BuildKit stays silent once a `SHELL` instruction is in force. Hull follows BuildKit, in the stage \
        and the stages it is built on: a custom shell (PowerShell, `bash -o pipefail`) is a deliberate \
        choice of how commands run.
        """,
        category: .correctness, defaultSeverity: .warning,
        aliases: [.hadolint("DL3025"), .buildkit("JSONArgsRecommended")],
        fixAvailability: .sometimes,
        fixNote: """
        A command made of plain words — no variables, quotes, escapes, globs, `~`, redirections, `;`, `&`, \
        `|` or subshells, and not a shell builtin — means the same in exec form, so the rewrite is safe; a \
        leading `exec` is dropped. For `ENTRYPOINT` the rewrite is unsafe when a `CMD` is set in the stage \
        or a stage built on it: in exec form that `CMD` starts being passed to the program as arguments. \
        Commands that rely on the shell only get advice (prefix a single command with `exec`).
        """,
        examples: [
            .passing("FROM node:20-alpine\nCMD [\"node\", \"src/index.js\"]\n"),
            .passing("FROM mcr.microsoft.com/powershell:lts-alpine-3.20\nSHELL [\"pwsh\", \"-Command\"]\nCMD Write-Host ready\n"),
            .passing("FROM python:3.12-slim\nCMD exec gunicorn --bind \"0.0.0.0:$PORT\" app:app\n"),
            .failing("FROM node:20-alpine\nCMD ⟦node src/index.js⟧\n"),
            .failing("FROM node:20-alpine\nCMD ⟦npm run migrate && npm start⟧\n"),
            .failing("FROM alpine:3.20\nENTRYPOINT ⟦/usr/local/bin/server --port $PORT⟧\nCMD [\"--verbose\"]\n"),
            .fix("FROM node:20-alpine\nCMD node src/index.js\n", to: "FROM node:20-alpine\nCMD [\"node\", \"src/index.js\"]\n"),
            .fix("FROM python:3.12-slim\nCMD exec gunicorn app:app\n", to: "FROM python:3.12-slim\nCMD [\"gunicorn\", \"app:app\"]\n"),
            .fix("FROM python:3.12-slim\nENTRYPOINT python app.py\nCMD [\"--debug\"]\n",
                 to: "FROM python:3.12-slim\nENTRYPOINT [\"python\", \"app.py\"]\nCMD [\"--debug\"]\n", .unsafe),
        ])

    /// Bytes that make a command depend on the shell.
    static let shellCharacters: Set<Character> = ["$", "*", "?", "[", "]", "'", "\"", "\\", "|", "&", ";", "<", ">", "(", ")", "`", "~", "#", "{", "}", "\n", "\r"]

    /// Reserved words and builtins that have no program to run in exec form.
    static let shellOnlyNames: Set<String> = [
        "!", "if", "then", "else", "elif", "fi", "do", "done", "case", "esac", "while", "until", "for", "in", "function", "select",
        "time", "cd", ".", "source", "export", "unset", "set", "readonly", "local", "eval", "exec", "exit", "return", "shift", "trap",
        "ulimit", "umask", "alias", "unalias", "wait", "read", "getopts", "hash", "type", "command", "builtin", "let", "declare", "typeset", ":",
    ]

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        for instruction in input.instructions {
            switch instruction.payload {
            case .cmd(let command): inspect(command, instruction, isEntrypoint: false, input, &sink)
            case .entrypoint(let command): inspect(command, instruction, isEntrypoint: true, input, &sink)
            default: continue
            }
        }
    }

    private func inspect(_ command: CommandInstruction, _ instruction: Instruction, isEntrypoint: Bool, _ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        guard case .shell(let text)? = command.command, instruction.syntax.heredocs.isEmpty, let stageIndex = instruction.stageIndex else { return }
        if shellIsSet(before: instruction, stage: stageIndex, input) { return }
        let keyword = "`\(instruction.kind.keyword)`"
        let script = text.text.trimmingCharacters(in: .whitespaces)
        let range = text.range
        let receivesCMD = isEntrypoint ? stageSetsCMD(stage: stageIndex, input) : false

        var consequence = "runs under `/bin/sh -c`, which does not pass `SIGTERM` on to the program"
        if isEntrypoint { consequence += receivesCMD ? ", and it ignores the `CMD` set for it" : ", and it ignores `CMD` and `docker run` arguments" }

        if let words = Self.plainWords(script) {
            var fix: Fix?
            if instruction.syntax.innerComments.isEmpty {
                let array = "[" + words.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
                fix = Fix(title: "Use the exec form", edits: [Edit(range: range, replacement: array)], applicability: receivesCMD ? .unsafe : .safe)
            }
            sink.report(range, "\(keyword) in shell form \(consequence); use the exec form", fix: fix)
            return
        }

        let simple = Self.singleSimpleCommand(input.scripts(at: instruction.index))
        if let simple, simple.words.first?.literal == "exec" { return }
        var fix: Fix?
        if let simple, simple.assignments.isEmpty, !simple.words.isEmpty {
            fix = Fix(title: "Prefix the command with `exec`", edits: [.insert("exec ", at: simple.fileRange.start)], applicability: .displayOnly)
        }
        let advice = simple != nil
            ? "start it with `exec` so the program replaces the shell, or use the exec form"
            : "use the exec form, or move the steps into a start script that ends with `exec`"
        sink.report(range, "\(keyword) in shell form \(consequence); \(advice)", fix: fix)
    }

    /// Whether a `SHELL` instruction precedes `instruction` in its stage or sits in a stage it is built on.
    private func shellIsSet(before instruction: Instruction, stage: Int, _ input: AnalyzedDockerfile) -> Bool {
        input.stageChain(from: stage).contains { stage in
            input.dockerfile.instructions(in: stage).contains { candidate in
                candidate.kind == .shell && (candidate.stageIndex != instruction.stageIndex || candidate.index < instruction.index)
            }
        }
    }

    /// Whether a `CMD` is set in the stage or in a later stage built on it, which a shell-form
    /// `ENTRYPOINT` ignores and an exec-form one receives as arguments.
    private func stageSetsCMD(stage: Int, _ input: AnalyzedDockerfile) -> Bool {
        input.stages.contains { candidate in
            guard input.stageChain(from: candidate.index).contains(where: { $0.index == stage }) else { return false }
            return input.dockerfile.instructions(in: candidate).contains { $0.kind == .cmd }
        }
    }

    /// The words of a command that means the same without a shell, a leading `exec` dropped;
    /// nil when the shell matters.
    static func plainWords(_ script: String) -> [String]? {
        guard !script.contains(where: shellCharacters.contains) else { return nil }
        var words = script.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        if words.first == "exec" {
            words.removeFirst()
            if words.first?.hasPrefix("-") == true { return nil }
        }
        guard let first = words.first, !first.contains("="), !shellOnlyNames.contains(first) else { return nil }
        return words
    }

    /// The command when the script is one simple command (no list, pipeline or compound command).
    static func singleSimpleCommand(_ scripts: InstructionScripts?) -> SimpleCommand? {
        guard let script = scripts?.scripts.first?.script, script.isValid, script.body.items.count == 1 else { return nil }
        let item = script.body.items[0]
        guard !item.isBackground, item.andOr.elements.count == 1 else { return nil }
        let pipeline = item.andOr.elements[0].pipeline
        guard pipeline.commands.count == 1, !pipeline.isNegated, case .simple(let command) = pipeline.commands[0] else { return nil }
        return command
    }
}
