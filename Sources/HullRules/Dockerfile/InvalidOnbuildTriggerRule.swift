import HullCore
import HullDockerfile
import HullLint

/// `ONBUILD` wraps `FROM`, `MAINTAINER` or another `ONBUILD`.
public struct InvalidOnbuildTriggerRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF039", name: "invalid-onbuild-trigger",
        summary: "`ONBUILD` wraps `FROM`, `MAINTAINER` or `ONBUILD`.",
        rationale: """
        `ONBUILD` records an instruction to run when another Dockerfile builds `FROM` this image. BuildKit \
        refuses three triggers outright: `FROM` (a child build cannot switch its base from inside a \
        trigger), `MAINTAINER`, and a nested `ONBUILD` (chaining triggers across generations of images). \
        The build fails on the line, so remove the trigger or move the instruction out of `ONBUILD`.
        """,
        category: .correctness, defaultSeverity: .error,
        aliases: [.hadolint("DL3043")],
        examples: [
            .passing("FROM node:20\nONBUILD COPY . /app\nONBUILD RUN npm ci\n"),
            .passing("FROM alpine:3.20\nLABEL org.opencontainers.image.authors=me\n"),
            .failing("FROM alpine:3.20\nONBUILD ⟦FROM⟧ debian:12\n"),
            .failing("FROM alpine:3.20\nONBUILD ↓MAINTAINER me\nONBUILD ↓ONBUILD RUN true\n"),
        ])

    static let forbidden: Set<InstructionKind> = [.from, .maintainer, .onbuild]

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        for instruction in input.instructions {
            guard let trigger = instruction.syntax.onbuildInstruction, Self.forbidden.contains(trigger.kind) else { continue }
            let message = trigger.kind == .onbuild
                ? "`ONBUILD` triggers cannot be chained"
                : "`\(trigger.keyword)` is not allowed as an `ONBUILD` trigger"
            sink.report(trigger.keywordRange, message, notes: ["BuildKit fails the build on this instruction."])
        }
    }
}
