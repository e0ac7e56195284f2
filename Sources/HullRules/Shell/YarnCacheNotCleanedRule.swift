import HullCore
import HullDockerfile
import HullLint
import HullShell

/// `yarn install` whose package cache stays in the image.
public struct YarnCacheNotCleanedRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "SH012", name: "yarn-cache-not-cleaned",
        summary: "`yarn install` runs in a RUN that does not end with `yarn cache clean`.",
        rationale: """
        Yarn keeps a compressed copy of every package it installs in its global cache \
        (`/usr/local/share/.cache/yarn` for Yarn 1 as root, `~/.yarn/berry/cache` for Yarn 2 and later), so \
        the image carries the dependencies twice: unpacked in `node_modules` and packed in the cache. Run \
        `yarn cache clean` at the end of the same RUN, or keep the cache out of the layer with \
        `RUN --mount=type=cache` on the cache folder (or on the folder `YARN_CACHE_FOLDER` names), which also \
        speeds up rebuilds. Only stages whose files reach the image are judged, so a builder stage whose \
        `node_modules` is copied out is fine.
        """,
        category: .size, defaultSeverity: .info,
        aliases: [.hadolint("DL3060")],
        fixAvailability: .safe,
        examples: [
            .passing("FROM node:20-alpine\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile && yarn cache clean\n"),
            .passing("FROM node:20-alpine\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install --frozen-lockfile\n"),
            .passing("FROM node:20-alpine AS deps\nRUN yarn install --frozen-lockfile\nFROM node:20-alpine\nCOPY --from=deps /node_modules /app/node_modules\n"),
            .failing("FROM node:20-alpine\nCOPY package.json yarn.lock ./\nRUN ⟦yarn install⟧ --frozen-lockfile --production\n"),
            .failing("FROM node:20-alpine\nRUN yarn cache clean && ⟦yarn⟧\n"),
            .fix("FROM node:20-alpine\nRUN yarn install --frozen-lockfile \\\n && yarn build\n",
                 to: "FROM node:20-alpine\nRUN yarn install --frozen-lockfile \\\n && yarn build && yarn cache clean\n"),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        for run in ShellRun.all(in: input, stages: ShellImageStages.indices(in: input)) {
            if PackageManagerCache.mounted(run).contains(.yarn) { continue }
            let scope = input.semantics.scope(at: run.instruction.index)
            if let folder = scope.value(of: "YARN_CACHE_FOLDER").flatMap(PackageManagerCache.normalize),
               run.volatileMountTargets.compactMap(PackageManagerCache.normalize).contains(where: { folder == $0 || folder.hasPrefix($0 + "/") }) {
                continue
            }
            let commands = run.commands
            func isYarn(_ command: SimpleCommand) -> Bool { command.invocation?.tool == "yarn" }
            guard let install = commands.lastIndex(where: { $0.invocation.map(PackageManagerInvocation.isYarnInstall) ?? false }),
                  let invocation = commands[install].invocation else { continue }
            if let cleanup = PackageManagerCache.yarn.lastCleanup(in: commands), cleanup > install { continue }
            var fix: Fix?
            if let last = commands.lastIndex(where: isYarn), let edit = ShellEdits.append("yarn cache clean", after: commands[last]) {
                fix = Fix(title: "Run `yarn cache clean` at the end of the yarn steps", edits: [edit], applicability: .safe)
            }
            sink.report(ShellEdits.commandRange(invocation), "`\(ShellEdits.commandText(invocation))` without `yarn cache clean` afterwards leaves the yarn cache in the layer", fix: fix)
        }
    }
}
