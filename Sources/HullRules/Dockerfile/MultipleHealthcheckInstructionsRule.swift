import HullCore
import HullDockerfile
import HullLint

/// More than one `HEALTHCHECK` in a stage: all but the last are dead code.
public struct MultipleHealthcheckInstructionsRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF065", name: "multiple-healthcheck-instructions",
        summary: "A stage has more than one `HEALTHCHECK`; only the last one takes effect.",
        rationale: """
        An image has one health check: each `HEALTHCHECK` (including `HEALTHCHECK NONE`) replaces the \
        previous one with all its options, so an earlier check never runs and its interval or retries \
        settings do not carry over. Keep one instruction and put every probe it needs in its command. Like \
        BuildKit, Hull reports the instructions that are ignored; a `# hadolint ignore=DL3012` above the \
        later one, where hadolint reports, silences the finding too. A health check in a parent stage is \
        not counted, and neither is the `CMD` keyword inside a `HEALTHCHECK`. The fix removes the \
        overridden instruction, which leaves the built image's configuration as it was.
        """,
        category: .correctness, defaultSeverity: .warning,
        aliases: [.hadolint("DL3012"), .buildkit("MultipleInstructionsDisallowed"), .trivy("DS-0023")],
        fixAvailability: .safe,
        examples: [
            .passing("FROM nginx:1.27\nHEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1\nCMD [\"nginx\", \"-g\", \"daemon off;\"]\n"),
            .passing("FROM nginx:1.27 AS base\nHEALTHCHECK CMD curl -f http://localhost/\nFROM base\nHEALTHCHECK NONE\n"),
            .failing("FROM nginx:1.27\n⟦HEALTHCHECK⟧ CMD curl -f http://localhost/\nHEALTHCHECK --retries=5 CMD wget -q -O- http://localhost/\n"),
            .failing("FROM nginx:1.27\n↓HEALTHCHECK NONE\n↓HEALTHCHECK CMD true\nHEALTHCHECK CMD false\n"),
            .fix("FROM nginx:1.27\nHEALTHCHECK CMD true\nHEALTHCHECK --interval=5s \\\n  CMD curl -f http://localhost/\n",
                 to: "FROM nginx:1.27\nHEALTHCHECK --interval=5s \\\n  CMD curl -f http://localhost/\n"),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        MetadataOverriddenInstructions.check(.healthcheck, input, &sink)
    }
}
