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
        apt-get install …`) so that both are rebuilt together, the install after the update. An update with no \
        install after it only adds a layer of index files (unless, for apt, the lists are removed again in the \
        same RUN). Like Trivy and Dockle, Hull judges each RUN on its own; Checkov only complains \
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
            .failing("FROM debian:12\nRUN apt-get install -y curl && ⟦apt-get update⟧\n"),
            .passing("FROM debian:12\nRUN apt-get update && apt-get install -y curl \\\n && apt-get update && rm -rf /var/lib/apt/lists/*\n"),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        let runs = ShellRun.all(in: input)
        for (position, run) in runs.enumerated() {
            let commands = run.commands
            for (index, command) in commands.enumerated() {
                guard let invocation = command.invocation, let family = PackageManagerFamily(invocation), family.isIndexUpdate(invocation) else { continue }
                func installs(_ other: SimpleCommand) -> Bool {
                    other.invocation.map { PackageManagerFamily($0) == family && family.isInstall($0) } ?? false
                }
                if commands[(index + 1)...].contains(where: installs) { continue }
                // An apt index refreshed after the installs stays in the layer unused, unless the lists are removed
                // again later in the RUN (a smoke test before `apt-get dist-clean`). Other families: any install will do.
                let installedBefore = commands[..<index].contains(where: installs)
                if installedBefore, family != .apt || PackageManagerCache.mounted(run).contains(.aptLists)
                    || (PackageManagerCache.aptLists.lastCleanup(in: commands).map { $0 > index } ?? false) { continue }
                let written = ShellEdits.commandText(invocation)
                if installedBefore {
                    sink.report(ShellEdits.commandRange(invocation), "`\(written)` comes after the installs of its RUN: the fresh index stays in the layer unused; update before installing, or remove `/var/lib/apt/lists/*` afterwards")
                    continue
                }
                let stage = run.instruction.stageIndex
                let later = runs[(position + 1)...].first { other in
                    guard let otherStage = other.instruction.stageIndex, let stage,
                          ShellImageStages.lineage(of: otherStage, in: input).contains(stage) else { return false }
                    return other.commands.contains { command in
                        guard let invocation = command.invocation else { return false }
                        return PackageManagerFamily(invocation) == family && family.isInstall(invocation)
                    }
                }
                let message = later.map { "`\(written)` without an install in the same RUN: the install at line \($0.instruction.line) reuses its cached, ageing index" }
                    ?? "`\(written)` without an install in the same RUN: its index is cached with this layer and goes stale"
                sink.report(ShellEdits.commandRange(invocation), message)
            }
        }
    }
}
