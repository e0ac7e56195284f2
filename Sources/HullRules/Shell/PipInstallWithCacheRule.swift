import HullCore
import HullDockerfile
import HullLint
import HullShell

/// `pip install` that keeps pip's download and wheel cache in the image.
public struct PipInstallWithCacheRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "SH007", name: "pip-install-with-cache",
        summary: "`pip install` runs without `--no-cache-dir`, keeping pip's cache in the image.",
        rationale: """
        pip keeps every downloaded archive and every wheel it builds under `~/.cache/pip`, so that the next \
        install on the same machine is faster. In an image build there is no next install: the cache is \
        dead weight, often as large as the installed packages themselves. `--no-cache-dir` turns it off. \
        Setting `PIP_NO_CACHE_DIR` (with ENV, an ARG value or on the command line) does the same, and a \
        cache or tmpfs mount on the cache folder (`RUN --mount=type=cache,target=/root/.cache/pip`) keeps it \
        out of the layer while still speeding up rebuilds; removing it later in the same RUN \
        (`pip cache purge`, `rm -rf ~/.cache/pip`) also counts. Only stages whose files reach the image are \
        judged.
        """,
        category: .size, defaultSeverity: .warning,
        aliases: [.hadolint("DL3042")],
        fixAvailability: .safe,
        examples: [
            .passing("FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n"),
            .passing("FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask==3.0.3\n"),
            .passing("FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache \\\n    pip install -r requirements.txt\n"),
            .passing("FROM python:3.12-slim AS build\nRUN pip wheel -w /wheels flask && pip install flask\nFROM python:3.12-slim\nCOPY --from=build /wheels /wheels\n"),
            .failing("FROM python:3.12-slim\nCOPY requirements.txt .\nRUN ⟦pip install⟧ -r requirements.txt\n"),
            .failing("FROM python:3.12-slim\nRUN python3 -m ⟦pip install⟧ --upgrade pip \\\n && ⟦pip3 install⟧ gunicorn\n"),
            .fix("FROM python:3.12-slim\nRUN pip install -r requirements.txt\n",
                 to: "FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt\n"),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        for run in ShellRun.all(in: input, stages: ShellImageStages.indices(in: input)) {
            if PackageManagerCache.mounted(run).contains(.pip) { continue }
            let scope = input.semantics.scope(at: run.instruction.index)
            if scope.value(of: "PIP_NO_CACHE_DIR") != nil { continue }
            if let folder = scope.value(of: "PIP_CACHE_DIR").flatMap(PackageManagerCache.normalize),
               run.volatileMountTargets.compactMap(PackageManagerCache.normalize).contains(where: { folder == $0 || folder.hasPrefix($0 + "/") }) {
                continue
            }
            let commands = run.commands
            let cleanup = PackageManagerCache.pip.lastCleanup(in: commands) ?? -1
            var exported = false
            for (position, command) in commands.enumerated() {
                if command.isCommand("export"), command.words.dropFirst().contains(where: { ($0.literal ?? "").hasPrefix("PIP_NO_CACHE_DIR=") }) {
                    exported = true
                }
                guard position > cleanup, !exported, let invocation = command.invocation, invocation.tool == "pip", invocation.subcommand == "install",
                      let word = invocation.subcommands.first?.word, !invocation.has(option: "--no-cache-dir"),
                      !command.assignments.contains(where: { $0.name == "PIP_NO_CACHE_DIR" }),
                      !command.wrappers.contains(where: { wrapper in wrapper.arguments.contains { ($0 ?? "").hasPrefix("PIP_NO_CACHE_DIR=") } })
                else { continue }
                let fix = ShellEdits.insert("--no-cache-dir", after: word).map { Fix(title: "Add `--no-cache-dir`", edits: [$0], applicability: .safe) }
                sink.report(ShellEdits.commandRange(invocation), "`\(ShellEdits.commandText(invocation))` without `--no-cache-dir` keeps pip's cache in the layer", fix: fix)
            }
        }
    }
}
