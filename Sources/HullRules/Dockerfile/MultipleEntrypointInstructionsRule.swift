import HullCore
import HullDockerfile
import HullLint

/// More than one `ENTRYPOINT` in a stage: all but the last are dead code.
public struct MultipleEntrypointInstructionsRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF064", name: "multiple-entrypoint-instructions",
        summary: "A stage has more than one `ENTRYPOINT`; only the last one takes effect.",
        rationale: """
        An image has one entrypoint: each `ENTRYPOINT` replaces the one before it, so only the last in a \
        stage is ever run. An earlier one is at best dead code and at worst the program the author meant \
        to start, silently replaced, which is why hadolint and Trivy rank this higher than a repeated \
        `CMD`. Keep one `ENTRYPOINT`; if several steps must run at start-up, put them in a script. Like \
        BuildKit, Hull reports the instructions that are ignored; a `# hadolint ignore=DL4004` above the \
        later one, where hadolint reports, silences the finding too. An `ENTRYPOINT` in a parent stage is \
        not counted. The fix removes the overridden instruction, which leaves the built image's \
        configuration (entrypoint and command) as it was.
        """,
        category: .correctness, defaultSeverity: .error,
        aliases: [.hadolint("DL4004"), .buildkit("MultipleInstructionsDisallowed"), .trivy("DS-0007")],
        fixAvailability: .safe,
        examples: [
            .passing("FROM alpine:3.20\nENTRYPOINT [\"/sbin/tini\", \"--\"]\nCMD [\"app\"]\n"),
            .passing("FROM alpine:3.20 AS base\nENTRYPOINT [\"/init\"]\nFROM base\nENTRYPOINT [\"/app\"]\n"),
            .failing("FROM alpine:3.20\n⟦ENTRYPOINT⟧ [\"echo\", \"Hello, Norway!\"]\nENTRYPOINT [\"echo\", \"Hello, Sweden!\"]\n"),
            .failing("FROM alpine:3.20\n↓ENTRYPOINT /init\nCMD [\"a\"]\n↓ENTRYPOINT [\"/a\"]\nENTRYPOINT [\"/b\"]\n"),
            .fix("FROM alpine:3.20\nENTRYPOINT [\"/init\"]\nCMD [\"a\"]\nENTRYPOINT [\"/app\"]\n",
                 to: "FROM alpine:3.20\nCMD [\"a\"]\nENTRYPOINT [\"/app\"]\n"),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        MetadataOverriddenInstructions.check(.entrypoint, input, &sink)
    }
}
