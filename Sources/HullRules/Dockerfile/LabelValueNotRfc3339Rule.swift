import HullCore
import HullDockerfile
import HullLint

/// A `rfc3339` label of the label schema whose value is not an RFC 3339 date-time.
public struct LabelValueNotRfc3339Rule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF077", name: "label-value-not-rfc3339",
        summary: "A label the label schema types as `rfc3339` does not hold an RFC 3339 date-time.",
        rationale: """
        Build dates (`org.opencontainers.image.created`) are compared and sorted by tools, which need one \
        unambiguous format: RFC 3339, a full date, `T`, a time with seconds and a zone (`Z` or an offset), \
        as `date -u +%Y-%m-%dT%H:%M:%SZ` prints it. Dates without a time or zone, other separators and \
        impossible fields (month 13, 31 April, hour 24) are rejected. A value taken from an `ARG` without \
        a default, the usual way to stamp the build time, is only known at build time and is not judged, \
        where hadolint reports the unexpanded `$BUILD_DATE`. \
        Only labels typed `rfc3339` in `label-schema` (or the rule's `schema` option) are checked; empty \
        values are `empty-label-value`'s concern.
        """,
        category: .maintainability, defaultSeverity: .warning,
        aliases: [.hadolint("DL3053")],
        examples: [
            .passing("FROM alpine:3.20\nLABEL org.opencontainers.image.created=2024-05-01T12:30:00Z\n",
                     options: ["schema": .map(["org.opencontainers.image.created": .string("rfc3339")])]),
            .passing("FROM alpine:3.20\nARG BUILD_DATE\nLABEL org.opencontainers.image.created=$BUILD_DATE\nLABEL org.opencontainers.image.created=\"2024-02-29t23:59:60.123+05:30\"\n",
                     options: ["schema": .map(["org.opencontainers.image.created": .string("rfc3339")])]),
            .failing("FROM alpine:3.20\nLABEL org.opencontainers.image.created=⟦2024-05-01⟧\n",
                     options: ["schema": .map(["org.opencontainers.image.created": .string("rfc3339")])]),
            .failing("FROM alpine:3.20\nARG WHEN=\"2024-04-31T10:00:00Z\"\nLABEL org.opencontainers.image.created=⟦$WHEN⟧\nLABEL org.opencontainers.image.created=⟦\"2024-05-01 12:30:00Z\"⟧\n",
                     options: ["schema": .map(["org.opencontainers.image.created": .string("rfc3339")])]),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        MetadataLabels.checkFormat(.rfc3339, input, &sink, expected: "an RFC 3339 date-time", isValid: MetadataLabelFormats.isRFC3339)
    }
}
