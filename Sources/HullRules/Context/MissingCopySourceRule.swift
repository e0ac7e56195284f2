import HullCore
import HullDockerfile
import HullLint

/// A `COPY`/`ADD` source or bind-mount source that is not in the build context.
public struct MissingCopySourceRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "CX006", name: "missing-copy-source",
        summary: "A `COPY` or `ADD` source (or a `RUN --mount` bind source) is not in the build context.",
        rationale: """
        BuildKit fails the build with "not found" when a source path does not exist in the context, after \
        the stages before it have already run. A wildcard that matches nothing is allowed (BuildKit copies \
        nothing), so only plain paths are checked, and only in the stages the default target builds. The \
        rule assumes the context is the Dockerfile's folder; when none of the Dockerfile's plain sources \
        exists there, the context is evidently elsewhere (`docker build -f docker/Dockerfile .`) and the \
        rule stays silent. Sources the ignore file excludes are `copy-ignored-file`'s (DF035); `hull context \
        DIR -f Dockerfile` checks against the real context.
        """,
        category: .correctness, defaultSeverity: .error,
        examples: [
            .passing("FROM node:20-alpine\nCOPY package.json package-lock.json* ./\nCOPY src/ ./src/\n", files: ["package.json", "src/index.js"]),
            .passing("FROM alpine:3.20\nCOPY docker/entrypoint.sh /\nCOPY src/ /app/\n", files: ["entrypoint.sh"]),
            .passing("FROM alpine:3.20 AS test\nCOPY fixtures/ /fixtures/\nFROM alpine:3.20\nCOPY app.sh /\n", files: ["app.sh"]),
            .failing("FROM node:20-alpine\nCOPY package.json ./\nCOPY ⟦config/app.yaml⟧ ./config/\n", files: ["package.json", "src/index.js"]),
            .failing("FROM python:3.12-slim\nCOPY app.py .\nRUN ⟦--mount=type=bind,source=requirements.txt,target=/tmp/r.txt⟧ pip install -r /tmp/r.txt\n",
                     files: ["app.py"]),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        guard let context = input.context else { return }
        let built = input.semantics.requiredStages
        let plain = input.contextSources.filter { $0.isResolved && !$0.path.isEmpty && !$0.hasWildcards }
        guard plain.contains(where: { context.contains($0.path) }) else { return }
        for source in plain where source.instruction.stageIndex.map(built.contains) == true && !context.contains(source.path) {
            let what = source.isCopy ? "`\(source.word.text)`" : "the mount source `\(source.path)`"
            sink.report(source.word.range, "\(what) is not in the build context; the build fails with \"not found\"")
        }
    }
}
