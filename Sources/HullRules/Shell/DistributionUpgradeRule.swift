import HullCore
import HullDockerfile
import HullLint
import HullShell

/// `dist-upgrade` (apt-get, apt, zypper) inside an image build.
public struct DistributionUpgradeRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "SH036", name: "distribution-upgrade",
        summary: "A RUN instruction upgrades the whole distribution (`dist-upgrade`).",
        rationale: """
        `apt-get dist-upgrade` (`apt full-upgrade`) and `zypper dist-upgrade` (`dup`) may add and \
        remove packages and move the system to whatever the mirrors hold that day, including a new \
        release when the sources allow it. Inside an image that means a base image that no longer \
        matches its tag, layers that rebuild differently every time and a larger image. To get \
        current packages, move to a newer base image (or rebuild it); to pick up security fixes of a \
        few packages, upgrade those by name. Only distribution upgrades are flagged: a plain \
        `apt-get upgrade` keeps the installed set and is not covered here.
        """,
        category: .maintainability, defaultSeverity: .warning,
        aliases: [.hadolint("DL3035"), .trivy("DS-0024"), .dockle("DKL-DI-0003")],
        examples: [
            .passing("FROM debian:12\nRUN apt-get update && apt-get upgrade -y && apt-get install -y --only-upgrade openssl\n"),
            .passing("FROM opensuse/leap:15.6\nRUN zypper -n update && zypper -n patch\n"),
            .failing("FROM debian:12\nRUN apt-get update && apt-get -y ⟦dist-upgrade⟧\n"),
            .failing("FROM debian:12\nRUN apt update && \\\n    sudo apt ⟦full-upgrade⟧ -y\n"),
            .failing("FROM opensuse/leap:15.6\nRUN <<EOF\nset -e\nzypper -n ↓dup\nEOF\n"),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        for run in input.hygieneRuns {
            for command in run.commands {
                guard let invocation = command.invocation, let tool = invocation.tool, let subcommand = invocation.subcommands.first else { continue }
                let upgrades: Bool
                switch tool {
                case "apt-get", "apt": upgrades = subcommand.name == "dist-upgrade" || subcommand.name == "full-upgrade"
                case "zypper": upgrades = subcommand.name == "dist-upgrade"
                default: upgrades = false
                }
                guard upgrades else { continue }
                let spelled = subcommand.word.literal ?? subcommand.name
                sink.report(subcommand.word.fileRange, "`\(invocation.name) \(spelled)` upgrades the whole distribution inside the image; use a newer base image")
            }
        }
    }
}
