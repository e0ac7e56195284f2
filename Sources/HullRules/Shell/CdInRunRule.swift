import HullCore
import HullDockerfile
import HullLint
import HullShell

/// `cd` in a RUN to set the directory for the commands after it, where WORKDIR would do.
public struct CdInRunRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "SH024", name: "cd-in-run",
        summary: "A RUN instruction changes directory with `cd` for the commands that follow.",
        rationale: """
        A `cd` at the top of a RUN only lasts for that RUN, so every later instruction has to repeat \
        it, and readers must track the current directory through `&&` chains. `WORKDIR` sets it \
        once, for RUN, COPY, CMD and ENTRYPOINT alike, creates the folder when missing, and shows in \
        the image configuration. Hull flags a `cd` whose effect reaches later commands of the same \
        script (as hadolint's intent is), and leaves alone the uses WORKDIR cannot replace: `cd` \
        inside a subshell `( … )`, a command substitution such as `$(cd \"$dir\" && pwd)`, a \
        function, a loop or a conditional, `cd -`, a bare `cd`, a directory only known at run time, \
        and a trailing `cd` with nothing after it. There is one finding per RUN, at its first such \
        `cd`, as hadolint reports one per RUN. When the RUN starts with `cd dir &&`, the finding \
        carries the rewrite: a `WORKDIR dir` line before the RUN.
        """,
        category: .maintainability, defaultSeverity: .warning,
        aliases: [.hadolint("DL3003"), .trivy("DS-0013")],
        fixAvailability: .unsafe,
        fixNote: """
        The rewrite changes the directory of every later instruction of the stage, so it is applied \
        (as an unsafe fix) only where that cannot matter: an absolute `WORKDIR` follows before any \
        instruction that reads the directory (RUN, CMD, ENTRYPOINT, HEALTHCHECK, ONBUILD, a relative \
        WORKDIR, or a COPY or ADD to a relative destination), or nothing reads it up to the end of a \
        builder stage that no other stage is built on (`COPY --from` reads paths from the stage's root). It stays unsafe because `WORKDIR` creates a \
        missing folder where `cd` would have failed the build. Elsewhere it is shown as advice.
        """,
        examples: [
            .passing("FROM debian:12\nWORKDIR /src\nRUN make && make install\n"),
            .passing("FROM debian:12\nRUN (cd /src/lib && make) && (cd /src/app && make)\n"),
            .passing("FROM debian:12\nRUN ROOT=\"$(cd \"$(dirname \"$0\")\" && pwd)\" && echo \"$ROOT\"\n"),
            .passing("FROM debian:12\nRUN for d in a b; do cd /src/$d && make; done\n"),
            .failing("FROM debian:12\nRUN ⟦cd⟧ /src && make && make install\n"),
            .failing("FROM debian:12\nRUN git clone https://example.com/app.git /app && \\\n    ⟦cd⟧ /app && \\\n    make\n"),
            .failing("FROM debian:12\nRUN <<EOF\nset -e\n↓cd /src\nmake\nEOF\n"),
            .failing("FROM debian:12\nARG APP_HOME=/srv/app\nRUN sh -c '↓cd \"$APP_HOME\" && ./configure'\n"),
            .fix("FROM golang:1.22 AS build\nCOPY . /src\nRUN cd /src && go build -o /out/app .\nFROM scratch\nCOPY --from=build /out/app /app\n",
                 to: "FROM golang:1.22 AS build\nCOPY . /src\nWORKDIR /src\nRUN go build -o /out/app .\nFROM scratch\nCOPY --from=build /out/app /app\n",
                 .unsafe),
            .fix("FROM debian:12\nRUN cd /src && make && make install\nENV PATH=/opt/bin:$PATH\nWORKDIR /app\nCMD [\"app\"]\n",
                 to: "FROM debian:12\nWORKDIR /src\nRUN make && make install\nENV PATH=/opt/bin:$PATH\nWORKDIR /app\nCMD [\"app\"]\n",
                 .unsafe),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        for run in input.hygieneRuns where !run.hasNonPosixShell {
            scripts: for (scriptIndex, script) in run.scripts.enumerated() {
                let commands = script.commands
                for (index, command) in commands.enumerated() where command.isCommand("cd") && command.wrappers.isEmpty {
                    guard Self.isAtTopLevel(command), index + 1 < commands.count,
                          let directory = directory(of: command, scope: input.hygieneScope(at: run.instruction.index)) else { continue }
                    let fix = advice(for: command, next: commands[index + 1], directory: directory, run: run,
                                     isFirst: scriptIndex == 0 && index == 0, input: input)
                    sink.report(command.effectiveNameWord?.fileRange ?? command.fileRange,
                                "`cd` sets the directory for the rest of this RUN only; use `WORKDIR \(directory)`", fix: fix)
                    break scripts
                }
            }
        }
    }

    /// Whether a `cd` changes the directory of the script around it, not of a subshell,
    /// substitution, function, loop or branch.
    static func isAtTopLevel(_ command: SimpleCommand) -> Bool {
        !command.context.isBackground && command.context.pipeline == nil && command.context.enclosures.allSatisfy { enclosure in
            switch enclosure {
            case .braceGroup, .nestedScript: true
            default: false
            }
        }
    }

    /// The directory, when it is known before the RUN starts.
    private func directory(of command: SimpleCommand, scope: VariableScope) -> String? {
        guard let invocation = command.invocation, invocation.operands.count == 1, let word = invocation.operands.first,
              let fields = HygieneVariables.fields(of: word, in: scope), fields.count == 1, let directory = fields.first,
              !directory.isEmpty, directory != "-" else { return nil }
        return directory
    }

    /// The WORKDIR rewrite, shown as advice: for `RUN cd /dir && rest`, a `WORKDIR /dir` line
    /// before the RUN and the RUN without its `cd`.
    private func advice(for command: SimpleCommand, next: SimpleCommand, directory: String, run: HygieneRun, isFirst: Bool, input: AnalyzedDockerfile) -> Fix? {
        guard isFirst, run.allowsFixes, !run.isOnbuild, command.context.enclosures.isEmpty, command.source.isExact,
              command.context.followingOperator == .and, next.context.precedingOperator == .and,
              next.context.enclosures.isEmpty, next.source.isExact, command.invocation?.options.isEmpty ?? false else { return nil }
        let newline = input.source.usesCRLF ? "\r\n" : "\n"
        let edits = [
            Edit.insert("WORKDIR \(directory)\(newline)", at: run.instruction.range.start),
            Edit.delete(TextRange(start: command.fileRange.start, end: next.fileRange.start)),
        ]
        return Fix(title: "Move the directory to a `WORKDIR` instruction", edits: edits,
                   applicability: Self.workdirIsReset(after: run.instruction, in: input) ? .unsafe : .displayOnly)
    }

    /// Whether an absolute WORKDIR follows `instruction` in its stage before anything reads the
    /// working directory, so a WORKDIR added before it changes nothing else.
    static func workdirIsReset(after instruction: Instruction, in input: AnalyzedDockerfile) -> Bool {
        guard let stage = instruction.stageIndex else { return false }
        for later in input.instructions[(instruction.index + 1)...] {
            guard later.stageIndex == stage, later.kind != .from else { return endsUnseen(stage, in: input) }
            switch later.payload {
            case .workdir(let workdir):
                return workdir.path?.text.hasPrefix("/") ?? false
            case .copy(let copy), .add(let copy):
                guard let destination = copy.destination?.text, destination.hasPrefix("/") else { return false }
            default:
                guard [.env, .arg, .label, .expose, .user, .stopsignal, .volume, .shell, .maintainer].contains(later.kind) else { return false }
            }
        }
        return endsUnseen(stage, in: input)
    }

    /// Whether the working directory a stage ends with is seen by nothing: the stage is not the
    /// image that ships and no stage is built on it (`COPY --from` reads paths from its root).
    static func endsUnseen(_ stage: Int, in input: AnalyzedDockerfile) -> Bool {
        guard input.targetStage?.index != stage else { return false }
        return !input.semantics.bases.contains { base in
            if case .stage(let index) = base { return index == stage }
            return false
        }
    }
}
