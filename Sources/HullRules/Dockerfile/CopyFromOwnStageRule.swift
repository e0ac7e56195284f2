import HullCore
import HullDockerfile
import HullLint

/// `COPY --from` (or `RUN --mount=from=`) names the stage it is in.
public struct CopyFromOwnStageRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF031", name: "copy-from-own-stage",
        summary: "`COPY --from` names the stage it is written in.",
        rationale: """
        A stage cannot read its own result while it is being built: BuildKit stops with a circular \
        dependency error, and the classic builder, which resolves `--from` only to earlier stages, pulls \
        an image of that name instead. Copy the files within the stage with a plain `COPY` or \
        `RUN cp`, or move them into an earlier stage. Mounts from the stage itself are checked too.
        """,
        category: .correctness, defaultSeverity: .error,
        aliases: [.hadolint("DL3023"), .trivy("DS-0006")],
        examples: [
            .passing("FROM golang:1.23 AS build\nFROM alpine:3.20 AS final\nCOPY --from=build /app /app\n"),
            .passing("FROM alpine:3.20 AS app\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n"),
            .failing("FROM golang:1.23 AS build\nCOPY ⟦--from=build⟧ /src /src\n"),
            .failing("FROM golang:1.23 AS build\nFROM alpine:3.20 AS Final\nCOPY ↓--from=final /a /a\nRUN ↓--mount=from=1,target=/x true\n"),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        for dependency in input.semantics.dependencies where dependency.kind != .base && dependency.target == dependency.stage {
            let reference = dependency.reference
            let flag = dependency.kind == .copyFrom ? "COPY --from" : "RUN --mount=from="
            sink.report(dependency.range, "`\(flag)` names its own stage `\(reference)`",
                        notes: ["A stage cannot copy from itself; BuildKit fails with a circular dependency."])
        }
    }
}
