import HullCore
import HullDockerfile
import HullLint

/// A `spdx` label of the label schema whose value is not an SPDX license expression.
public struct LabelValueNotSpdxRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF078", name: "label-value-not-spdx",
        summary: "A label the label schema types as `spdx` does not hold an SPDX license expression.",
        rationale: """
        Licence labels (`org.opencontainers.image.licenses`) are read by compliance tools that match SPDX \
        identifiers, so `Apache 2`, `BSD` or `GPLv3` cannot be classified. Write an SPDX identifier \
        (`Apache-2.0`) or expression (`MIT OR Apache-2.0`, `GPL-2.0-only WITH Classpath-exception-2.0`). \
        hadolint accepts a single identifier only; Hull accepts full expressions, as the OCI annotation \
        asks for, so it reports less there, never more. Identifiers are checked, in any case, against a \
        built-in list of the SPDX licences and exceptions in common use; `LicenseRef-…` and \
        `DocumentRef-…:LicenseRef-…` are always accepted, and the rule's `licenses` option adds \
        identifiers the list lacks. \
        Only labels typed `spdx` in `label-schema` (or the rule's `schema` option) are checked; empty \
        values are `empty-label-value`'s concern.
        """,
        category: .maintainability, defaultSeverity: .warning,
        aliases: [.hadolint("DL3054")],
        examples: [
            .passing("FROM alpine:3.20\nLABEL org.opencontainers.image.licenses=\"MIT OR Apache-2.0\"\n",
                     options: ["schema": .map(["org.opencontainers.image.licenses": .string("spdx")])]),
            .passing("FROM alpine:3.20\nLABEL org.opencontainers.image.licenses=\"(gpl-2.0-only WITH Classpath-exception-2.0) AND LicenseRef-acme\"\n",
                     options: ["schema": .map(["org.opencontainers.image.licenses": .string("spdx")])]),
            .failing("FROM alpine:3.20\nLABEL org.opencontainers.image.licenses=⟦\"Apache 2\"⟧\n",
                     options: ["schema": .map(["org.opencontainers.image.licenses": .string("spdx")])]),
            .failing("FROM alpine:3.20\nLABEL org.opencontainers.image.licenses=⟦GPLv3⟧\nLABEL org.opencontainers.image.licenses=⟦\"MIT AND\"⟧\n",
                     options: ["schema": .map(["org.opencontainers.image.licenses": .string("spdx")])]),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        let extra = Set(sink.listOption("licenses"))
        MetadataLabels.checkFormat(.spdx, input, &sink, expected: "an SPDX license expression") { MetadataLabelFormats.isSPDX($0, extra: extra) }
    }
}
