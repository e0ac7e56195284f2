import HullCore
import HullDockerfile
import HullLint

/// With strict labels on, a `LABEL` key the schema does not list.
public struct LabelNotInSchemaRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF074", name: "label-not-in-schema",
        summary: "A `LABEL` key is not in the label schema while strict labels are on.",
        rationale: """
        With `strict-labels`, the label schema is the complete list of labels an image may carry, so a \
        misspelt key (`org.opencontainers.image.licence`) or a label nobody agreed on is caught instead of \
        quietly shipping alongside the required one. Hull reports each key outside the schema, at the key \
        (hadolint reports the whole `LABEL`). Keys are compared after quotes are removed and variables \
        expanded. The rule reads `strict-labels` and `label-schema` from the configuration (or the rule's \
        `strict` and `schema` options) and is silent unless strict labels are on.
        """,
        category: .maintainability, defaultSeverity: .info,
        aliases: [.hadolint("DL3050")],
        examples: [
            .passing("FROM alpine:3.20\nLABEL team=core version=1.0.0\n",
                     options: ["strict": .bool(true), "schema": .map(["team": .string("text"), "version": .string("semver")])]),
            .passing("FROM alpine:3.20\nLABEL anything=goes\n", options: ["schema": .map(["team": .string("text")])]),
            .failing("FROM alpine:3.20\nLABEL team=core ⟦tema⟧=core\n",
                     options: ["strict": .bool(true), "schema": .map(["team": .string("text")])]),
            .failing("FROM alpine:3.20\nLABEL ↓\"description\"=\"An app\"\nLABEL ↓org.opencontainers.image.licence=MIT\n",
                     options: ["strict": .bool(true), "schema": .map(["org.opencontainers.image.licenses": .string("spdx")])]),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        guard MetadataLabels.isStrict(input, sink) else { return }
        let schema = MetadataLabels.schema(input, sink)
        for label in MetadataLabels.labels(in: input) where schema[label.key] == nil {
            let suggestion = StructureSuggestion.closest(to: label.key, among: schema.keys.sorted())
            sink.report(label.pair.key.range, "`\(label.key)` is not in the label schema\(StructureSuggestion.clause(suggestion))")
        }
    }
}
