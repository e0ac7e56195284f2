import HullCore
import HullDockerfile
import HullLint
import HullShell

/// A stage that downloads with both `wget` and `curl`.
public struct WgetAndCurlRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "SH028", name: "wget-and-curl",
        summary: "A stage uses both `wget` and `curl`.",
        rationale: """
        Two download tools doing the same job mean two packages to install, patch and scan, two sets \
        of flags for retries, TLS and failure handling, and twice the chance that one of them is \
        missing from a slimmer base image later. Pick one per stage. The check works per stage, as \
        hadolint's does: stages are separate images, so a builder stage using `curl` and a final \
        stage using `wget` is fine (Trivy looks at the whole file, which its users report as a false \
        positive). Each use of the tool that appears second in the stage is flagged; ONBUILD \
        triggers are judged on their own.
        """,
        category: .maintainability, defaultSeverity: .warning,
        aliases: [.hadolint("DL4001"), .trivy("DS-0014")],
        examples: [
            .passing("FROM debian:12\nRUN curl -fsSLo /tmp/a.tgz https://example.com/a.tgz && curl -fsSLo /tmp/b.tgz https://example.com/b.tgz\n"),
            .passing("FROM debian:12 AS build\nRUN curl -fsSLO https://example.com/src.tgz\nFROM alpine:3.20\nRUN wget -q https://example.com/config.yml\n"),
            .passing("FROM debian:12\nRUN apt-get install -y --no-install-recommends curl wget\n"),
            .failing("FROM debian:12\nRUN curl -fsSLO https://example.com/a.tgz\nRUN ⟦wget⟧ -q https://example.com/b.tgz\n"),
            .failing("FROM debian:12\nRUN wget -q https://example.com/a && \\\n    sudo ⟦curl⟧ -fsSLO https://example.com/b\n"),
            .failing("FROM debian:12\nRUN curl -fsSLO https://example.com/a\nRUN <<EOF\nset -e\n↓wget -q https://example.com/b\nEOF\nRUN sh -c '↓wget -q https://example.com/c'\n"),
        ])

    static let tools: Set<String> = ["wget", "curl"]

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        struct Group: Hashable {
            var stage: Int?
            var onbuild: Bool
        }
        var first: [Group: String] = [:]
        var uses: [Group: [(String, TextRange)]] = [:]
        var order: [Group] = []
        for run in input.hygieneRuns {
            let group = Group(stage: run.stageIndex, onbuild: run.isOnbuild)
            for command in run.commands {
                guard let name = command.effectiveName, Self.tools.contains(name), let word = command.effectiveNameWord else { continue }
                if first[group] == nil {
                    first[group] = name
                    order.append(group)
                }
                uses[group, default: []].append((name, word.fileRange))
            }
        }
        for group in order {
            guard let kept = first[group] else { continue }
            for (name, range) in uses[group] ?? [] where name != kept {
                sink.report(range, "`\(name)` in a stage that already uses `\(kept)`; use one download tool")
            }
        }
    }
}
