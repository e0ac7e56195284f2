import HullCore
import HullDockerfile
import HullLint
import HullShell

/// `yarn install` whose download cache stays in the layer.
public struct YarnCacheNotCleanedRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "SH035", name: "yarn-cache-not-cleaned",
        summary: "`yarn install` runs without `yarn cache clean` in the same RUN.",
        rationale: """
        Yarn Classic keeps a copy of every package it downloads in its global cache \
        (`/usr/local/share/.cache/yarn` or `~/.cache/yarn`), on top of `node_modules`, so the layer \
        holds each dependency twice. `yarn cache clean` in the same RUN drops the copy before the \
        layer is written; a later RUN cannot shrink the layer any more. A bare `yarn`, `yarn add` \
        and `yarn global add` install too and are checked like `yarn install`. Not flagged: a RUN \
        that mounts a cache over a yarn cache folder \
        (`--mount=type=cache,target=/usr/local/share/.cache/yarn`), a RUN that removes the cache \
        folder with `rm`, and Yarn Berry (2 and later), recognised by `--immutable`, \
        `--immutable-cache`, `--check-cache` or `--mode`, an earlier `corepack` or `yarn set \
        version`, or a `.yarnrc.yml` in the build context: Berry's cache is part of the install \
        (Plug'n'Play reads packages from it), so cleaning it would break the image. Only stages whose \
        layers reach the image are judged: the target stage and the stages it is built `FROM`, not \
        builder stages the image only copies files from.
        """,
        category: .size, defaultSeverity: .info,
        aliases: [.hadolint("DL3060")],
        fixAvailability: .unsafe,
        fixNote: """
        The fix adds `&& yarn cache clean` right after the install. It is unsafe because with Yarn \
        Berry in Plug'n'Play mode the application loads its packages from the cache; apply it only \
        to Yarn Classic builds.
        """,
        examples: [
            .passing("FROM node:20\nRUN yarn install --frozen-lockfile && yarn cache clean\n"),
            .passing("FROM node:20\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install --frozen-lockfile\n"),
            .passing("FROM node:20\nRUN corepack enable && yarn set version stable\nRUN yarn install --immutable\n"),
            .passing("FROM node:20\nCOPY . .\nRUN yarn install\n", files: [".yarnrc.yml", "yarn.lock"]),
            .passing("FROM node:20 AS build\nRUN yarn install --frozen-lockfile && yarn build\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\n"),
            .failing("FROM node:20\nRUN yarn ⟦install⟧ --frozen-lockfile && yarn build\n"),
            .failing("FROM node:20\nRUN ⟦yarn⟧ && \\\n    yarn global ↓add serve\n"),
            .failing("FROM node:20\nRUN <<EOF\nset -e\nyarn ↓install --production\nEOF\n"),
            .fix("FROM node:20\nRUN yarn install --frozen-lockfile && yarn build\n",
                 to: "FROM node:20\nRUN yarn install --frozen-lockfile && yarn cache clean && yarn build\n", .unsafe),
        ])

    static let berryOptions = ["--immutable", "--immutable-cache", "--check-cache", "--mode"]

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        if input.context?.contains(".yarnrc.yml") ?? false { return }
        var berry = false
        var stage: Int?
        let shipped = ShellImageStages.indices(in: input)
        for run in input.hygieneRuns where run.stageIndex.map(shipped.contains) ?? false {
            if run.stageIndex != stage {
                stage = run.stageIndex
                berry = false
            }
            let commands = run.commands
            if commands.contains(where: { $0.isCommand("corepack") || ($0.isCommand("yarn") && $0.invocation?.subcommandPath == ["set", "version"]) }) {
                berry = true
            }
            guard !berry, !run.cacheMounts.contains(where: { ($0.target ?? "").lowercased().contains("yarn") }) else { continue }
            let cleaned = commands.contains { command in
                if command.isCommand("yarn"), command.invocation?.subcommandPath == ["cache", "clean"] { return true }
                return command.isCommand("rm") && command.arguments.contains { $0.raw.lowercased().contains("yarn") }
            }
            if cleaned { continue }
            for command in commands where command.isCommand("yarn") {
                guard let invocation = command.invocation, Self.installs(invocation),
                      !invocation.has(option: Self.berryOptions) else { continue }
                let word = invocation.subcommands.last?.word ?? invocation.nameWord
                var fix: Fix?
                if run.allowsFixes, command.context.pipeline == nil, command.context.followingOperator != .or, command.source.isExact {
                    fix = Fix(title: "Add `yarn cache clean`", edits: [.insert(" && yarn cache clean", at: command.fileRange.end)], applicability: .unsafe)
                }
                let spelled = invocation.subcommands.isEmpty ? "yarn" : "yarn " + invocation.subcommands.compactMap(\.word.literal).joined(separator: " ")
                sink.report(word.fileRange, "`\(spelled)` leaves its download cache in the layer; add `yarn cache clean` to this RUN", fix: fix)
            }
        }
    }

    /// Whether the invocation installs packages (a bare `yarn` does).
    static func installs(_ invocation: CommandInvocation) -> Bool {
        let path = invocation.subcommandPath
        if path.isEmpty { return !invocation.has(option: "-v", "-h") }
        return path == ["install"] || path == ["add"] || path == ["global", "add"]
    }
}
