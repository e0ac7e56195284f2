import HullCore
import HullDockerfile
import HullLint

/// A stage is named `scratch` or `context`.
public struct ReservedStageNameRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF027", name: "reserved-stage-name",
        summary: "A stage is named `scratch` or `context`, which BuildKit reserves.",
        rationale: """
        `scratch` is the empty base image and `context` names the build context in `COPY --from` and \
        named-context builds. A stage with either name makes `FROM scratch` or `--from=context` mean \
        something different depending on where it is written, which readers and tools get wrong. Rename \
        the stage. Names are compared without regard to case, as BuildKit lower-cases them.
        """,
        category: .correctness, defaultSeverity: .warning,
        aliases: [.hadolint("DL3063"), .buildkit("ReservedStageName")],
        examples: [
            .passing("FROM alpine:3.20 AS base\nFROM scratch\nCOPY --from=base /etc/passwd /etc/passwd\n"),
            .passing("FROM alpine:3.20 AS build-context\n"),
            .failing("FROM alpine:3.20 AS ⟦scratch⟧\n"),
            .failing("FROM alpine:3.20 AS ↓Context\n"),
        ])

    static let reserved: Set<String> = ["scratch", "context"]

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        for stage in input.stages {
            guard let word = stage.from.stageName, let name = stage.name, Self.reserved.contains(name) else { continue }
            sink.report(word.range, "`\(word.text)` is a reserved stage name")
        }
    }
}
