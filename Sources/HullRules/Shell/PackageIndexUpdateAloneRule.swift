import HullCore
import HullDockerfile
import HullLint
import HullShell

/// A package-index update in a RUN that installs nothing with it.
public struct PackageIndexUpdateAloneRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "SH004", name: "package-index-update-alone",
        summary: "A RUN refreshes the package index (`apt-get update`, `apk update`, `yum makecache`, `zypper refresh`) but installs nothing with it.",
        rationale: """
        The layer cache keys a RUN on its text, not on the day it ran. A RUN that only refreshes the index is \
        built once and then reused for months, while the install in a later RUN keeps reading that frozen \
        index: packages that the mirror has since replaced fail to download, and security updates published \
        after the cached layer are never seen. Refresh and install in the same RUN (`apt-get update && \
        apt-get install …`) so that both are rebuilt together. An update with no install at all only adds a \
        layer of index files. Like Trivy and Dockle, Hull judges each RUN on its own; Checkov only complains \
        when no RUN in the whole file installs.
        """,
        category: .correctness, defaultSeverity: .warning,
        aliases: [.trivy("DS-0017"), .dockle("CIS-DI-0007"), .checkov("CKV_DOCKER_5")],
        examples: [
            .passing("FROM debian:12\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\n"),
            .passing("FROM alpine:3.20\nRUN apk add --no-cache -U curl\nFROM fedora:40\nRUN dnf makecache && dnf install -y git && dnf clean all\n"),
            .failing("FROM debian:12\nRUN ⟦apt-get update⟧\nRUN apt-get install -y curl\n"),
            .failing("FROM alpine:3.20\nRUN ⟦apk update⟧ && echo refreshed\nRUN apk add --no-cache curl\n"),
            .failing("FROM opensuse/leap:15.6\nRUN ⟦zypper --non-interactive refresh⟧ && apt-get install -y curl\n"),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        let runs = ShellRun.all(in: input)
        for (position, run) in runs.enumerated() {
            let invocations = run.commands.compactMap(\.invocation)
            for invocation in invocations {
                guard let family = PackageManagerFamily(invocation), family.isIndexUpdate(invocation) else { continue }
                if invocations.contains(where: { PackageManagerFamily($0) == family && family.isInstall($0) }) { continue }
                let stage = run.instruction.stageIndex
                let later = runs[(position + 1)...].first { other in
                    guard let otherStage = other.instruction.stageIndex, let stage,
                          ShellImageStages.lineage(of: otherStage, in: input).contains(stage) else { return false }
                    return other.commands.contains { command in
                        guard let invocation = command.invocation else { return false }
                        return PackageManagerFamily(invocation) == family && family.isInstall(invocation)
                    }
                }
                let written = ShellEdits.commandText(invocation)
                let message = later.map { "`\(written)` without an install in the same RUN: the install at line \($0.instruction.line) reuses its cached, ageing index" }
                    ?? "`\(written)` without an install in the same RUN: its index is cached with this layer and goes stale"
                sink.report(ShellEdits.commandRange(invocation), message)
            }
        }
    }
}
