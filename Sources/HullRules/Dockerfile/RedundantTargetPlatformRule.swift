import HullCore
import HullDockerfile
import HullLint

/// `FROM --platform=$TARGETPLATFORM` restates the default.
public struct RedundantTargetPlatformRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF022", name: "redundant-target-platform",
        summary: "`FROM --platform=$TARGETPLATFORM` restates the default platform.",
        rationale: """
        A stage is built for the target platform unless `--platform` says otherwise, so \
        `--platform=$TARGETPLATFORM` changes nothing; it only suggests to readers that the stage differs \
        from the others. Remove the flag. As in BuildKit, only a value that expands from `TARGETPLATFORM` \
        alone is flagged, not one that combines it with other variables.
        """,
        category: .maintainability, defaultSeverity: .warning,
        aliases: [.hadolint("DL3065"), .buildkit("RedundantTargetPlatform")],
        fixAvailability: .safe,
        examples: [
            .passing("FROM alpine:3.20\n"),
            .passing("FROM --platform=$BUILDPLATFORM golang:1.23 AS build\n"),
            .failing("FROM ⟦--platform=$TARGETPLATFORM⟧ alpine:3.20\n"),
            .failing("FROM alpine:3.20 AS base\nFROM ↓--platform=${TARGETPLATFORM} base AS final\n"),
            .fix("FROM --platform=$TARGETPLATFORM alpine:3.20 AS base\n", to: "FROM alpine:3.20 AS base\n"),
            .fix("FROM --platform=${TARGETPLATFORM} \\\n    alpine:3.20\n", to: "FROM alpine:3.20\n"),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        let target = input.semantics.options.platform
        for stage in input.stages {
            let instruction = input.instructions[stage.fromIndex]
            guard let flag = instruction.flags.flag("platform"), let value = flag.value else { continue }
            let expansion = input.expand(value, at: stage.fromIndex)
            guard expansion.matched == ["TARGETPLATFORM"], expansion.unmatched.isEmpty, expansion.value == target else { continue }
            let next = instruction.syntax.flags.first { $0.range.start > flag.range.start }?.range.start ?? stage.from.image.range.start
            var fix: Fix?
            if instruction.syntax.flags.filter({ $0.name == "platform" }).count == 1,
               !instruction.syntax.innerComments.contains(where: { $0.start >= flag.range.start && $0.end <= next }) {
                fix = Fix(title: "Remove `--platform`", edits: [.delete(TextRange(start: flag.range.start, end: next))], applicability: .safe)
            }
            sink.report(flag.range, "`--platform=\(value)` is the default", fix: fix)
        }
    }
}
