import HullCore
import HullDockerfile
import HullLint

/// A `.dockerignore` pattern BuildKit rejects.
public struct InvalidDockerignorePatternRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "CX005", name: "invalid-dockerignore-pattern",
        summary: "The `.dockerignore` has a pattern BuildKit rejects, so every build fails.",
        rationale: """
        BuildKit compiles each ignore pattern into a regular expression and stops the build on the first one \
        it cannot compile, before any instruction runs: an unclosed character class (`[abc`), a range out of \
        order (`[z-a]`), a trailing backslash, a lone `!`. Some of these surface only when the pattern is first \
        used, so a build may work until a matching path appears. Fix or remove the pattern; `hull context` \
        names its line. The finding is reported at the first instruction, since the Dockerfile cannot build \
        with this context.
        """,
        category: .correctness, defaultSeverity: .error,
        examples: [
            .passing("FROM alpine:3.20\nCOPY . /srv/\n", files: ["a.txt"], ignore: "*.log\n[ab].txt\n"),
            .failing("↓FROM alpine:3.20\nCOPY . /srv/\n", files: ["a.txt"], ignore: "*.log\nfile[ab.txt\n"),
            .failing("↓FROM alpine:3.20\nCOPY . /srv/\n", files: ["a.txt"], ignore: "!\n"),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        guard let context = input.context, let ignoreFile = context.ignoreFile, let first = input.instructions.first else { return }
        for problem in context.ignoreFileProblems {
            let place = problem.line.map { "line \($0)" } ?? "a line"
            let pattern = problem.pattern.isEmpty ? "" : " `\(problem.pattern)`"
            sink.report(first.syntax.keywordRange, "`\(ignoreFile)` \(place) has an invalid pattern\(pattern): \(problem.message); BuildKit fails the build")
        }
    }
}
