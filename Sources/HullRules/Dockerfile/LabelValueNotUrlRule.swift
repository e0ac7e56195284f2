import HullCore
import HullDockerfile
import HullLint

/// A `url` label of the label schema whose value is not a URL.
public struct LabelValueNotUrlRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF076", name: "label-value-not-url",
        summary: "A label the label schema types as `url` does not hold a valid URL.",
        rationale: """
        Labels typed `url` (`org.opencontainers.image.source`, `.url`, `.documentation`) are followed by \
        people and tools: a registry page links them, a scanner fetches them. Hull accepts an absolute URI \
        as RFC 3986 defines it: a scheme, a colon, and only characters a URI may hold, \
        with well-formed `%` escapes; `http`, `https` and the other web schemes also need a host. \
        Relative references (`github.com/acme/app`), spaces and unencoded non-ASCII characters are \
        rejected, as hadolint's URI parser rejects them. \
        Only labels typed `url` in `label-schema` (or the rule's `schema` option) are checked; empty \
        values are `empty-label-value`'s concern.
        """,
        category: .maintainability, defaultSeverity: .warning,
        aliases: [.hadolint("DL3052")],
        examples: [
            .passing("FROM alpine:3.20\nLABEL org.opencontainers.image.source=https://github.com/acme/app org.opencontainers.image.documentation=\"https://acme.example/docs?page=1#top\"\n",
                     options: ["schema": .map(["org.opencontainers.image.source": .string("url"), "org.opencontainers.image.documentation": .string("url")])]),
            .passing("FROM alpine:3.20\nLABEL org.opencontainers.image.source=git+ssh://git@github.com/acme/app.git homepage=urn:isbn:0451450523\n",
                     options: ["schema": .map(["org.opencontainers.image.source": .string("url"), "homepage": .string("url")])]),
            .failing("FROM alpine:3.20\nLABEL org.opencontainers.image.source=⟦github.com/acme/app⟧\n",
                     options: ["schema": .map(["org.opencontainers.image.source": .string("url"), "org.opencontainers.image.documentation": .string("url")])]),
            .failing("FROM alpine:3.20\nLABEL org.opencontainers.image.source=⟦\"https://acme.example/my docs\"⟧ homepage=⟦https:///path⟧\n",
                     options: ["schema": .map(["org.opencontainers.image.source": .string("url"), "homepage": .string("url")])]),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        MetadataLabels.checkFormat(.url, input, &sink, expected: "a URL", isValid: MetadataLabelFormats.isURL)
    }
}
