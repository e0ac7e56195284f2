import HullCore
import HullDockerfile
import HullLint

/// A `hash` label of the label schema whose value is not a git commit hash.
public struct LabelValueNotGitHashRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF079", name: "label-value-not-git-hash",
        summary: "A label the label schema types as `hash` does not hold a git commit hash.",
        rationale: """
        A revision label (`org.opencontainers.image.revision`) ties an image to the commit it was built \
        from; a branch name or tag moves, and a typo points nowhere. Hull accepts lower-case hexadecimal \
        object names as git prints them: a full SHA-1 (40 digits) or SHA-256 (64), or an abbreviation of 7 \
        to 40 digits. hadolint accepts exactly 7 or 40 digits; git abbreviates to more than 7 when 7 are \
        ambiguous, so Hull accepts those too. A value only known at build time (`$GIT_SHA` from an `ARG` \
        without a default) is not judged. \
        Only labels typed `hash` in `label-schema` (or the rule's `schema` option) are checked; empty \
        values are `empty-label-value`'s concern.
        """,
        category: .maintainability, defaultSeverity: .warning,
        aliases: [.hadolint("DL3055")],
        examples: [
            .passing("FROM alpine:3.20\nLABEL org.opencontainers.image.revision=4f2c1e9b7a0d3c5e8f1a2b3c4d5e6f7a8b9c0d1e\n",
                     options: ["schema": .map(["org.opencontainers.image.revision": .string("hash")])]),
            .passing("FROM alpine:3.20\nARG GIT_SHA\nLABEL org.opencontainers.image.revision=$GIT_SHA\nLABEL org.opencontainers.image.revision=4f2c1e9b\n",
                     options: ["schema": .map(["org.opencontainers.image.revision": .string("hash")])]),
            .failing("FROM alpine:3.20\nLABEL org.opencontainers.image.revision=⟦main⟧\n",
                     options: ["schema": .map(["org.opencontainers.image.revision": .string("hash")])]),
            .failing("FROM alpine:3.20\nLABEL org.opencontainers.image.revision=⟦4F2C1E9⟧\nLABEL org.opencontainers.image.revision=⟦4f2c1e⟧\n",
                     options: ["schema": .map(["org.opencontainers.image.revision": .string("hash")])]),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        MetadataLabels.checkFormat(.hash, input, &sink, expected: "a git commit hash", isValid: MetadataLabelFormats.isGitHash)
    }
}
