import HullCore
import HullDockerfile
import HullLint
import HullShell

/// `apt-get install` that also installs recommended packages.
public struct AptInstallRecommendsRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "SH032", name: "apt-install-recommends",
        summary: "`apt-get install` runs without `--no-install-recommends`.",
        rationale: """
        By default apt installs every package the requested ones merely recommend: documentation \
        tools, optional utilities, sometimes whole language runtimes. They are rarely needed in a \
        container, routinely double the size of the layer and add code to patch and scan. \
        `--no-install-recommends` installs only what is required; name the extra packages you do \
        need. hadolint rates this info and Trivy high; Hull uses warning, because the cost is real \
        on nearly every Debian or Ubuntu image and the change is one option. An explicit choice is \
        respected: `--install-recommends`, `-o APT::Install-Recommends=…`, or an \
        `APT::Install-Recommends` setting written to an apt configuration file earlier in the stage, \
        or options given through an ARG or ENV value; an unquoted variable named for options \
        (`$APT_OPTS`) whose value is only known at run time keeps the command from being flagged. \
        `apt install` is checked too.
        """,
        category: .size, defaultSeverity: .warning,
        aliases: [.hadolint("DL3015"), .trivy("DS-0029")],
        fixAvailability: .unsafe,
        fixNote: """
        The fix adds `--no-install-recommends` after `install`. It is unsafe because software \
        sometimes needs a package it only recommends (`curl` recommends `ca-certificates`, without \
        which HTTPS downloads fail); check the image still works and add such packages by name.
        """,
        examples: [
            .passing("FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates\n"),
            .passing("FROM debian:12\nRUN apt-get install -y -o APT::Install-Recommends=false curl && apt-get install -y --install-recommends texlive\n"),
            .passing("FROM debian:12\nRUN echo 'APT::Install-Recommends \"0\";' > /etc/apt/apt.conf.d/99norecommends\nRUN apt-get install -y curl\n"),
            .failing("FROM debian:12\nRUN apt-get update && apt-get ⟦install⟧ -y curl\n"),
            .failing("FROM debian:12\nRUN apt-get update \\\n && sudo apt-get -qy ⟦install⟧ curl\n"),
            .failing("FROM debian:12\nRUN <<EOF\nset -e\napt-get update\napt-get ↓install -y make\nEOF\n"),
            .fix("FROM debian:12\nRUN apt-get install -y curl\n", to: "FROM debian:12\nRUN apt-get install --no-install-recommends -y curl\n", .unsafe),
        ])

    /// Whether an argument states a choice about recommended packages.
    static func choosesRecommends(_ text: String) -> Bool {
        text == "--no-install-recommends" || text == "--install-recommends" || text.lowercased().contains("apt::install-recommends")
    }

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        var configured = false
        var stage: Int?
        for run in input.hygieneRuns {
            if run.stageIndex != stage {
                stage = run.stageIndex
                configured = false
            }
            let scope = input.hygieneScope(at: run.instruction.index)
            for command in run.commands {
                if command.isCommand("echo", "printf", "tee", "cat"),
                   command.arguments.contains(where: { $0.literal?.lowercased().contains("apt::install-recommends") ?? false }) {
                    configured = true
                }
                guard !configured, command.isCommand("apt-get", "apt"), let invocation = command.invocation,
                      let subcommand = invocation.subcommands.first, subcommand.name == "install",
                      !invocation.has(option: "--no-install-recommends", "--install-recommends"),
                      invocation.aptConfiguration["apt::install-recommends"] == nil,
                      HygieneVariables.dynamicArguments(of: invocation, in: scope, match: Self.choosesRecommends) == false else { continue }
                var fix: Fix?
                if run.allowsFixes, let edit = HygieneEdits.insert(" --no-install-recommends", after: subcommand.word) {
                    fix = Fix(title: "Add `--no-install-recommends`", edits: [edit], applicability: .unsafe)
                }
                sink.report(subcommand.word.fileRange, "`\(invocation.name) install` without `--no-install-recommends` also installs recommended packages", fix: fix)
            }
        }
    }
}
