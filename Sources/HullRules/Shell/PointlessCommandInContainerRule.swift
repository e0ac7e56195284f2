import HullCore
import HullDockerfile
import HullLint
import HullShell

/// Commands that do nothing useful in an image build: interactive tools, process and service
/// control, host administration.
public struct PointlessCommandInContainerRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "SH025", name: "pointless-command-in-container",
        summary: "A RUN instruction runs a command that makes no sense in a container build.",
        rationale: """
        A RUN executes once, in a throw-away container, with no terminal, no init system and no \
        privileges over the host. Interactive editors (`vim`) wait for input that never comes, \
        `service` starts a daemon that dies when the RUN ends, `shutdown`, `kill` and `mount` act on \
        nothing that outlives the step, `ps`, `top`, `free` and `ifconfig` only describe the build \
        container at that instant, and `ssh` reaches out to another machine, which makes the build \
        depend on it and tempts people to bake keys into layers. Such commands are usually leftovers \
        from a VM setup script. This is hadolint's list, plus `ifconfig`, which hadolint's message \
        names; wrappers (`sudo`, `env`, `xargs`) and nested `sh -c` scripts are seen through.
        """,
        category: .maintainability, defaultSeverity: .info,
        aliases: [.hadolint("DL3001")],
        examples: [
            .passing("FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends vim procps\n"),
            .passing("FROM debian:12\nRUN ssh-keygen -A && echo 'kill mount ps' > /tmp/words\n"),
            .failing("FROM debian:12\nRUN ⟦service⟧ nginx start\n"),
            .failing("FROM debian:12\nRUN mysqld_safe & sleep 5 && mysql < /init.sql && ↓kill %1\n"),
            .failing("FROM debian:12\nRUN sudo ⟦mount⟧ -t tmpfs none /mnt && \\\n    ↓ps aux\n"),
            .failing("FROM debian:12\nRUN <<EOF\nset -e\n↓ssh git@example.com true\nEOF\n"),
        ])

    /// Each command and why it is pointless.
    static let reasons: [String: String] = [
        "ssh": "connects to another machine during the build",
        "vim": "is an interactive editor and a build has no terminal",
        "shutdown": "cannot stop anything that outlives this RUN",
        "service": "starts a service that stops when this RUN ends",
        "ps": "only lists the processes of this RUN",
        "free": "only describes the build container at this instant",
        "top": "only describes the build container at this instant",
        "kill": "only reaches processes of this RUN",
        "mount": "needs privileges a build does not have, and mounts do not persist in layers",
        "ifconfig": "only describes the build container's network",
    ]

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        for run in input.hygieneRuns where !run.hasNonPosixShell {
            for command in run.commands {
                guard let name = command.effectiveName, let reason = Self.reasons[name], let word = command.effectiveNameWord else { continue }
                sink.report(word.fileRange, "`\(name)` \(reason)")
            }
        }
    }
}
