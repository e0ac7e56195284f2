import HullCore
import HullDockerfile
import HullLint

/// A `semver` label of the label schema whose value is not a semantic version.
public struct LabelValueNotSemverRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF080", name: "label-value-not-semver",
        summary: "A label the label schema types as `semver` does not hold a semantic version.",
        rationale: """
        Version labels (`org.opencontainers.image.version`) are compared by tools that order releases, \
        which only works when every image uses the same grammar: Semantic Versioning 2.0.0, \
        `MAJOR.MINOR.PATCH` with an optional `-pre.release` and `+build` part, numbers without leading \
        zeros. A `v` prefix, two-part versions and dates are rejected, as hadolint rejects them. A value \
        only known at build time is not judged. \
        Only labels typed `semver` in `label-schema` (or the rule's `schema` option) are checked; empty \
        values are `empty-label-value`'s concern.
        """,
        category: .maintainability, defaultSeverity: .warning,
        aliases: [.hadolint("DL3056")],
        examples: [
            .passing("FROM alpine:3.20\nLABEL org.opencontainers.image.version=1.4.0\n",
                     options: ["schema": .map(["org.opencontainers.image.version": .string("semver")])]),
            .passing("FROM alpine:3.20\nARG VERSION=2.0.0-rc.1+build.5\nLABEL org.opencontainers.image.version=${VERSION}\n",
                     options: ["schema": .map(["org.opencontainers.image.version": .string("semver")])]),
            .failing("FROM alpine:3.20\nLABEL org.opencontainers.image.version=⟦v1.4.0⟧\n",
                     options: ["schema": .map(["org.opencontainers.image.version": .string("semver")])]),
            .failing("FROM alpine:3.20\nLABEL org.opencontainers.image.version=⟦1.4⟧\nLABEL org.opencontainers.image.version=⟦01.4.0⟧\n",
                     options: ["schema": .map(["org.opencontainers.image.version": .string("semver")])]),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        MetadataLabels.checkFormat(.semver, input, &sink, expected: "a semantic version", isValid: MetadataLabelFormats.isSemVer)
    }
}
