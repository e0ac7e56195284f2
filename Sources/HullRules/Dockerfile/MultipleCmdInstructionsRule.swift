import HullCore
import HullDockerfile
import HullLint

/// More than one `CMD` in a stage: all but the last are dead code.
public struct MultipleCmdInstructionsRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF063", name: "multiple-cmd-instructions",
        summary: "A stage has more than one `CMD`; only the last one takes effect.",
        rationale: """
        `CMD` sets a single field of the image configuration, so each `CMD` replaces the one before it and \
        only the last in a stage reaches the image. An earlier `CMD` usually means a merge went wrong or a \
        debugging line was left in, and whoever reads the file from the top is misled about what the \
        container runs. Combine the commands into one (a script, or `sh -c "a && b"`) or remove the ones \
        that do nothing. Like BuildKit, Hull reports the instructions that are ignored, not the one that \
        wins; a `# hadolint ignore=DL4003` above the later `CMD`, where hadolint reports, silences the \
        finding too. A `CMD` in a parent stage is not counted: overriding it is what a child stage is for. \
        The fix removes the overridden instruction, which leaves the built image's configuration as it was.
        """,
        category: .correctness, defaultSeverity: .warning,
        aliases: [.hadolint("DL4003"), .buildkit("MultipleInstructionsDisallowed"), .trivy("DS-0016")],
        fixAvailability: .safe,
        examples: [
            .passing("FROM node:20\nHEALTHCHECK CMD curl -f http://localhost:3000/ || exit 1\nCMD [\"node\", \"server.js\"]\n"),
            .passing("FROM alpine:3.20 AS base\nCMD [\"sh\"]\nFROM base\nCMD [\"app\"]\n"),
            .passing("FROM alpine:3.20\nONBUILD CMD [\"child\"]\nCMD [\"app\"]\n"),
            .failing("FROM node:20\n⟦CMD⟧ echo \"Hello, Norway!\"\nCMD echo \"Hello, Sweden!\"\n"),
            .failing("FROM alpine:3.20\n↓CMD [\"a\"]\nENTRYPOINT [\"/init\"]\n↓CMD [\"b\"]\nCMD [\"c\"]\nFROM alpine:3.20\nCMD [\"d\"]\n"),
            .fix("FROM node:20\nCMD [\"npm\", \"start\"]\nEXPOSE 3000\nCMD [\"node\", \\\n     \"server.js\"]\n",
                 to: "FROM node:20\nEXPOSE 3000\nCMD [\"node\", \\\n     \"server.js\"]\n"),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        MetadataOverriddenInstructions.check(.cmd, input, &sink)
    }
}
