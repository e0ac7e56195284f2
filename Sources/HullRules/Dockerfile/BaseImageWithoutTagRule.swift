import HullCore
import HullDockerfile
import HullLint

/// A base image named without a tag or digest, which Docker reads as `:latest`.
public struct BaseImageWithoutTagRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF002", name: "base-image-without-tag",
        summary: "A base image is named without a tag or digest.",
        rationale: """
        An image name without a tag means `:latest`, which moves whenever its publisher pushes: the same \
        Dockerfile builds on a different base from one day to the next, caches stop matching, and a \
        breaking release arrives without any change on your side. Name a version tag (`node:20.11-alpine`) \
        or pin a digest (`node:20.11-alpine@sha256:…`) and upgrade on purpose. Like Trivy, and unlike \
        hadolint, the image is judged after build-argument expansion: `FROM ${BASE}` is flagged when `BASE` \
        defaults to an untagged name and accepted when it defaults to a tagged one, while `scratch`, \
        earlier stages and names that depend on an argument without a default are not judged.
        """,
        category: .correctness, defaultSeverity: .warning,
        aliases: [.hadolint("DL3006"), .trivy("DS-0001"), .dockle("DKL-DI-0006"), .checkov("CKV_DOCKER_7")],
        fixAvailability: .displayOnly,
        examples: [
            .passing("FROM node:20-alpine\n"),
            .passing("FROM node@sha256:0b6f7a3c2e1d4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a\n"),
            .passing("FROM golang:1.22 AS build\nFROM build\nFROM scratch\n"),
            .passing("ARG BASE\nFROM ${BASE}\n"),
            .failing("FROM ⟦ubuntu⟧\n"),
            .failing("FROM ↓ghcr.io/acme/runtime AS base\nFROM base\n"),
            .failing("ARG BASE=python\nFROM ⟦${BASE}⟧\n"),
        ])

    public init() {}

    /// Advice shown with the finding: the command that prints the digest to pin.
    static func pinAdvice(for image: String) -> Fix {
        Fix(title: "Pin a digest: run `docker buildx imagetools inspect \(image) --format '{{json .Manifest.Digest}}'` and write `\(image)@sha256:…`",
            edits: [], applicability: .displayOnly)
    }

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        for stage in input.stages {
            guard let base = input.resolvedBaseImage(ofStage: stage.index), base.reference.tag == nil, base.reference.digest == nil else { continue }
            let written = base.word.text
            let message = base.usesVariables
                ? "`\(written)` resolves to `\(base.resolved)`, which has no tag and so means `:latest`; pin a version tag or a digest"
                : "`\(written)` has no tag and so means `:latest`; pin a version tag or a digest"
            sink.report(base.word.range, message, fix: BaseImageWithoutTagRule.pinAdvice(for: base.resolved))
        }
    }
}
