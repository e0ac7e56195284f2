import HullCore
import HullDockerfile
import HullLint

/// A label the schema requires is not set in an image the Dockerfile builds.
public struct MissingRequiredLabelRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF073", name: "missing-required-label",
        summary: "An image the Dockerfile builds lacks a label the label schema requires.",
        rationale: """
        A team that lists required labels in `label-schema` (source repository, revision, licence, owner) \
        relies on every image carrying them: scanners, registries and incident responders look them up. \
        Hull reports each schema label missing from a stage that produces an image: the built target and \
        every stage no other stage builds on or copies from, as hadolint skips stages used by `COPY \
        --from`. Labels set in a stage the checked one is built `FROM` count, as they are inherited; labels \
        of external base images cannot be seen and do not. The finding sits on the stage's `FROM`. The \
        schema comes from `label-schema` in the configuration (or the rule's `schema` option); without one \
        the rule is silent.
        """,
        category: .maintainability, defaultSeverity: .info,
        aliases: [.hadolint("DL3049")],
        examples: [
            .passing("FROM alpine:3.20\nLABEL org.opencontainers.image.source=https://example.com/app\n",
                     options: ["schema": .map(["org.opencontainers.image.source": .string("url")])]),
            .passing("FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM alpine:3.20 AS base\nLABEL team=core\nFROM base\nCOPY --from=build /app /app\n",
                     options: ["schema": .map(["team": .string("text")])]),
            .passing("FROM alpine:3.20\n"),
            .failing("FROM ⟦alpine:3.20⟧\nLABEL team=core\n",
                     options: ["schema": .map(["team": .string("text"), "org.opencontainers.image.source": .string("url")])]),
            .failing("FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM ↓build AS test\nRUN go test ./...\nFROM ↓alpine:3.20\nCOPY --from=build /app /app\n",
                     options: ["schema": .map(["team": .string("text")])]),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        let required = MetadataLabels.schema(input, sink).keys.sorted()
        guard !required.isEmpty, !input.stages.isEmpty else { return }
        var labelsByStage = [Set<String>](repeating: [], count: input.stages.count)
        for label in MetadataLabels.labels(in: input) {
            if let stage = label.instruction.stageIndex { labelsByStage[stage].insert(label.key) }
        }
        var used: Set<Int> = []
        for dependency in input.semantics.dependencies where dependency.target != dependency.stage {
            if let target = dependency.target { used.insert(target) }
        }
        var checked = Set(input.stages.map(\.index)).subtracting(used)
        if let target = input.targetStage { checked.insert(target.index) }
        for index in checked.sorted() {
            var present = labelsByStage[index]
            var current = index
            var seen: Set<Int> = [index]
            while case .stage(let parent) = input.semantics.bases[current], seen.insert(parent).inserted {
                present.formUnion(labelsByStage[parent])
                current = parent
            }
            let from = input.stages[index].from.image
            for key in required where !present.contains(key) {
                sink.report(from.range, "required label `\(key)` is not set in the image built from `\(from.text)`")
            }
        }
    }
}
