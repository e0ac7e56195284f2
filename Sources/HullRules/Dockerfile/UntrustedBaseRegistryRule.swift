import HullCore
import HullDockerfile
import HullLint

/// A base image (or an image copied or mounted from) comes from a registry that is not on the
/// allow-list.
public struct UntrustedBaseRegistryRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF020", name: "untrusted-base-registry",
        summary: "An image is pulled from a registry outside the trusted list.",
        rationale: """
        Organisations that mirror or vet their images keep a list of registries builds may pull from; an \
        image from anywhere else skips that review and can change or vanish without notice. The rule reads \
        `trustedRegistries` from the configuration (or the rule option `trusted-registries`) and stays \
        silent while the list is empty. Entries may use `*` wildcards (`*.example.com` matches any \
        subdomain), and Docker Hub is matched as `docker.io` however it is written (`index.docker.io`, \
        `registry-1.docker.io` or no registry at all). hadolint looks only at `FROM`; Hull also checks the \
        images `COPY --from` and `RUN --mount=from=` pull, because they reach the build the same way. \
        References that still hold unset variables, stage names and `scratch` are not judged.
        """,
        category: .security, defaultSeverity: .error,
        aliases: [.hadolint("DL3026")],
        examples: [
            .passing("FROM alpine:3.20\n"),
            .passing("FROM registry.example.com/base/alpine:3.20\nFROM docker.io/library/node:20\n",
                     options: ["trusted-registries": .list([.string("*.example.com"), .string("docker.io")])]),
            .passing("FROM alpine:3.20 AS build\nFROM build\nCOPY --from=build /a /b\n", options: ["trusted-registries": .string("docker.io")]),
            .failing("FROM ⟦ghcr.io/acme/app:1.0⟧\n", options: ["trusted-registries": .string("docker.io")]),
            .failing("FROM registry.example.com/alpine:3.20\nCOPY ⟦--from=quay.io/x/tool:1⟧ /tool /usr/bin/tool\nFROM ↓example.com/alpine:3.20\n",
                     options: ["trusted-registries": .list([.string("*.example.com")])]),
            .failing("ARG BASE=node:20\nFROM ↓${BASE}\n", options: ["trusted-registries": .string("ghcr.io")]),
        ])

    /// The spellings of Docker Hub's registry, all matched by `docker.io`.
    static let dockerHubAliases: Set<String> = ["docker.io", "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com", "hub.docker.com"]

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        let trusted = (input.configuration.trustedRegistries + sink.listOption("trusted-registries"))
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
        guard !trusted.isEmpty else { return }
        let listed = trusted.map { "`\($0)`" }.joined(separator: ", ")
        for stage in input.stages {
            guard case .image(_, let reference?) = input.semantics.bases[stage.index],
                  input.semantics.baseExpansions[stage.index].unmatched.isEmpty else { continue }
            if Self.isTrusted(reference.registry, by: trusted) { continue }
            sink.report(stage.from.image.range, "`\(reference.registry)` is not a trusted registry", notes: ["Trusted registries: \(listed)."])
        }
        for dependency in input.semantics.dependencies where dependency.kind != .base && dependency.target == nil {
            let text = dependency.reference
            // BuildKit also resolves `--from` to stages defined further down.
            if input.stages.contains(where: { $0.name == text.lowercased() }) { continue }
            guard !text.isEmpty, !text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), !text.contains("$"),
                  let reference = try? ImageReference.parse(text), !reference.isScratch else { continue }
            // A bare name BuildKit would pull from Docker Hub is usually a misspelt stage; the
            // stage rules report it.
            if !text.contains(":") && !text.contains("/") && !text.contains("@") { continue }
            if Self.isTrusted(reference.registry, by: trusted) { continue }
            sink.report(dependency.range, "`\(reference.registry)` is not a trusted registry", notes: ["Trusted registries: \(listed)."])
        }
    }

    /// Whether `registry` matches an entry of the list (wildcards allowed, Docker Hub normalised).
    static func isTrusted(_ registry: String, by patterns: [String]) -> Bool {
        let lowered = registry.lowercased()
        let host = lowered.split(separator: ":", maxSplits: 1).first.map(String.init) ?? lowered
        for pattern in patterns {
            let normalized = dockerHubAliases.contains(pattern) ? "docker.io" : pattern
            if glob(lowered, normalized) || glob(host, normalized) { return true }
        }
        return false
    }

    /// `*` matches any run of characters, everything else itself.
    static func glob(_ text: String, _ pattern: String) -> Bool {
        let t = Array(text.utf8), p = Array(pattern.utf8)
        var ti = 0, pi = 0, star = -1, mark = 0
        while ti < t.count {
            if pi < p.count && p[pi] == t[ti] {
                ti += 1; pi += 1
            } else if pi < p.count && p[pi] == UInt8(ascii: "*") {
                star = pi; mark = ti; pi += 1
            } else if star >= 0 {
                pi = star + 1; mark += 1; ti = mark
            } else {
                return false
            }
        }
        while pi < p.count && p[pi] == UInt8(ascii: "*") { pi += 1 }
        return pi == p.count
    }
}
