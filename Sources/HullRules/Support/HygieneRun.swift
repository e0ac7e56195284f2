import HullCore
import HullDockerfile
import HullLint
import HullShell

/// One RUN instruction as the shell-hygiene rules see it: its parsed scripts (the command,
/// heredoc scripts, nested `sh -c` scripts), the SHELL in force and where it sits.
///
/// Besides shell-form RUN, this covers exec-form RUN (whose arguments are read as one quoted
/// command line, as hadolint does) and RUN wrapped in ONBUILD, so that a trigger is judged like
/// the instruction it will become.
struct HygieneRun: Sendable {
    /// The RUN instruction, or the ONBUILD that wraps it.
    let instruction: Instruction
    /// The parsed scripts, command first.
    let scripts: [ShellScript]
    /// The SHELL in force (`["/bin/sh", "-c"]` unless SHELL changed it).
    let shell: [String]
    /// Whether the RUN is written in exec (JSON) form; its ranges point into JSON strings, so
    /// it gets no fixes.
    let isExecForm: Bool
    /// Whether the RUN is an ONBUILD trigger.
    let isOnbuild: Bool
    /// The `--mount` flags.
    let mounts: [RunMount]

    /// Every simple command of every script, nested ones included, in order.
    var commands: [SimpleCommand] { scripts.flatMap(\.commands) }

    /// The stage the instruction belongs to.
    var stageIndex: Int? { instruction.stageIndex }

    /// Whether edits may be proposed for this RUN.
    var allowsFixes: Bool { !isExecForm }

    /// The shell program's name without its directory (`bash` for `/bin/bash`).
    var shellName: String {
        let first = shell.first ?? "/bin/sh"
        let base = first.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? first
        return base.lowercased()
    }

    /// Whether the SHELL is not a POSIX-style shell (PowerShell, cmd, fish), whose pipes and
    /// commands these rules do not understand.
    var hasNonPosixShell: Bool {
        let name = shellName.hasSuffix(".exe") ? String(shellName.dropLast(4)) : shellName
        return ["pwsh", "powershell", "cmd", "fish", "nu", "nushell", "elvish", "xonsh"].contains(name)
    }

    /// The cache mounts of the RUN.
    var cacheMounts: [RunMount] { mounts.filter { $0.kind == .cache } }
}

extension AnalyzedDockerfile {
    /// Every RUN (and ONBUILD RUN) with its parsed scripts, in file order; computed once per
    /// file and shared by the rules.
    var hygieneRuns: [HygieneRun] { memo.value(of: HygieneRunsFact.self) { makeHygieneRuns() } }

    private func makeHygieneRuns() -> [HygieneRun] {
        var runs: [HygieneRun] = []
        var shell = ["/bin/sh", "-c"]
        var stage: Int?
        for instruction in instructions {
            if instruction.stageIndex != stage {
                stage = instruction.stageIndex
                shell = ["/bin/sh", "-c"]
            }
            switch instruction.payload {
            case .shell(let declared) where declared.isJSON && !declared.arguments.isEmpty:
                shell = declared.arguments.map(\.text)
            case .run(let run):
                let parsed = scripts(at: instruction.index)
                let runShell = parsed?.shell ?? shell
                shell = runShell
                switch run.command {
                case .shell:
                    runs.append(HygieneRun(instruction: instruction, scripts: Self.scripts(of: parsed, run: run), shell: runShell,
                                           isExecForm: false, isOnbuild: false, mounts: run.mounts))
                case .exec(let words):
                    guard !words.isEmpty else { continue }
                    runs.append(HygieneRun(instruction: instruction, scripts: [HygieneExecScript.parse(words)], shell: runShell,
                                           isExecForm: true, isOnbuild: false, mounts: run.mounts))
                }
            case .onbuild(let onbuild):
                guard let trigger = onbuild.trigger, trigger.kind == .run else { continue }
                let options = ShellParseOptions(initialShellOptions: ShellOptionState(shellArguments: shell))
                if trigger.isJSON {
                    let words = Self.execWords(of: trigger)
                    guard !words.isEmpty else { continue }
                    runs.append(HygieneRun(instruction: instruction, scripts: [HygieneExecScript.parse(words)], shell: shell,
                                           isExecForm: true, isOnbuild: true, mounts: []))
                } else {
                    let range = trigger.restRange
                    guard !range.isEmpty else { continue }
                    let source = ShellSource(bytes: Array(trigger.line.bytes[range]), fileOffsets: Array(trigger.line.fileOffsets[range]))
                    runs.append(HygieneRun(instruction: instruction, scripts: [ShellScript(parsing: source, options: options)], shell: shell,
                                           isExecForm: false, isOnbuild: true, mounts: []))
                }
            default:
                break
            }
        }
        return runs
    }

