import HullCore
import HullDockerfile
import HullLint

/// An instruction other than `ARG` comes before the first `FROM`.
public struct InstructionBeforeFromRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF025", name: "instruction-before-from",
        summary: "An instruction other than `ARG` comes before the first `FROM`.",
        rationale: """
        A Dockerfile must open with `FROM`, optionally preceded by parser directives, comments and global \
        `ARG`s. Anything else before the first `FROM` has no stage to run in, and BuildKit stops with \
        "no build stage in current context". Move the instruction into a stage. Keywords BuildKit does not \
        know are left to `unknown-instruction`.
        """,
        category: .correctness, defaultSeverity: .error,
        aliases: [.hadolint("DL3061")],
        examples: [
            .passing("# syntax=docker/dockerfile:1\n# A comment\nARG TAG=3.20\nFROM alpine:${TAG}\n"),
            .passing("FROM alpine:3.20\nLABEL a=b\n"),
            .failing("⟦LABEL⟧ org.opencontainers.image.title=app\nFROM alpine:3.20\n"),
            .failing("ARG TAG=3.20\n↓ENV A=b\n↓RUN true\nFROM alpine:${TAG}\n"),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        for instruction in input.instructions {
            guard instruction.stageIndex == nil else { break }
            if instruction.kind == .arg || instruction.kind == .unknown { continue }
            sink.report(instruction.syntax.keywordRange, "`\(instruction.syntax.keyword)` comes before the first `FROM`",
                        notes: ["Only ARG may precede the first FROM."])
        }
    }
}
