import HullCore
import HullDockerfile
import HullLint

/// A builder flag BuildKit rejects: unknown, missing its value, repeated, or a malformed boolean.
public struct InvalidInstructionFlagRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF041", name: "invalid-instruction-flag",
        summary: "An instruction has a flag BuildKit rejects.",
        rationale: """
        Each instruction accepts a fixed set of `--flags` (`COPY --from`, `RUN --mount`, `FROM --platform`, \
        …). BuildKit fails the build on a flag the instruction does not know, on a flag that needs a value \
        and has none, on a single-valued flag given twice, and on a boolean flag with a value other than \
        `true` or `false`. Words that start with `--` right after the keyword are read as flags for every \
        instruction, so `CMD --help` fails too: write `CMD ["app", "--help"]`. Misspelt flags get the \
        closest accepted name.
        """,
        category: .correctness, defaultSeverity: .error,
        examples: [
            .passing("FROM --platform=$BUILDPLATFORM alpine:3.20 AS build\nCOPY --from=build --chown=1000:1000 --link a /a\nRUN --mount=type=cache,target=/root/.cache --mount=type=tmpfs,target=/tmp true\n"),
            .passing("FROM alpine:3.20\nHEALTHCHECK --interval=30s CMD true\nADD --checksum=sha256:0000000000000000000000000000000000000000000000000000000000000000 https://example.com/a /a\n"),
            .failing("FROM alpine:3.20\nCOPY ⟦--chmown=1000⟧ a /a\n"),
            .failing("FROM alpine:3.20 AS build\nCOPY --from=build ↓--from=build ↓--link=yes a /a\nRUN ↓--network true\nCMD ↓--help\n"),
        ])

    static let accepted: [InstructionKind: [String]] = [
        .from: ["platform"],
        .run: ["mount", "network", "security", "device"],
        .copy: ["from", "chown", "chmod", "link", "parents", "exclude"],
        .add: ["chown", "chmod", "link", "keep-git-dir", "checksum", "exclude", "unpack"],
        .healthcheck: ["interval", "timeout", "start-period", "start-interval", "retries"],
    ]

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        for instruction in input.instructions where instruction.kind != .unknown {
            let keyword = instruction.syntax.keyword
            for problem in instruction.flags.problems {
                let name = problem.flag.name
                let message: String
                if problem.message.hasPrefix("unknown flag") {
                    let known = Self.accepted[instruction.kind] ?? []
                    let suggestion = StructureSuggestion.closest(to: name, among: known).map { "--" + $0 }
                    message = known.isEmpty
                        ? "`\(keyword)` takes no flags, but `--\(name)` is given"
                        : "`--\(name)` is not a flag of `\(keyword)`\(StructureSuggestion.clause(suggestion))"
                } else if problem.message.hasPrefix("duplicate flag") {
                    message = "`--\(name)` is given more than once"
                } else if problem.message.hasPrefix("missing a value") {
                    message = "`--\(name)` needs a value"
                } else if problem.message.hasPrefix("expecting boolean") {
                    message = "`--\(name)` takes `true` or `false`, not `\(problem.flag.value ?? "")`"
                } else {
                    message = problem.message
                }
                sink.report(problem.flag.range, message, notes: ["BuildKit: \(problem.message)."])
            }
        }
    }
}