    /// Shells that read a heredoc as their script (as the engine decides which heredocs are scripts).
    private static let heredocShells: Set<String> = ["sh", "bash", "ash", "dash", "zsh", "ksh", "busybox"]

    /// The scripts of a shell-form RUN. A heredoc fed to a shell (`RUN bash -o pipefail <<EOF`)
    /// runs in a new shell with that shell's flags, not the SHELL's, so it is parsed again with
    /// them.
    private static func scripts(of parsed: InstructionScripts?, run: RunInstruction) -> [ShellScript] {
        guard let parsed else { return [] }
        let reader = parsed.scripts.first { $0.origin == .command }?.script.commands.first { command in
            guard let name = command.effectiveName, Self.heredocShells.contains(name) else { return false }
            return !command.arguments.contains { $0.literal == "-c" }
        }
        guard let reader, let name = reader.effectiveName else { return parsed.scripts.map(\.script) }
        let flags = reader.arguments.map { $0.literal ?? "" }
        let options = ShellParseOptions(initialShellOptions: ShellOptionState(shellArguments: [name] + flags))
        return parsed.scripts.map { script in
            guard case .heredoc(let index) = script.origin, index < run.heredocs.count else { return script.script }
            let heredoc = run.heredocs[index]
            return ShellScript(parsing: ShellSource(bytes: Array(heredoc.content.utf8), baseOffset: heredoc.bodyRange.start), options: options)
        }
    }

    /// The JSON arguments of an exec-form trigger, as words.
    private static func execWords(of syntax: InstructionSyntax) -> [Word] {
        syntax.arguments.compactMap { argument in argument.range.map { Word(text: argument.value, range: $0) } }
    }

    /// The variables instruction `index` sees, for resolving `$NAME` in its scripts.
    func hygieneScope(at index: Int) -> VariableScope { semantics.scope(at: index) }
}

/// The memo key of ``AnalyzedDockerfile/hygieneRuns``.
private enum HygieneRunsFact: AnalysisFact {
    typealias Value = [HygieneRun]
}

/// Reads the JSON arguments of an exec-form RUN as one command line, each argument quoted,
/// with every byte mapped back to its JSON string.
enum HygieneExecScript {
    static func parse(_ words: [Word]) -> ShellScript {
        var bytes: [UInt8] = []
        var offsets: [Int] = []
        for (index, word) in words.enumerated() {
            if index > 0 {
                bytes.append(UInt8(ascii: " "))
                offsets.append(word.range.start)
            }
            let value = Array(word.text.utf8)
            let exact = word.range.length == value.count + 2
            func offset(_ position: Int) -> Int { exact ? word.range.start + 1 + position : word.range.start }
            let plain = !value.isEmpty && value.allSatisfy(isPlain)
            if plain {
                for (position, byte) in value.enumerated() {
                    bytes.append(byte)
                    offsets.append(offset(position))
                }
                continue
            }
            bytes.append(UInt8(ascii: "'"))
            offsets.append(word.range.start)
            for (position, byte) in value.enumerated() {
                if byte == UInt8(ascii: "'") {
                    for escaped in Array("'\\''".utf8) {
                        bytes.append(escaped)
                        offsets.append(offset(position))
                    }
                } else {
                    bytes.append(byte)
                    offsets.append(offset(position))
                }
            }
            bytes.append(UInt8(ascii: "'"))
            offsets.append(max(word.range.start, word.range.end - 1))
        }
        let options = ShellParseOptions(initialShellOptions: ShellOptionState())
        return ShellScript(parsing: ShellSource(bytes: bytes, fileOffsets: offsets), options: options)
    }

    private static func isPlain(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return Array("_./:=@%+,-".utf8).contains(byte)
        }
    }
}

extension AnalyzedDockerfile {
    /// The user named by the last USER before instruction `index` in its stage or the stages it
    /// is built on; nil when none sets one (the base image decides).
    func hygieneUser(before index: Int) -> String? {
        guard var stageIndex = instructions[index].stageIndex else { return nil }
        var end = index
        var seen: Set<Int> = []
        while seen.insert(stageIndex).inserted {
            let stage = stages[stageIndex]
            for instruction in instructions[stage.instructionIndices].reversed() where instruction.index < end {
                if case .user(let user) = instruction.payload, let name = user.userName { return name }
            }
            guard case .stage(let parent) = semantics.bases[stageIndex] else { return nil }
            stageIndex = parent
            end = Int.max
        }
        return nil
    }
}
