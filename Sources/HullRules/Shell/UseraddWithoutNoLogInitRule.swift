import HullCore
import HullDockerfile
import HullLint
import HullShell

/// `useradd` with a UID of six digits or more and without `-l`/`--no-log-init`.
public struct UseraddWithoutNoLogInitRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "SH022", name: "useradd-without-no-log-init",
        summary: "`useradd` creates a user with a large UID without `--no-log-init`.",
        rationale: """
        `useradd` reserves a record for the new UID in `/var/log/lastlog` and `/var/log/faillog`. \
        Those files are sparse on disk, but image layers store them in full, so a UID of 100000 or \
        more adds tens of megabytes of zeros to the layer (hundreds for UIDs in the millions). \
        `-l`/`--no-log-init` skips those records, which a container never needs. As hadolint does, \
        Hull flags UIDs of six digits or more; it also resolves a UID given through an ARG or ENV \
        value (`useradd -u \"$APP_UID\"`).
        """,
        category: .size, defaultSeverity: .warning,
        aliases: [.hadolint("DL3046")],
        fixAvailability: .safe,
        examples: [
            .passing("FROM debian:12\nRUN useradd -u 1000 -m app\n"),
            .passing("FROM debian:12\nRUN useradd --no-log-init -u 123456 app\n"),
            .passing("FROM debian:12\nRUN useradd -lu 123456 app\n"),
            .passing("FROM debian:12\nARG APP_UID=1001\nRUN useradd --uid \"$APP_UID\" app\n"),
            .failing("FROM debian:12\nRUN useradd -u ⟦123456⟧ app\n"),
            .failing("FROM debian:12\nARG APP_UID=200000\nRUN groupadd -g 1001 app && \\\n    useradd --uid ⟦\"$APP_UID\"⟧ -g app app\n"),
            .failing("FROM debian:12\nRUN <<EOF\nset -e\nuseradd --uid=⟦1000000⟧ -m app\nEOF\n"),
            .fix("FROM debian:12\nRUN useradd -u 123456 app\n", to: "FROM debian:12\nRUN useradd --no-log-init -u 123456 app\n"),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        for run in input.hygieneRuns {
            for command in run.commands where command.isCommand("useradd") {
                guard let invocation = command.invocation, !invocation.has(option: "-l"),
                      let option = invocation.options(named: "-u").last else { continue }
                let scope = input.hygieneScope(at: run.instruction.index)
                guard let uid = uid(of: option, scope: scope), let number = Int(uid), number >= 100_000 else { continue }
                let range = option.valueFileRange ?? option.fileRange
                var fix: Fix?
                if run.allowsFixes, let word = command.effectiveNameWord, let edit = HygieneEdits.insert(" --no-log-init", after: word) {
                    fix = Fix(title: "Add `--no-log-init`", edits: [edit], applicability: .safe)
                }
                sink.report(range, "`useradd` with UID `\(uid)` and no `--no-log-init` stores large lastlog and faillog files in the layer", fix: fix)
            }
        }
    }

    /// The UID given to `-u`, resolved through ARG and ENV values when needed.
    private func uid(of option: ParsedOption, scope: VariableScope) -> String? {
        if let value = option.value { return value }
        if let word = option.valueWord { return HygieneVariables.fields(of: word, in: scope)?.first }
        guard option.hasValue, let whole = HygieneVariables.fields(of: option.word, in: scope)?.first, whole.hasPrefix(option.spelling) else { return nil }
        var value = whole.dropFirst(option.spelling.count)
        if value.hasPrefix("=") { value = value.dropFirst() }
        return String(value)
    }
}
