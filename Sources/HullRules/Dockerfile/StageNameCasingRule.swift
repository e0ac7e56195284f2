import HullCore
import HullDockerfile
import HullLint

/// A stage name has upper-case letters.
public struct StageNameCasingRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF028", name: "stage-name-casing",
        summary: "A stage name is not all lower case.",
        rationale: """
        BuildKit lower-cases stage names when it defines them: `AS Builder` defines `builder`. \
        `COPY --from=Builder` still finds it, because `--from` is matched without regard to case, but \
        `FROM Builder` is not (BuildKit looks the name up as written, then tries to pull an image called \
        `Builder` and fails on the upper-case letters). Writing names in lower case avoids both the \
        surprise and the failure. The fix lower-cases the name where it is defined and wherever a `FROM` \
        or `COPY --from` names it literally, so builds that work keep working and a `FROM Builder` that \
        failed now finds its stage.
        """,
        category: .style, defaultSeverity: .warning,
        aliases: [.buildkit("StageNameCasing")],
        fixAvailability: .safe,
        examples: [
            .passing("FROM alpine:3.20 AS build-env\n"),
            .passing("FROM alpine:3.20\n"),
            .failing("FROM alpine:3.20 AS ⟦Build⟧\n"),
            .failing("FROM golang:1.23 AS ↓BUILD\nFROM alpine:3.20 AS ↓runTime\n"),
            .fix("FROM golang:1.23 AS Build\nFROM Build AS Test\nFROM alpine:3.20\nCOPY --from=Build /app /app\nCOPY --from=test /r /r\n",
                 to: "FROM golang:1.23 AS build\nFROM build AS test\nFROM alpine:3.20\nCOPY --from=build /app /app\nCOPY --from=test /r /r\n"),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        let source = input.source
        for stage in input.stages {
            guard let word = stage.from.stageName, let name = stage.name, word.text != name else { continue }
            var edits = [Edit(range: word.range, replacement: name)]
            for later in input.stages where later.index > stage.index {
                let image = later.from.image
                // BuildKit matches `FROM <stage>` case-sensitively against the lower-cased
                // names, so `FROM Build` is read as an image until both are lower case.
                if case .image(let text, _) = input.semantics.bases[later.index], text == image.text, text != name, text.lowercased() == name,
                   source.text(image.range) == image.text {
                    edits.append(Edit(range: image.range, replacement: name))
                }
            }
            for dependency in input.semantics.dependencies where dependency.kind == .copyFrom && dependency.target == stage.index {
                let written = source.text(dependency.range)
                if written.hasPrefix("--from="), written.dropFirst(7).lowercased() == name, written.dropFirst(7) != name {
                    edits.append(Edit(range: TextRange(start: dependency.range.start + 7, end: dependency.range.end), replacement: name))
                }
            }
            sink.report(word.range, "stage name `\(word.text)` is not lower case",
                        fix: Fix(title: "Rename the stage `\(name)`", edits: edits, applicability: .safe))
        }
    }
}
