import HullCore
import HullDockerfile
import HullLint

/// `MAINTAINER` is deprecated; the OCI authors label replaces it.
public struct MaintainerInstructionRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF001", name: "maintainer-instruction",
        summary: "`MAINTAINER` is deprecated.",
        rationale: """
        `MAINTAINER` only sets a legacy field that registries and scanners no longer read. The \
        `org.opencontainers.image.authors` label carries the same information where tools look for it, \
        and sits with the other OCI labels.
        """,
        category: .maintainability, defaultSeverity: .warning,
        aliases: [.hadolint("DL4000"), .buildkit("MaintainerDeprecated"), .trivy("DS-0022"), .checkov("CKV_DOCKER_6")],
        fixAvailability: .safe,
        examples: [
            .passing("FROM alpine:3.20\nLABEL org.opencontainers.image.authors=\"team@example.com\"\n"),
            .failing("FROM alpine:3.20\n↓MAINTAINER team@example.com\n"),
            .fix("FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\n",
                 to: "FROM alpine:3.20\nLABEL org.opencontainers.image.authors=\"Jane Doe <jane@example.com>\"\n"),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        for instruction in input.instructions {
            guard case .maintainer(let maintainer) = instruction.payload else { continue }
            var fix: Fix?
            if let name = maintainer.name, instruction.syntax.innerComments.isEmpty {
                let escaped = name.text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                fix = Fix(title: "Replace with the `org.opencontainers.image.authors` label",
                          edits: [Edit(range: instruction.range, replacement: "LABEL org.opencontainers.image.authors=\"\(escaped)\"")],
                          applicability: .safe)
            }
            sink.report(instruction.syntax.keywordRange, "`MAINTAINER` is deprecated; use the `org.opencontainers.image.authors` label", fix: fix)
        }
    }
}
