import HullCore
import HullDockerfile
import HullLint

/// A label the schema lists is set to the empty string.
public struct EmptyLabelValueRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF075", name: "empty-label-value",
        summary: "A label listed in the label schema is set to an empty value.",
        rationale: """
        An empty value satisfies a check that the label exists while telling nobody anything; it usually \
        comes from a build argument that was not passed (`LABEL org.opencontainers.image.revision=$GIT_SHA` \
        with `ARG GIT_SHA=`). Set a real value, or pass the argument in CI. Values are read after variable \
        expansion; a value taken from an `ARG` without a default is only known at build time and is not \
        judged. Only labels in `label-schema` (or the rule's `schema` option) are checked, whatever their \
        type. The format rules (`label-value-not-url` and its siblings) leave empty values to this rule, so \
        an empty value is reported once.
        """,
        category: .maintainability, defaultSeverity: .warning,
        aliases: [.hadolint("DL3051")],
        examples: [
            .passing("FROM alpine:3.20\nARG GIT_SHA\nLABEL org.opencontainers.image.revision=$GIT_SHA team=core\n",
                     options: ["schema": .map(["org.opencontainers.image.revision": .string("hash"), "team": .string("text")])]),
            .passing("FROM alpine:3.20\nLABEL other=\"\"\n", options: ["schema": .map(["team": .string("text")])]),
            .failing("FROM alpine:3.20\nLABEL ⟦team=\"\"⟧\n", options: ["schema": .map(["team": .string("text")])]),
            .failing("FROM alpine:3.20\nARG GIT_SHA=\nLABEL ⟦org.opencontainers.image.revision=${GIT_SHA}⟧ ⟦team=⟧\n",
                     options: ["schema": .map(["org.opencontainers.image.revision": .string("hash"), "team": .string("text")])]),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        let schema = MetadataLabels.schema(input, sink)
        guard !schema.isEmpty else { return }
        for label in MetadataLabels.labels(in: input) where schema[label.key] != nil && label.value?.isEmpty == true {
            sink.report(label.range, "`\(label.key)` is empty")
        }
    }
}
