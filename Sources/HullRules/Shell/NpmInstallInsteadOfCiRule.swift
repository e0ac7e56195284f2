import HullCore
import HullDockerfile
import HullLint
import HullShell

/// `npm install` of the whole project where `npm ci` would install the lockfile exactly.
public struct NpmInstallInsteadOfCiRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "SH001", name: "npm-install-instead-of-ci",
        summary: "`npm install` without package names installs the project where `npm ci` would install its lockfile exactly.",
        rationale: """
        An image build should install exactly the dependency tree that was tested. `npm install` treats \
        `package-lock.json` as a starting point: when it disagrees with `package.json` it resolves new versions \
        and rewrites the lockfile inside the image, silently. `npm ci` installs what the lockfile pins and fails \
        when the two disagree, starts from an empty `node_modules`, and skips the resolution step, so it is \
        also faster. Installing named packages (`npm install express@4`) and global tools (`npm install -g`) \
        is not flagged.
        """,
        category: .correctness, defaultSeverity: .warning,
        fixAvailability: .unsafe,
        fixNote: """
        `npm ci` fails when there is no `package-lock.json` (or `npm-shrinkwrap.json`) or when it disagrees \
        with `package.json`, and it deletes an existing `node_modules` first. The fix is offered only when the \
        build context holds a lockfile that a COPY, ADD or bind mount before the install brings in; otherwise \
        it is shown as a suggestion.
        """,
        examples: [
            .passing("FROM node:20-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\n"),
            .passing("FROM node:20-alpine\nRUN npm install -g pnpm@9 && npm install express@4.19.2\n"),
            .passing("FROM node:20-alpine\nRUN npm install --package-lock-only\n"),
            .failing("FROM node:20-alpine\nWORKDIR /app\nCOPY package.json ./\nRUN npm ⟦install⟧\n"),
            .failing("FROM node:20-alpine\nCOPY . .\nRUN npm ⟦i⟧ --omit=dev \\\n && npm run build\n"),
            .failing("FROM node:20-alpine\nRUN <<EOF\nset -e\nnpm ↓install\nEOF\n", files: ["package.json", "package-lock.json"]),
            .fix("FROM node:20-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm install --omit=dev\n",
                 to: "FROM node:20-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\n", .unsafe,
                 files: ["package.json", "package-lock.json"]),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        for run in ShellRun.all(in: input) {
            for command in run.commands {
                guard let invocation = command.invocation, invocation.tool == "npm", invocation.subcommand == "install",
                      let word = invocation.subcommands.first?.word, invocation.operands.isEmpty, !invocation.hasDynamicArguments,
                      !invocation.has(option: "-g", "--no-package-lock", "--package-lock-only")
                else { continue }
                let lockfile = DependencyLockfile.find(DependencyEcosystem.npm.lockfiles, for: run, in: input)
                var fix: Fix?
                if word.source.isExact {
                    let edit = Edit(range: word.fileRange, replacement: "ci")
                    switch lockfile {
                    case .available:
                        fix = Fix(title: "Replace with `npm ci`", edits: [edit], applicability: .unsafe)
                    case .notCopied(let name):
                        fix = Fix(title: "Copy `\(name)` into the image before this RUN and use `npm ci`", edits: [edit], applicability: .displayOnly)
                    case .missing:
                        fix = Fix(title: "Add `package-lock.json` to the build context and use `npm ci`", edits: [edit], applicability: .displayOnly)
                    case .unknown:
                        fix = Fix(title: "Use `npm ci` (it needs `package-lock.json` in the image)", edits: [edit], applicability: .displayOnly)
                    }
                }
                sink.report(word.fileRange, "`npm \(word.literal ?? "install")` may update the lockfile instead of installing it; use `npm ci`", fix: fix)
            }
        }
    }
}
