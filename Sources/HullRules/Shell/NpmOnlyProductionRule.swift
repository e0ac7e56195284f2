import HullCore
import HullDockerfile
import HullLint
import HullShell

/// npm's deprecated `--only=production` and `--production` flags.
public struct NpmOnlyProductionRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "SH003", name: "npm-only-production",
        summary: "npm is told to skip dev dependencies with the deprecated `--only=production` or `--production`.",
        rationale: """
        Since npm 7 the way to leave dev dependencies out is `--omit=dev`; `--only=production`, `--only=prod` \
        and `--production` survive only as deprecated aliases that print a warning on every build and may go \
        away in a later major release. `--omit=dev` means the same thing, composes with `--omit=optional` and \
        `--include`, and is what npm's own documentation shows. Yarn's and pnpm's `--production` are not \
        deprecated and are not flagged. The old spelling still installs the right packages today, so the \
        finding is information, not a warning.
        """,
        category: .maintainability, defaultSeverity: .info,
        fixAvailability: .safe,
        examples: [
            .passing("FROM node:20-alpine\nCOPY package*.json ./\nRUN npm ci --omit=dev\n"),
            .passing("FROM node:20-alpine\nRUN npm install --production=false && yarn install --production\n"),
            .failing("FROM node:20-alpine\nCOPY package*.json ./\nRUN npm ci ⟦--only=production⟧ && npm cache clean --force\n"),
            .failing("FROM node:20-alpine\nRUN npm prune ⟦--production⟧ \\\n && npm install ⟦--only prod⟧\n"),
            .fix("FROM node:20-alpine\nCOPY package*.json ./\nRUN npm ci --only=production && npm cache clean --force\n",
                 to: "FROM node:20-alpine\nCOPY package*.json ./\nRUN npm ci --omit=dev && npm cache clean --force\n"),
            .fix("FROM node:20-alpine\nRUN npm prune --production \\\n && npm ci --omit=dev --production\n",
                 to: "FROM node:20-alpine\nRUN npm prune --omit=dev \\\n && npm ci --omit=dev\n"),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        for run in ShellRun.all(in: input) {
            for command in run.commands {
                guard let invocation = command.invocation, invocation.tool == "npm" else { continue }
                let omitsDev = invocation.values(of: "--omit").contains("dev")
                for option in invocation.options(named: "--only", "--production") {
                    let deprecated: Bool
                    if option.spelling == "--only" {
                        deprecated = ["prod", "production"].contains(option.value?.lowercased() ?? "")
                    } else {
                        deprecated = !option.hasValue || option.value?.lowercased() == "true"
                    }
                    guard deprecated else { continue }
                    var fix: Fix?
                    if option.word.source.isExact, option.valueWord?.source.isExact ?? true {
                        if omitsDev, let removal = Self.removal(of: option, in: invocation) {
                            fix = Fix(title: "Remove it: `--omit=dev` is already given", edits: [removal], applicability: .safe)
                        } else {
                            fix = Fix(title: "Replace with `--omit=dev`", edits: [Edit(range: option.fileRange, replacement: "--omit=dev")], applicability: .safe)
                        }
                    }
                    let written = input.source.text(option.fileRange)
                    sink.report(option.fileRange, "`\(written)` is deprecated; use `--omit=dev`", fix: fix)
                }
            }
        }
    }

    /// Deletes an option with the blank before it.
    static func removal(of option: ParsedOption, in invocation: CommandInvocation) -> Edit? {
        let previous = option.wordIndex > 0 ? invocation.arguments[option.wordIndex - 1] : invocation.nameWord
        guard previous.source.isExact else { return nil }
        return .delete(TextRange(start: previous.fileRange.end, end: option.fileRange.end))
    }
}
