import HullCore
import HullDockerfile
import HullLint

/// An `EXPOSE` port BuildKit rejects: outside 0–65535, not a number, a reversed range or an
/// unknown protocol.
public struct InvalidExposePortRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF066", name: "invalid-expose-port",
        summary: "An `EXPOSE` port is outside 0–65535 or is not a valid port.",
        rationale: """
        Ports are 16-bit numbers, so a port above 65535 cannot be listened on or published, and BuildKit \
        fails the build on it, as it does on a port that is not a number, a range written high to low \
        (`8010-8000`) and a protocol other than `tcp`, `udp` or `sctp`. Each end of a range and each port a \
        variable expands to is checked, after variable expansion, as BuildKit checks them; ports whose \
        value is only known at build time are not judged. hadolint and Trivy check only the upper bound; \
        the other cases fail the same build, so Hull reports them here too.
        """,
        category: .correctness, defaultSeverity: .error,
        aliases: [.hadolint("DL3011"), .trivy("DS-0008")],
        examples: [
            .passing("FROM nginx:1.27\nEXPOSE 80 443/tcp 53/udp 8000-8010 0 65535/sctp\n"),
            .passing("FROM nginx:1.27\nARG PORTS=\"8080 8443\"\nEXPOSE $PORTS\nARG LATER\nEXPOSE $LATER\n"),
            .failing("FROM nginx:1.27\nEXPOSE 80 ⟦70000⟧\n"),
            .failing("FROM nginx:1.27\nEXPOSE ⟦8000-65536⟧ ⟦8010-8000⟧ ⟦http⟧ ⟦80/http⟧\n"),
            .failing("FROM nginx:1.27\nENV PORT=99999\nEXPOSE ⟦${PORT}/tcp⟧\n"),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        for instruction in input.instructions where instruction.kind == .expose {
            for word in MetadataPorts.words(of: instruction, in: input) {
                for spec in word.specs {
                    guard case .failure(let problem) = MetadataPorts.ports(spec) else { continue }
                    sink.report(word.word.range, Self.message(problem, spec), notes: ["BuildKit fails the build on it."])
                }
            }
        }
    }

    static func message(_ problem: MetadataPorts.Problem, _ spec: MetadataPorts.Spec) -> String {
        switch problem {
        case .noPort: "`\(spec.text)` names no port"
        case .notANumber(let text): "`\(text)` is not a port number"
        case .outOfRange(let text): "`\(text)` is outside the port range 0–65535"
        case .reversed: "`\(spec.port)` is a range written from high to low"
        case .protocolUnknown(let proto): "`\(proto)` is not a protocol `EXPOSE` accepts; use `tcp`, `udp` or `sctp`"
        }
    }
}
