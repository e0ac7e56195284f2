import HullCore
import HullDockerfile
import HullLint
import HullShell

/// `apt-get update` whose package lists stay in the image.
public struct AptListsNotRemovedRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "SH005", name: "apt-lists-not-removed",
        summary: "`apt-get update` runs in a RUN that does not remove `/var/lib/apt/lists` afterwards.",
        rationale: """
        `apt-get update` downloads the package lists of every configured repository, commonly 20 to 50 MB, \
        into `/var/lib/apt/lists`. Nothing in a running container needs them, and because each RUN is a layer \
        they stay in the image unless the same RUN deletes them: add `&& rm -rf /var/lib/apt/lists/*` after \
        the last `apt-get` command, or keep them out of the layer with `RUN --mount=type=cache` or \
        `type=tmpfs` on `/var/lib/apt` (a mount on `/var/cache/apt` alone does not cover the lists). \
        `apt-get distclean` also counts. Only stages whose files reach the image are judged: the target \
        stage and the stages it is built `FROM`, not builder stages the image only copies from. hadolint \
        rates this info and Dockle fatal; Hull takes the middle, warning, for the size it costs.
        """,
        category: .size, defaultSeverity: .warning,
        aliases: [.hadolint("DL3009"), .dockle("DKL-DI-0005")],
        fixAvailability: .unsafe,
        fixNote: """
        The fix appends `&& rm -rf /var/lib/apt/lists/*` after the last `apt-get` or `apt` command of the \
        RUN. A later step of the same RUN that installs through apt indirectly (a vendor install script, \
        for example) would then find no package lists and fail.
        """,
        examples: [
            .passing("FROM debian:12\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\n"),
            .passing("FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt,sharing=locked \\\n    --mount=type=cache,target=/var/cache/apt,sharing=locked \\\n    apt-get update && apt-get install -y gcc\n"),
            .passing("FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM debian:12\nCOPY --from=build /usr/bin/gcc /usr/bin/gcc\n"),
            .failing("FROM debian:12\nRUN ⟦apt-get update⟧ && apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/*\n"),
            .failing("FROM ubuntu:24.04 AS base\nRUN --mount=type=cache,target=/var/cache/apt ⟦apt update⟧ && apt install -y curl\nFROM base\nCMD [\"curl\", \"--version\"]\n"),
            .fix("FROM debian:12\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl \\\n && curl -fsSL https://example.com/x -o /usr/local/bin/x\n",
                 to: "FROM debian:12\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \\\n && curl -fsSL https://example.com/x -o /usr/local/bin/x\n", .unsafe),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        for run in ShellRun.all(in: input, stages: ShellImageStages.indices(in: input)) {
            if PackageManagerCache.mounted(run).contains(.aptLists) { continue }
            let commands = run.commands
            guard let update = commands.lastIndex(where: { command in
                command.invocation.map { PackageManagerFamily($0) == .apt && PackageManagerFamily.apt.isIndexUpdate($0) } ?? false
            }), let invocation = commands[update].invocation else { continue }
            if let cleanup = PackageManagerCache.aptLists.lastCleanup(in: commands), cleanup > update { continue }
            var fix: Fix?
            if let last = commands.lastIndex(where: { $0.invocation.map { PackageManagerFamily($0) == .apt } ?? false }),
               let edit = ShellEdits.append("rm -rf /var/lib/apt/lists/*", after: commands[last]) {
                fix = Fix(title: "Remove `/var/lib/apt/lists` at the end of the apt steps", edits: [edit], applicability: .unsafe)
            }
            sink.report(ShellEdits.commandRange(invocation), "`\(ShellEdits.commandText(invocation))` leaves its package lists in the layer; remove `/var/lib/apt/lists/*` in the same RUN", fix: fix)
        }
    }
}
