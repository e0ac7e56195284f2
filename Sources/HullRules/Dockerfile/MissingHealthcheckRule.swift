import HullCore
import HullDockerfile
import HullLint

/// A service image (it exposes ports) without a `HEALTHCHECK`.
public struct MissingHealthcheckRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF011", name: "missing-healthcheck",
        summary: "An image that exposes ports has no `HEALTHCHECK`.",
        rationale: """
        Without a health check, Docker, Compose and Swarm only know whether the process is alive, not \
        whether it still answers: a deadlocked server stays "running", rolling updates shift traffic to \
        instances that are not ready, and `depends_on: condition: service_healthy` cannot work. Add a \
        `HEALTHCHECK` that probes the service cheaply (`HEALTHCHECK CMD wget -qO- http://localhost:3000/health \
        || exit 1`, or a small probe binary in distroless images, which have no `wget` or `curl`). Peers \
        flag every image without one; Hull only flags the image that ships when it — or a stage it is \
        built on — `EXPOSE`s a port, because one-shot tools and build images have nothing to probe. A \
        `HEALTHCHECK NONE` is a deliberate choice and is accepted. Kubernetes ignores `HEALTHCHECK` and \
        uses its own probes; silence the rule for images that only run there. A health check inherited \
        from an external base image cannot be seen here.
        """,
        category: .correctness, defaultSeverity: .info,
        aliases: [.hadolint("DL3057"), .trivy("DS-0026"), .dockle("CIS-DI-0006"), .checkov("CKV_DOCKER_2")],
        examples: [
            .passing("FROM node:20-alpine\nEXPOSE 3000\nHEALTHCHECK --interval=30s CMD wget -qO- http://localhost:3000/health || exit 1\nCMD [\"node\", \"index.js\"]\n"),
            .passing("FROM alpine:3.20\nCMD [\"./migrate\"]\n"),
            .passing("FROM nginx:1.27-alpine AS base\nHEALTHCHECK NONE\nFROM base\nEXPOSE 80\n"),
            .passing("FROM node:20-alpine AS dev\nEXPOSE 9229\nFROM node:20-alpine\nCMD [\"node\", \"batch.js\"]\n"),
            .failing("FROM node:20-alpine\n↓EXPOSE 3000\nCMD [\"node\", \"index.js\"]\n"),
            .failing("FROM python:3.12-slim AS base\n⟦EXPOSE⟧ 8000/tcp\nFROM base\nCMD [\"gunicorn\", \"app:app\"]\n"),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        let instructions = input.targetImageInstructions
        if instructions.contains(where: { $0.kind == .healthcheck }) { return }
        guard let expose = instructions.last(where: { if case .expose(let payload) = $0.payload { !payload.ports.isEmpty } else { false } }),
              case .expose(let payload) = expose.payload else { return }
        let ports = payload.ports.map { "`\($0.text)`" }.joined(separator: ", ")
        sink.report(expose.syntax.keywordRange, "the image exposes \(ports) but has no `HEALTHCHECK`, so nothing can tell a hung service from a healthy one; add a `HEALTHCHECK` (or `HEALTHCHECK NONE` to opt out)")
    }
}
