import HullCore
import HullDockerfile
import HullLint
import HullShell

/// A pipe in a RUN whose shell does not have `pipefail` on.
public struct PipeWithoutPipefailRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "SH026", name: "pipe-without-pipefail",
        summary: "A RUN instruction pipes commands without `pipefail`.",
        rationale: """
        A pipeline's exit status is that of its last command, so in `curl -fsSL $URL | tar -xz` a \
        failed download is hidden whenever `tar` exits cleanly, and the build goes on with a broken \
        layer. With `pipefail` the pipeline fails when any command in it fails. Turn it on for every \
        RUN with `SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]` (or `/bin/ash` on Alpine), or \
        in the script itself with `set -o pipefail`. Hull follows the shell options through the \
        script: an earlier `set -o pipefail` (or `set -euo pipefail`), a SHELL with `-o pipefail` \
        (inherited by child stages), and the flags of `bash -o pipefail -c '…'` or of `bash -o \
        pipefail <<EOF` all count. Unlike hadolint, a `SHELL` using `sh -o pipefail` is accepted: a \
        shell without `pipefail` rejects the option and the build stops, so a working build has it. \
        Pipelines fed only by `echo`, `printf`, `yes` or `true` are not flagged: they cannot hide a \
        failure, and `yes | …` would even fail under `pipefail`. PowerShell and cmd SHELLs are \
        skipped, and so are default-shell RUNs of Windows stages, which run under `cmd`.
        """,
        category: .correctness, defaultSeverity: .warning,
        aliases: [.hadolint("DL4006")],
        examples: [
            .passing("FROM debian:12\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl -fsSL https://example.com/install.sh | bash\n"),
            .passing("FROM debian:12\nRUN set -euo pipefail && curl -fsSL https://example.com/key.asc | gpg --dearmor -o /usr/share/keyrings/example.gpg\n"),
            .passing("FROM debian:12\nRUN bash -o pipefail -c 'curl -fsSL https://example.com/app.tgz | tar -xz -C /opt'\n"),
            .passing("FROM debian:12\nRUN bash -o pipefail <<EOF\ncurl -fsSL https://example.com/app.tgz | tar -xz -C /opt\nEOF\n"),
            .passing("FROM debian:12\nRUN echo 'deb http://deb.example.com stable main' | tee /etc/apt/sources.list.d/example.list\n"),
            .passing("FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nRUN powershell -Command Get-ChildItem C:/app | Select-Object Name\n"),
            .passing("FROM debian:12 AS base\nSHELL [\"/bin/bash\", \"-eo\", \"pipefail\", \"-c\"]\nFROM base\nRUN wget -qO- https://example.com/app.tgz | tar -xz\n"),
            .failing("FROM debian:12\nRUN curl -fsSL https://example.com/app.tgz ⟦|⟧ tar -xz -C /opt\n"),
            .failing("FROM debian:12\nRUN apt-get update && \\\n    curl -fsSL https://example.com/install.sh ↓| sh\n"),
            .failing("FROM debian:12\nRUN <<EOF\nset -e\nwget -qO- https://example.com/app.tgz ↓| tar -xz\nset -o pipefail\ncurl -fsSL https://example.com/x | sh\nEOF\n"),
            .failing("FROM debian:12\nRUN sh -c 'curl -fsSL https://example.com/x ↓| sh'\n"),
        ])

    /// Commands whose failure a pipeline cannot hide.
    static let harmlessSources: Set<String> = ["echo", "printf", "yes", "true"]

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        // A default-shell RUN of a Windows stage runs under cmd, whose pipes `pipefail` cannot govern.
        for run in input.hygieneRuns where !run.hasNonPosixShell && !(run.shell == ["/bin/sh", "-c"] && ShellCheckPass.isWindows(run.stageIndex, in: input)) {
            for script in run.scripts {
                for found in HygienePipelines.pipelines(in: script) {
                    if found.firstCommand?.context.shellOptions.pipefail ?? false { continue }
                    let sources = found.pipeline.commands.dropLast()
                    let names = sources.map { command -> String? in
                        guard case .simple(let simple) = command else { return nil }
                        return simple.effectiveName
                    }
                    if names.allSatisfy({ $0.map(Self.harmlessSources.contains) ?? false }) { continue }
                    let hidden = names.compactMap { $0 }.first { !Self.harmlessSources.contains($0) }.map { "a failure of `\($0)`" } ?? "a failure before the last command"
                    sink.report(found.source.fileRange(found.firstOperator), "`|` without `pipefail` hides \(hidden); set `-o pipefail` in SHELL or the script")
                }
            }
        }
    }
}
