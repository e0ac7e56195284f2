import HullCore
import HullDockerfile
import HullLint
import HullShell

/// `yarn install` or `pnpm install` that may rewrite the lockfile instead of enforcing it.
public struct InstallWithoutFrozenLockfileRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "SH002", name: "install-without-frozen-lockfile",
        summary: "`yarn install` or `pnpm install` runs without `--frozen-lockfile` (Yarn 2+: `--immutable`).",
        rationale: """
        Outside CI, Yarn and pnpm treat the lockfile as a suggestion: when it no longer matches `package.json` \
        they resolve new versions and rewrite it inside the image, so the image holds a dependency tree nobody \
        tested. `--frozen-lockfile` (Yarn 1, pnpm) and `--immutable` (Yarn 2 and later) make the install fail \
        instead. pnpm freezes the lockfile by itself when the `CI` variable is set, and so does Yarn 2+ \
        (recognised by a `.yarnrc.yml` in the build context, or `YARN_ENABLE_IMMUTABLE_INSTALLS=true`); Yarn 1 \
        never does. Such installs are not flagged, nor are ones that opt out explicitly \
        (`--no-frozen-lockfile`, `--no-lockfile`) or only write the lockfile (`--lockfile-only`). This is the \
        Yarn and pnpm side of `npm-install-instead-of-ci`.
        """,
        category: .correctness, defaultSeverity: .warning,
        fixAvailability: .unsafe,
        fixNote: """
        With the flag the install fails when the lockfile is missing or out of date, which is the point but \
        can break a build that passed before. The fix is offered only when the build context holds the \
        lockfile and something before the install brings it into the image; otherwise it is shown as a \
        suggestion. Yarn gets `--immutable` when the context has a `.yarnrc.yml` (Yarn 2 and later) and \
        `--frozen-lockfile` otherwise.
        """,
        examples: [
            .passing("FROM node:20-alpine\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile\n"),
            .passing("FROM node:20-alpine\nCOPY . .\nRUN corepack enable && yarn install --immutable && pnpm install --frozen-lockfile\n"),
            .passing("FROM node:20-alpine\nENV CI=true\nRUN pnpm install && yarn\n", files: [".yarnrc.yml", "package.json", "yarn.lock"]),
            .passing("FROM node:20-alpine\nRUN yarn add left-pad && pnpm add is-odd\n"),
            .failing("FROM node:20-alpine\nCOPY package.json yarn.lock ./\nRUN ⟦yarn install⟧ --production\n"),
            .failing("FROM node:20-alpine\nENV CI=true\nRUN pnpm install && ⟦yarn⟧\n"),
            .failing("FROM node:20-alpine\nCOPY . .\nRUN ⟦yarn⟧ && yarn build\n"),
            .failing("FROM node:20-alpine\nCOPY . .\nRUN ⟦pnpm i⟧ --prod\n"),
            .fix("FROM node:20-alpine\nCOPY package.json yarn.lock ./\nRUN yarn install --production\n",
                 to: "FROM node:20-alpine\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile --production\n", .unsafe,
                 files: ["package.json", "yarn.lock"]),
            .fix("FROM node:20-alpine\nCOPY . .\nRUN yarn && pnpm install\n",
                 to: "FROM node:20-alpine\nCOPY . .\nRUN yarn --immutable && pnpm install --frozen-lockfile\n", .unsafe,
                 files: ["package.json", "yarn.lock", ".yarnrc.yml", "pnpm-lock.yaml"]),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        for run in ShellRun.all(in: input) {
            let scope = input.semantics.scope(at: run.instruction.index)
            let berry = input.context?.sends(".yarnrc.yml") == true
            for command in run.commands {
                guard let invocation = command.invocation, let tool = invocation.tool, invocation.subcommand == "install",
                      tool == "pnpm" || PackageManagerInvocation.isYarnInstall(invocation), invocation.operands.isEmpty
                else { continue }
                let inCI = !(scope.value(of: "CI") ?? "").isEmpty || command.assignments.contains { $0.name == "CI" }
                if inCI && (tool == "pnpm" || berry) { continue }
                let flag: String
                let ecosystem: DependencyEcosystem
                if tool == "yarn" {
                    if invocation.has(option: "--frozen-lockfile", "--immutable", "--pure-lockfile", "--no-lockfile") { continue }
                    if ["true", "1"].contains((scope.value(of: "YARN_ENABLE_IMMUTABLE_INSTALLS") ?? "").lowercased()) { continue }
                    ecosystem = .yarn
                    flag = berry ? "--immutable" : "--frozen-lockfile"
                } else {
                    if invocation.has(option: "--frozen-lockfile", "--no-frozen-lockfile", "--lockfile-only", "--prefer-frozen-lockfile", "-g") { continue }
                    ecosystem = .pnpm
                    flag = "--frozen-lockfile"
                }
                let anchor = invocation.subcommands.first?.word ?? invocation.nameWord
                var fix: Fix?
                if let edit = ShellEdits.insert(flag, after: anchor) {
                    switch DependencyLockfile.find(ecosystem.lockfiles, for: run, in: input) {
                    case .available:
                        fix = Fix(title: "Add `\(flag)`", edits: [edit], applicability: .unsafe)
                    case .notCopied(let name):
                        fix = Fix(title: "Copy `\(name)` into the image before this RUN and add `\(flag)`", edits: [edit], applicability: .displayOnly)
                    case .missing:
                        fix = Fix(title: "Add `\(ecosystem.lockfiles[0])` to the build context and add `\(flag)`", edits: [edit], applicability: .displayOnly)
                    case .unknown:
                        fix = Fix(title: "Add `\(flag)` (it needs `\(ecosystem.lockfiles[0])` in the image)", edits: [edit], applicability: .displayOnly)
                    }
                }
                let written = ShellEdits.commandText(invocation)
                sink.report(ShellEdits.commandRange(invocation), "`\(written)` may rewrite the lockfile instead of enforcing it; add `\(flag)`", fix: fix)
            }
        }
    }
}
