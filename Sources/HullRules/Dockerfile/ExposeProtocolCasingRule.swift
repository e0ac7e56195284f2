import HullCore
import HullDockerfile
import HullLint

/// `EXPOSE 80/TCP`: the protocol is not written in lower case.
public struct ExposeProtocolCasingRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF069", name: "expose-protocol-casing",
        summary: "An `EXPOSE` protocol is not written in lower case.",
        rationale: """
        BuildKit lower-cases the protocol of an exposed port (`80/TCP` is recorded as `80/tcp`), so upper \
        case changes nothing but reads as if it mattered, and tools that compare the Dockerfile text with \
        the image configuration see two different spellings. Write `tcp`, `udp` or `sctp`. The fix \
        lower-cases the protocol, which records the same port; it is not offered when the protocol comes \
        from a variable. Unknown protocols are `invalid-expose-port`'s concern.
        """,
        category: .style, defaultSeverity: .warning,
        aliases: [.buildkit("ExposeProtoCasing")],
        fixAvailability: .safe,
        examples: [
            .passing("FROM nginx:1.27\nEXPOSE 80/tcp 53/udp 9000/sctp 8080\n"),
            .passing("FROM nginx:1.27\nARG PROTO=udp\nEXPOSE 53/${PROTO}\n"),
            .failing("FROM nginx:1.27\nEXPOSE 80/⟦TCP⟧ 53/⟦Udp⟧\n"),
            .failing("FROM nginx:1.27\nARG PROTO=SCTP\nEXPOSE ⟦9000/$PROTO⟧ 8080:80/⟦TCP⟧\n"),
            .fix("FROM nginx:1.27\nEXPOSE 80/TCP 53/Udp 443\n", to: "FROM nginx:1.27\nEXPOSE 80/tcp 53/udp 443\n"),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        for instruction in input.instructions where instruction.kind == .expose {
            for word in MetadataPorts.words(of: instruction, in: input) {
                for spec in word.specs {
                    let lowered = spec.proto.lowercased()
                    guard spec.proto != lowered, ["tcp", "udp", "sctp"].contains(lowered) else { continue }
                    let message = "`\(spec.proto)` in `\(spec.text)` should be written `\(lowered)`"
                    if MetadataExpansion.isLiteral(word.word, in: input) {
                        let start = word.word.range.start + spec.protocolOffset
                        let range = TextRange(start: start, end: start + spec.proto.utf8.count)
                        sink.report(range, message, fix: Fix(title: "Write `\(lowered)`", edits: [Edit(range: range, replacement: lowered)], applicability: .safe))
                    } else {
                        sink.report(word.word.range, message)
                    }
                }
            }
        }
    }
}
