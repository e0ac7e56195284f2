import HullCore
import HullDockerfile
import HullLint

/// `FROM --platform=` pinned to a constant platform.
public struct ConstantPlatformFlagRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF021", name: "constant-platform-flag",
        summary: "`FROM --platform` is set to a constant value.",
        rationale: """
        A constant such as `--platform=linux/amd64` pins the stage to one architecture, so a \
        multi-platform build (`--platform linux/amd64,linux/arm64`) silently produces images that run under \
        emulation or not at all. Use `$BUILDPLATFORM` for stages that only prepare files for the target, \
        `$TARGETPLATFORM` (or nothing) for stages that run in the image. hadolint flags any value that does \
        not name `BUILDPLATFORM` or `TARGETPLATFORM`; Hull follows BuildKit and accepts any value built from \
        a variable, because an ARG the caller sets keeps the choice with the build. When a stage really must \
        run on one platform (a tool only shipped for amd64), suppress the finding on that line.
        """,
        category: .correctness, defaultSeverity: .warning,
        aliases: [.hadolint("DL3029"), .buildkit("FromPlatformFlagConstDisallowed")],
        examples: [
            .passing("FROM alpine:3.20\n"),
            .passing("FROM --platform=$BUILDPLATFORM golang:1.23 AS build\nFROM alpine:3.20\n"),
            .passing("ARG PLATFORM=linux/arm64\nFROM --platform=${PLATFORM} alpine:3.20\n"),
            .failing("FROM ⟦--platform=linux/amd64⟧ alpine:3.20\n"),
            .failing("FROM alpine:3.20 AS base\nFROM ↓--platform=\"linux/arm64\" base AS final\n"),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        for stage in input.stages {
            let instruction = input.instructions[stage.fromIndex]
            guard let flag = instruction.flags.flag("platform"), let value = flag.value, !value.isEmpty else { continue }
            let expansion = input.expand(value, at: stage.fromIndex)
            guard !expansion.usesVariables, expansion.error == nil else { continue }
            sink.report(flag.range, "`--platform=\(value)` pins the stage to one platform",
                        notes: ["Use `$BUILDPLATFORM` or `$TARGETPLATFORM`, or leave the flag out."])
        }
    }
}
