import HullCore
import HullDockerfile
import HullLint

/// `COPY` or `ADD` of a file whose name says it holds secrets.
public struct SecretFileCopiedRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF008", name: "secret-file-copied",
        summary: "`COPY` or `ADD` names a file that holds secrets.",
        rationale: """
        A file copied into an image is in a layer for good: deleting it in a later step only hides it, and \
        anyone who pulls the image can extract it with `docker save`. Environment files (`.env`, \
        `.env.production`), private keys (`id_rsa`, `*.key`, `*.pem`), registry and cloud credentials \
        (`.npmrc`, `.pypirc`, `.netrc`, `.aws/credentials`, `.docker/config.json`, kubeconfigs) and \
        Terraform state hold exactly what an attacker wants. Give build steps a secret with \
        `RUN --mount=type=secret,id=…,target=…`, give the running container its secrets through the \
        orchestrator, and keep the files out of the context with `.dockerignore`. Templates such as \
        `.env.example`, certificate-looking PEM files (`ca.pem`, `fullchain.pem`) and key files copied to \
        where public keys go (`*.pub`, `*.asc`, `*.gpg`, apt and rpm keyrings) are accepted. When the \
        build context is known, wildcard sources are matched against it, and files the `.dockerignore` \
        keeps out of the build are not reported (they are never sent).
        """,
        category: .security, defaultSeverity: .error,
        aliases: [.trivy("DS-0031"), .dockle("CIS-DI-0010")],
        examples: [
            .passing("FROM node:20-alpine\nCOPY package.json package-lock.json .env.example ./\n"),
            .passing("FROM node:20-alpine AS build\nFROM node:20-alpine\nCOPY --from=build /app/.env /app/dist ./\n"),
            .passing("FROM alpine:3.20\nCOPY certs/ca.pem /usr/local/share/ca-certificates/ca.crt\n"),
            .passing("FROM debian:12-slim\nCOPY vendor-release.key /etc/apt/keyrings/vendor.asc\n"),
            .passing("FROM node:20-alpine\nCOPY config/* /app/config/\n", files: ["config/app.yaml", "config/.env.production"], ignore: "config/.env*\n"),
            .failing("FROM node:20-alpine\nCOPY ⟦.env⟧ ./\n"),
            .failing("FROM node:20-alpine\nCOPY ⟦.npmrc⟧ package.json ./\n"),
            .failing("FROM alpine:3.20\nADD ⟦id_rsa⟧ /root/.ssh/id_rsa\n"),
            .failing("FROM node:20-alpine\nCOPY ⟦config/*⟧ /app/config/\n", files: ["config/app.yaml", "config/.env.production"]),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        for instruction in input.instructions {
            let copy: CopyInstruction
            switch instruction.payload {
            case .copy(let payload) where payload.from == nil: copy = payload
            case .add(let payload): copy = payload
            default: continue
            }
            for source in copy.contextSources {
                let expansion = input.expand(source.text, at: instruction.index)
                guard expansion.isResolved, !RemoteSource.isRemote(expansion.value) else { continue }
                if let message = finding(for: expansion.value, written: source.text, input.context),
                   !Self.isPublicKeyDestination(copy.destination.map { input.expand($0.text, at: instruction.index).value }, source: expansion.value) {
                    sink.report(source.range, message)
                }
            }
        }
    }

    /// Whether a key file is copied to where public keys go (`*.pub`, `*.asc`, `*.gpg`, an apt or
    /// rpm keyring folder): signing keys for package verification are public.
    static func isPublicKeyDestination(_ destination: String?, source: String) -> Bool {
        guard let destination = destination?.lowercased() else { return false }
        let name = source.lowercased()
        guard name.hasSuffix(".key") || name.hasSuffix(".pem") else { return false }
        if [".pub", ".asc", ".gpg"].contains(where: destination.hasSuffix) { return true }
        return ["keyrings", "trusted.gpg.d", "rpm-gpg"].contains { destination.contains("/" + $0) }
    }

    private func finding(for path: String, written: String, _ context: BuildContextView?) -> String? {
        let advice = "a copied file stays in a layer anyone with the image can read, so mount it with `RUN --mount=type=secret` or pass the values at run time"
        let normalized = BuildContextView.normalize(path)
        if ContextPathPattern.hasWildcards(path), let context {
            let pattern = ContextPathPattern(path)
            for file in context.files where pattern.matches(file) && !context.isExcluded(file) {
                if let kind = SecretPatterns.secretFileKind(file) { return "`\(written)` takes in `\(file)`, \(kind); \(advice)" }
            }
            return nil
        }
        guard let kind = SecretPatterns.secretFileKind(normalized) else { return nil }
        if let context, context.isExcluded(normalized) { return nil }
        return ContextPathPattern.hasWildcards(path) ? "`\(written)` can match \(kind); \(advice)" : "`\(written)` is \(kind); \(advice)"
    }
}
