import HullCore
import HullDockerfile
import HullLint
import HullShell

/// `wget` without an option that tames its progress output.
public struct WgetProgressBarRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "SH029", name: "wget-progress-bar",
        summary: "`wget` runs without `-q`, `-nv` or `--progress`.",
        rationale: """
        Without a terminal, GNU Wget falls back to its dot display and writes a line every few \
        kilobytes, so one large download floods the build log with thousands of lines, hides the \
        output that matters and can hit log size limits in CI. `--progress=dot:giga` keeps a short \
        progress trace, `-nv` prints one line per file, `-q` prints nothing. As hadolint does, Hull \
        also accepts `-o`/`--output-file` and `-a`/`--append-output` (the log goes to a file), and \
        additionally a redirection of standard error to a file (`2>/dev/null`) and these options \
        given through an ARG or ENV value (`wget $WGET_OPTS …`).
        """,
        category: .maintainability, defaultSeverity: .info,
        aliases: [.hadolint("DL3047")],
        fixAvailability: .unsafe,
        fixNote: """
        The fix adds `-q`, the one quieting option both GNU Wget and BusyBox wget (Alpine's default) \
        understand. It is unsafe because `-q` also hides wget's error messages: a failed download \
        then only shows as an exit status. With GNU Wget, `-nv` or `--progress=dot:giga` keep the \
        errors.
        """,
        examples: [
            .passing("FROM debian:12\nRUN wget --progress=dot:giga https://example.com/big.iso\n"),
            .passing("FROM debian:12\nRUN wget -nv https://example.com/a.tgz && wget -qO- https://example.com/b | sh\n"),
            .passing("FROM debian:12\nRUN wget -o /tmp/wget.log https://example.com/a.tgz && wget https://example.com/b.tgz 2>/dev/null\n"),
            .failing("FROM debian:12\nRUN ⟦wget⟧ https://example.com/app.tgz\n"),
            .failing("FROM debian:12\nRUN apt-get update && \\\n    ↓wget -O /tmp/app.tgz https://example.com/app.tgz 2>&1\n"),
            .failing("FROM debian:12\nRUN <<EOF\nset -e\n↓wget -c https://example.com/a.iso\nEOF\n"),
            .fix("FROM debian:12\nRUN wget https://example.com/app.tgz\n", to: "FROM debian:12\nRUN wget -q https://example.com/app.tgz\n", .unsafe),
        ])

    static let quietingOptions = ["-q", "-nv", "--progress", "-o", "-a"]

    /// Whether an argument given through a variable quiets wget.
    static func quiets(_ text: String) -> Bool {
        HygieneVariables.isOption(text, names: ["-q", "--quiet", "-nv", "--no-verbose", "--progress", "-o", "--output-file", "-a", "--append-output"], letter: "q")
    }

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        for run in input.hygieneRuns {
            let scope = input.hygieneScope(at: run.instruction.index)
            for command in run.commands where command.isCommand("wget") {
                guard let invocation = command.invocation, let word = command.effectiveNameWord,
                      !invocation.has(option: Self.quietingOptions), !Self.redirectsStandardError(command),
                      HygieneVariables.dynamicArguments(of: invocation, in: scope, match: Self.quiets) == false else { continue }
                var fix: Fix?
                if run.allowsFixes, let edit = HygieneEdits.insert(" -q", after: word) {
                    fix = Fix(title: "Add `-q`", edits: [edit], applicability: .unsafe)
                }
                sink.report(word.fileRange, "`wget` without `-q`, `-nv` or `--progress` floods the build log", fix: fix)
            }
        }
    }

    /// Whether standard error goes to a file rather than the build log.
    static func redirectsStandardError(_ command: SimpleCommand) -> Bool {
        command.redirections.contains { redirection in
            switch redirection.operator {
            case .outputAndError, .appendOutputAndError:
                return true
            case .output, .append, .clobber:
                return redirection.effectiveFileDescriptor == 2
            case .duplicateOutput:
                guard redirection.effectiveFileDescriptor == 2 || redirection.fileDescriptor == nil, let target = redirection.target?.literal else { return false }
                return !target.allSatisfy(\.isNumber) && target != "-"
            default:
                return false
            }
        }
    }
}
