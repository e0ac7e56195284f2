import HullCore
import HullDockerfile
import HullLint

/// A keyword that is not a Dockerfile instruction.
public struct UnknownInstructionRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF040", name: "unknown-instruction",
        summary: "A line starts with a keyword that is not a Dockerfile instruction.",
        rationale: """
        BuildKit parses the file first and rejects unknown keywords only when it turns lines into \
        instructions, so a typo such as `RUNN` or `COPPY`, or text left over from a broken continuation \
        line, fails the whole build with "unknown instruction". Hull reports it with the closest \
        instruction name when one is within two edits. Keywords are case-insensitive, so `run` and `Run` \
        are valid here (see `keyword-casing`). No fix is offered: a typo may also be the tail of a line \
        whose continuation was lost, and guessing the instruction could hide that.
        """,
        category: .correctness, defaultSeverity: .error,
        examples: [
            .passing("FROM alpine:3.20\nRUN echo hi\nrun echo there\n"),
            .passing("FROM alpine:3.20\nRUN apk add \\\n    curl\n"),
            .failing("FROM alpine:3.20\n⟦RUNN⟧ echo hi\n"),
            .failing("FROM alpine:3.20\nRUN apk add\n    ↓curl\nONBUILD ↓COPPY . /app\n"),
        ])

    static let names = InstructionKind.allCases.filter { $0 != .unknown }.map(\.keyword)

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        for instruction in input.dockerfile.syntax.instructions {
            for syntax in [instruction] + instruction.wrapped where syntax.kind == .unknown {
                let suggestion = StructureSuggestion.closest(to: syntax.keyword, among: Self.names, caseSensitive: false)
                sink.report(syntax.keywordRange, "`\(syntax.keyword)` is not a Dockerfile instruction\(StructureSuggestion.clause(suggestion))")
            }
        }
    }
}
