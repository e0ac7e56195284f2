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
        BuildKit resolves `--from` to an earlier stage when one has that name or index, and otherwise \
        pulls an image of that name. So `COPY --from=biuld` or a stage used before its `FROM` does not fail \
        as a missing stage: it pulls `docker.io/library/biuld:latest`, or fails later with an access error \
        far from the cause. hadolint flags every reference without a `:`; Hull flags what is almost \
        certainly a stage: a name that matches a stage defined later, a bare name (no `:`, `/`, `.` or \
        `@`, the shape of a stage name), or a stage index that does not exist yet. Write images with a \
        registry or tag (`nginx:1.27`, `docker.io/library/nginx`) to make the intent explicit. \
        `RUN --mount=from=` is checked the same way; a reference to the stage itself is left to \
        `copy-from-own-stage`.
        """,
        category: .correctness, defaultSeverity: .warning,
        aliases: [.hadolint("DL3022")],
        examples: [
            .passing("FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=build /app /app\nCOPY --from=0 /etc/ssl /etc/ssl\n"),
            .passing("FROM alpine:3.20\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\nCOPY --from=docker.io/library/busybox /bin/sh /bin/sh\n"),
            .passing("FROM alpine:3.20 AS build\nARG SRC=build\nFROM alpine:3.20\nARG SRC=build\nCOPY --from=$SRC /a /a\n"),
            .failing("FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY ⟦--from=biuld⟧ /app /app\n"),
            .failing("FROM alpine:3.20\nCOPY ↓--from=build /app /app\nRUN ↓--mount=type=bind,from=1,target=/src true\nFROM golang:1.23 AS build\n"),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        let stages = input.stages
        for dependency in input.semantics.dependencies where dependency.kind != .base && dependency.target == nil {
            let reference = dependency.reference
            let lowered = reference.lowercased()
            guard !reference.isEmpty, !reference.contains("$") else { continue }
            let current = stages[dependency.stage]
            if current.name == lowered || reference == String(dependency.stage) { continue }
            let flag = dependency.kind == .copyFrom ? "--from" : "from="
            if let later = stages.first(where: { $0.index > dependency.stage && $0.name == lowered }) {
                sink.report(dependency.range, "stage `\(reference)` is defined later, on line \(input.instructions[later.fromIndex].line)",
                            notes: ["BuildKit only resolves `\(flag)` to earlier stages; here it pulls an image named `\(reference)`."])
                continue
            }
            if let number = Int(reference), String(number) == reference {
                sink.report(dependency.range, "there is no stage \(reference) before this one",
                            notes: ["Stage indices count from 0 and only reach earlier stages."])
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
