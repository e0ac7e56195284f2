import HullCore
import HullDockerfile
import HullLint

/// `EXPOSE` with a host address or host port, which only `docker run -p` can set.
public struct ExposeHostMappingRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF068", name: "expose-host-mapping",
        summary: "`EXPOSE` gives a host IP address or host port.",
        rationale: """
        `EXPOSE` records which container ports the image listens on; which host address and port they are \
        published on is decided when the container starts (`docker run -p`, a compose file, a Service). \
        BuildKit accepts `EXPOSE 127.0.0.1:8080:80` or `8080:80` but keeps only the container port, so the \
        host part suggests a binding that never happens, and BuildKit has announced that the form will \
        become an error. The fix deletes the host part; the image records the same ports as before, so it \
        is safe. It is not offered when the port comes from a variable.
        """,
        category: .correctness, defaultSeverity: .warning,
        aliases: [.buildkit("ExposeInvalidFormat")],
        fixAvailability: .safe,
        examples: [
            .passing("FROM nginx:1.27\nEXPOSE 80 443/tcp 8000-8010/udp\n"),
            .passing("FROM nginx:1.27\nARG PORT=8080\nEXPOSE ${PORT}\n"),
            .failing("FROM nginx:1.27\nEXPOSE ⟦127.0.0.1:8080:⟧80 ⟦8443:⟧443/tcp\n"),
            .failing("FROM nginx:1.27\nARG MAPPING=8080:80\nEXPOSE ⟦$MAPPING⟧ ⟦[::1]:53:⟧53/udp\n"),
            .fix("FROM nginx:1.27\nEXPOSE 0.0.0.0:8080:80/tcp 9000-9001:9000-9001\n", to: "FROM nginx:1.27\nEXPOSE 80/tcp 9000-9001\n"),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        for instruction in input.instructions where instruction.kind == .expose {
            for word in MetadataPorts.words(of: instruction, in: input) {
                for spec in word.specs where spec.hasHostPart {
                    let container = spec.proto.isEmpty ? spec.port : spec.port + "/" + spec.proto
                    let message = "`\(spec.text)` gives a host \(spec.ip.isEmpty ? "port" : "address"); `EXPOSE` only records the container port `\(container)`"
                    let notes = ["Publish ports when the container starts (`docker run -p`, compose `ports:`)."]
                    if MetadataExpansion.isLiteral(word.word, in: input) {
                        let prefix = TextRange(start: word.word.range.start, end: word.word.range.start + spec.hostPrefixLength)
                        sink.report(prefix, message, notes: notes, fix: Fix(title: "Remove the host part", edits: [.delete(prefix)], applicability: .safe))
                    } else {
                        sink.report(word.word.range, message, notes: notes)
                    }
                }
            }
        }
    }
}
