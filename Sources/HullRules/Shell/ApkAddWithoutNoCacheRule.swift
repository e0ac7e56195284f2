import HullCore
import HullDockerfile
import HullLint
import HullShell

/// `apk add` that leaves apk's index cache in the image.
public struct ApkAddWithoutNoCacheRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "SH006", name: "apk-add-without-no-cache",
        summary: "`apk add` runs without `--no-cache`, leaving the package index in the image.",
        rationale: """
        Without `--no-cache`, `apk add` keeps the downloaded `APKINDEX` files under `/var/cache/apk` (a few \
        megabytes per repository), and once the RUN ends they are part of the layer for good. `--no-cache` \
        fetches a fresh index, uses it and throws it away, so it also replaces a separate `apk update`. A \
        cache or tmpfs mount on `/var/cache/apk` or `/etc/apk/cache`, or removing `/var/cache/apk/*` (or \
        `apk cache clean`) later in the same RUN, counts as clean; hadolint insists on the flag even then. \
        `apk add --no-network` downloads nothing and is not flagged. \
        Only stages whose files reach the image are judged. The peers rate this info (hadolint), high \
        (Trivy) and fatal (Dockle); Hull uses warning, like the other package-cache rules.
        """,
        category: .size, defaultSeverity: .warning,
        aliases: [.hadolint("DL3019"), .trivy("DS-0025"), .dockle("DKL-DI-0004")],
        fixAvailability: .safe,
        examples: [
            .passing("FROM alpine:3.20\nRUN apk add --no-cache curl\n"),
            .passing("FROM alpine:3.20\nRUN apk update && apk add curl && rm -rf /var/cache/apk/*\n"),
            .passing("FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n"),
            .passing("FROM alpine:3.20 AS build\nRUN apk add gcc musl-dev\nFROM alpine:3.20\nCOPY --from=build /out /out\n"),
            .failing("FROM alpine:3.20\nRUN ⟦apk add⟧ curl\n"),
            .failing("FROM python:3.12-alpine\nRUN ⟦apk --update add⟧ libpq \\\n && rm -rf /tmp/*\n"),
            .fix("FROM alpine:3.20\nRUN apk add --virtual .build-deps gcc musl-dev\n",
                 to: "FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev\n"),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        for run in ShellRun.all(in: input, stages: ShellImageStages.indices(in: input)) {
            if PackageManagerCache.mounted(run).contains(.apk) { continue }
            let commands = run.commands
            let cleanup = PackageManagerCache.apk.lastCleanup(in: commands) ?? -1
            for (position, command) in commands.enumerated() where position > cleanup {
                guard let invocation = command.invocation, invocation.tool == "apk", invocation.subcommand == "add",
                      let word = invocation.subcommands.first?.word, !invocation.has(option: "--no-cache", "--no-network")
                else { continue }
                let fix = ShellEdits.insert("--no-cache", after: word).map { Fix(title: "Add `--no-cache`", edits: [$0], applicability: .safe) }
                sink.report(ShellEdits.commandRange(invocation), "`apk add` without `--no-cache` leaves the package index in the layer", fix: fix)
            }
        }
    }
}
