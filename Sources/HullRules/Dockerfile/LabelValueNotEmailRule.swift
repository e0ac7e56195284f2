import HullCore
import HullDockerfile
import HullLint

/// An `email` label of the label schema whose value is not an email address.
public struct LabelValueNotEmailRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF081", name: "label-value-not-email",
        summary: "A label the label schema types as `email` does not hold an email address.",
        rationale: """
        Contact labels (`org.opencontainers.image.authors` when the schema types it so, `maintainer`) are \
        how an operator reaches the owners of an image during an incident, so they must be an address \
        mail can be sent to. Hull accepts an RFC 5322 address (`addr-spec`): a dot-atom or quoted local \
        part, `@`, and a domain or bracketed address literal. A display name (`Jane Doe \
        <jane@example.com>`) is not an address and is rejected, as hadolint rejects it; put the name in \
        another label. A value only known at build time is not judged. \
        Only labels typed `email` in `label-schema` (or the rule's `schema` option) are checked; empty \
        values are `empty-label-value`'s concern.
        """,
        category: .maintainability, defaultSeverity: .warning,
        aliases: [.hadolint("DL3058")],
        examples: [
            .passing("FROM alpine:3.20\nLABEL maintainer=platform-team@example.com\n",
                     options: ["schema": .map(["maintainer": .string("email")])]),
            .passing("FROM alpine:3.20\nLABEL maintainer=\"\\\"ops team\\\"@example.com\"\n",
                     options: ["schema": .map(["maintainer": .string("email")])]),
            .failing("FROM alpine:3.20\nLABEL maintainer=⟦\"Jane Doe <jane@example.com>\"⟧\n",
                     options: ["schema": .map(["maintainer": .string("email")])]),
            .failing("FROM alpine:3.20\nLABEL maintainer=⟦jane.@example.com⟧\nLABEL maintainer=⟦platform-team⟧\n",
                     options: ["schema": .map(["maintainer": .string("email")])]),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        MetadataLabels.checkFormat(.email, input, &sink, expected: "an email address", isValid: MetadataLabelFormats.isEmail)
    }
}
