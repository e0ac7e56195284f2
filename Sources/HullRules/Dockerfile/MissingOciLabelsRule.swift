import HullCore
import HullDockerfile
import HullLint

/// The image that ships lacks standard OCI annotation labels.
public struct MissingOciLabelsRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF012", name: "missing-oci-labels",
        summary: "The image that ships lacks required `org.opencontainers.image.*` labels.",
        rationale: """
        The OCI annotation labels tie an image back to where it came from: `org.opencontainers.image.source` \
        lets GitHub and other registries link the package to its repository and lets scanners and \
        Renovate find release notes, and `.version` and `.revision` say exactly which release and commit \
        are running. Set them with `LABEL` in the stage that ships (build arguments make good values: \
        `ARG VERSION` then `LABEL org.opencontainers.image.version=$VERSION`). Labels set in stages it is \
        built on count; labels of external base images do not. The rule is opt-in, because many pipelines \
        add these labels at build time (`docker buildx build --label`, `docker/metadata-action`). The \
        option `required` lists the labels to demand — full keys or the part after \
        `org.opencontainers.image.` — and defaults to `source` and `version`. No peer checks these labels; \
        hadolint's `label-schema` rules (DL3049 and its siblings) check a user-defined schema instead.
        """,
        category: .maintainability, defaultSeverity: .info,
        enabledByDefault: false,
        examples: [
            .passing("FROM alpine:3.20\nARG VERSION=dev\nLABEL org.opencontainers.image.source=\"https://github.com/acme/app\" \\\n      org.opencontainers.image.version=\"$VERSION\"\n"),
            .passing("FROM alpine:3.20 AS base\nLABEL org.opencontainers.image.source=https://github.com/acme/app\nFROM base\nLABEL org.opencontainers.image.version=1.4.2 org.opencontainers.image.revision=0f3c2a1\n",
                     options: ["required": .list([.string("source"), .string("revision")])]),
            .failing("↓FROM alpine:3.20\nLABEL org.opencontainers.image.source=https://github.com/acme/app\n"),
            .failing("FROM golang:1.22 AS build\nLABEL org.opencontainers.image.revision=0f3c2a1\n↓FROM gcr.io/distroless/static-debian12\n",
                     options: ["required": .list([.string("revision")])]),
        ])

    /// The namespace short names are completed with.
    static let namespace = "org.opencontainers.image."
    /// The labels required when the option is not set.
    static let defaultRequired = ["source", "version"]

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        guard let target = input.targetStage else { return }
        let configured = sink.listOption("required")
        let required = (configured.isEmpty ? Self.defaultRequired : configured).map { $0.contains(".") ? $0 : Self.namespace + $0 }
        var present: Set<String> = []
        for instruction in input.targetImageInstructions {
            guard case .label(let labels) = instruction.payload else { continue }
            for pair in labels.pairs { present.insert(input.expand(pair.key.text, at: instruction.index).value) }
        }
        let missing = required.filter { !present.contains($0) }
        guard !missing.isEmpty else { return }
        let names = missing.map { "`\($0)`" }
        let list = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " or " + names.last!
        sink.report(input.instructions[target.fromIndex].syntax.keywordRange,
                    "the image that ships has no \(list) label\(names.count == 1 ? "" : "s"); add \(names.count == 1 ? "it" : "them") with `LABEL` so the image can be traced to its source and release")
    }
}
