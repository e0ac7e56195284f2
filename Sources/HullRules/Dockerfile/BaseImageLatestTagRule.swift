import HullCore
import HullDockerfile
import HullLint

/// A base image pinned to the floating `latest` tag.
public struct BaseImageLatestTagRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF003", name: "base-image-latest-tag",
        summary: "A base image uses the `latest` tag.",
        rationale: """
        `latest` is not a version: it is whatever the publisher pushed last, so two builds of the same \
        Dockerfile can run on different operating systems or runtime majors, and nothing records which one \
        you shipped. Name the version you tested (`node:20.11-alpine`), or pin a digest when builds must be \
        reproducible, and move to newer bases deliberately. As Trivy does, the tag is judged after \
        build-argument expansion (`ARG NODE_TAG=latest` then `FROM node:${NODE_TAG}` is flagged at the \
        image, naming what it resolves to); a `latest` tag that also carries a digest is pinned by the \
        digest and accepted.
        """,
        category: .correctness, defaultSeverity: .warning,
        aliases: [.hadolint("DL3007"), .trivy("DS-0001"), .dockle("DKL-DI-0006"), .checkov("CKV_DOCKER_7")],
        fixAvailability: .displayOnly,
        examples: [
            .passing("FROM node:20.11-alpine\n"),
            .passing("FROM node:latest@sha256:0b6f7a3c2e1d4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a\n"),
            .passing("ARG NODE_TAG\nFROM node:${NODE_TAG}\n"),
            .failing("FROM node:⟦latest⟧ AS build\nFROM build\n"),
            .failing("ARG NODE_TAG=latest\nFROM ⟦node:${NODE_TAG}⟧\n"),
            .failing("ARG REGISTRY=registry.example.com\nFROM ${REGISTRY}/team/app:⟦latest⟧\n"),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        for stage in input.stages {
            guard let base = input.resolvedBaseImage(ofStage: stage.index), base.reference.tag == "latest", base.reference.digest == nil else { continue }
            let written = base.word.text
            // Point at the tag itself when it is written literally at the end of the word.
            let range = written.hasSuffix(":latest") && base.word.range.length == written.utf8.count
                ? TextRange(start: base.word.range.end - 6, end: base.word.range.end) : base.word.range
            let message = base.usesVariables
                ? "`\(written)` resolves to `\(base.resolved)`; `latest` floats to whatever was pushed last, so pin a version tag or a digest"
                : "`latest` floats to whatever was pushed last; pin a version tag or a digest"
            sink.report(range, message, fix: BaseImageWithoutTagRule.pinAdvice(for: base.resolved))
        }
    }
}
