import HullCore
import HullDockerfile
import HullLint

/// `EXPOSE` declares port 22, the SSH port.
public struct SshPortExposedRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF067", name: "ssh-port-exposed",
        summary: "`EXPOSE` declares port 22 (SSH).",
        rationale: """
        Exposing port 22 means the image runs an SSH server, which adds a long-lived daemon, host keys and \
        credentials to manage, and a way in that bypasses the orchestrator's access control and audit. \
        Containers are reached with `docker exec` or `kubectl exec`; copy files with `docker cp` or a \
        volume. Trivy flags `22`, `22/tcp` and `22/udp`, and Checkov a bare `22`; Hull flags port 22 with any \
        protocol, in a range that includes it and in a value that comes from a variable.
        """,
        category: .security, defaultSeverity: .warning,
        aliases: [.trivy("DS-0004"), .checkov("CKV_DOCKER_1")],
        examples: [
            .passing("FROM alpine:3.20\nEXPOSE 80 2222 220\n"),
            .passing("FROM alpine:3.20\nEXPOSE 22222/tcp 23-80\n"),
            .failing("FROM alpine:3.20\nEXPOSE 80 ⟦22⟧\n"),
            .failing("FROM alpine:3.20\nARG SSH=22/udp\nEXPOSE ⟦$SSH⟧ ⟦20-25⟧\n"),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        for instruction in input.instructions where instruction.kind == .expose {
            for word in MetadataPorts.words(of: instruction, in: input) {
                for spec in word.specs {
                    guard case .success(let ports) = MetadataPorts.ports(spec), ports.contains(22) else { continue }
                    let message = ports.count == 1 ? "`\(spec.text)` exposes the SSH port" : "`\(spec.text)` includes the SSH port 22"
                    sink.report(word.word.range, message, notes: ["Use `docker exec` or `kubectl exec` to reach a container instead of an SSH server."])
                }
            }
        }
    }
}
