import HullCore
import HullDockerfile
import HullLint

/// Two stages share a name.
public struct DuplicateStageNameRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF026", name: "duplicate-stage-name",
        summary: "Two stages have the same name.",
        rationale: """
        Stage names are how `COPY --from`, `FROM <stage>` and `--target` pick a stage. With two stages of \
        the same name (compared without regard to case, as BuildKit does), a reference silently resolves \
        to whichever one precedes it, and `--target` is ambiguous; recent BuildKit refuses the file. Give \
        every stage its own name.
        """,
        category: .correctness, defaultSeverity: .error,
        aliases: [.hadolint("DL3024"), .buildkit("DuplicateStageName"), .trivy("DS-0012"), .checkov("CKV_DOCKER_11")],
        examples: [
            .passing("FROM golang:1.23 AS build\nFROM alpine:3.20 AS final\nCOPY --from=build /app /app\n"),
            .passing("FROM alpine:3.20\nFROM alpine:3.20\n"),
            .failing("FROM golang:1.23 AS build\nFROM node:20 AS ⟦build⟧\n"),
            .failing("FROM golang:1.23 AS build\nFROM node:20 AS ↓Build\nFROM alpine:3.20 AS ↓BUILD\n"),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        var seen: [String: Int] = [:]
        for stage in input.stages {
            guard let word = stage.from.stageName, let name = stage.name else { continue }
            if let first = seen[name] {
                sink.report(word.range, "stage name `\(word.text)` is already used on line \(input.instructions[first].line)")
            } else {
                seen[name] = stage.fromIndex
            }
        }
    }
}
