import HullCore
import HullDockerfile
import HullLint

/// `COPY --from` (or `RUN --mount=from=`) names something that looks like a stage but is no
/// stage defined above.
public struct CopyFromUndefinedStageRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF030", name: "copy-from-undefined-stage",
        summary: "`COPY --from` names a stage that is not defined before it.",
        rationale: """
        `--from` names a stage by name or index, and anything that is not a stage is pulled as an \
        image. So `COPY --from=biuld` does not fail as a missing stage: it pulls \
        `docker.io/library/biuld:latest`, or fails later with an access error far from the cause. \
        hadolint flags every reference without a `:` that is not an earlier stage; Hull flags what is \
        almost certainly meant as a stage: a bare name (no `:`, `/`, `.` or `@`, the shape of a stage \
        name) that is no stage, a stage index beyond the last stage, and a stage that is only defined \
        further down. BuildKit resolves that last case (it orders stages by their dependencies), but the \
        classic builder, hadolint and readers expect stages in build order, so Hull keeps reporting it as \
        hadolint does. Write images with a registry or tag (`nginx:1.27`, `docker.io/library/nginx`) to \
        make the intent explicit. `RUN --mount=from=` is checked the same way; a reference to the stage \
        itself is left to `copy-from-own-stage`.
        """,
        category: .correctness, defaultSeverity: .warning,
        aliases: [.hadolint("DL3022")],
        examples: [
            .passing("FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=build /app /app\nCOPY --from=0 /etc/ssl /etc/ssl\n"),
            .passing("FROM alpine:3.20\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\nCOPY --from=docker.io/library/busybox /bin/sh /bin/sh\n"),
            .passing("FROM alpine:3.20 AS build\nARG SRC=build\nFROM alpine:3.20\nARG SRC=build\nCOPY --from=$SRC /a /a\n"),
            .failing("FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY ⟦--from=biuld⟧ /app /app\n"),
            .failing("FROM alpine:3.20\nCOPY ↓--from=build /app /app\nRUN ↓--mount=type=bind,from=1,target=/src true\nFROM golang:1.23 AS build\nCOPY ↓--from=7 /a /a\n"),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        let stages = input.stages
        for dependency in input.semantics.dependencies where dependency.kind != .base && (dependency.target ?? -1) != dependency.stage {
            if let target = dependency.target, target < dependency.stage { continue }
            let reference = dependency.reference
            let lowered = reference.lowercased()
            guard !reference.isEmpty, !reference.contains("$") else { continue }
            let current = stages[dependency.stage]
            if current.name == lowered || reference == String(dependency.stage) { continue }
            let flag = dependency.kind == .copyFrom ? "--from" : "from="
            let number = Int(reference).flatMap { String($0) == reference ? $0 : nil }
            let later = number.map { $0 < stages.count ? stages[$0] : nil } ?? stages.first { $0.index > dependency.stage && $0.name == lowered }
            if let later {
                sink.report(dependency.range, "stage `\(reference)` is defined later, on line \(input.instructions[later.fromIndex].line)",
                            notes: ["BuildKit accepts it, but the classic builder and most tools only resolve `\(flag)` to earlier stages; move the stage up."])
                continue
            }
            if number != nil {
                sink.report(dependency.range, "there is no stage \(reference)", notes: ["Stage indices count from 0; this file has \(stages.count) stages."])
                continue
            }
            guard !reference.contains(where: { ":/.@".contains($0) }) else { continue }
            let suggestion = StructureSuggestion.closest(to: lowered, among: stages.prefix(dependency.stage).compactMap(\.name))
            var notes = ["BuildKit pulls the image `docker.io/library/\(lowered):latest` instead; write an image with its tag or registry to mean one."]
            if suggestion == nil && stages.prefix(dependency.stage).allSatisfy({ $0.name == nil }) { notes.append("No earlier stage has a name.") }
            sink.report(dependency.range, "`\(reference)` is not a stage defined above\(StructureSuggestion.clause(suggestion))", notes: notes)
        }
    }
}
