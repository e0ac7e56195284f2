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
        judged, with their `ONBUILD RUN` triggers (they run in every image built on this one).
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
            .failing("FROM python:3.12-slim\nONBUILD RUN ⟦pip install⟧ -r requirements.txt\n"),
            .passing("FROM python:3.12-slim AS build\nONBUILD RUN pip install -r requirements.txt\nFROM python:3.12-slim\nRUN echo done\n"),
            .fix("FROM python:3.12-slim\nRUN pip install -r requirements.txt\n",
                 to: "FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt\n"),
            .fix("FROM python:3.12-slim\nONBUILD RUN pip install -r requirements.txt\n",
                 to: "FROM python:3.12-slim\nONBUILD RUN pip install --no-cache-dir -r requirements.txt\n"),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        let stages = ShellImageStages.indices(in: input)
        for run in ShellRun.all(in: input, stages: stages) {
            if PackageManagerCache.mounted(run).contains(.pip) { continue }
            let scope = input.semantics.scope(at: run.instruction.index)
            if let folder = scope.value(of: "PIP_CACHE_DIR").flatMap(PackageManagerCache.normalize),
               run.volatileMountTargets.compactMap(PackageManagerCache.normalize).contains(where: { folder == $0 || folder.hasPrefix($0 + "/") }) {
                continue
            }
            Self.check(run.commands, scope: scope, fixes: true, &sink)
        }
        // An ONBUILD RUN trigger of a stage that ships runs in every build on top of the image
        // and keeps the cache there; it has no mounts.
        for run in input.hygieneRuns where run.isOnbuild && run.stageIndex.map(stages.contains) == true {
            Self.check(run.commands, scope: input.semantics.scope(at: run.instruction.index), fixes: run.allowsFixes, &sink)
        }
    }

    private static func check(_ commands: [SimpleCommand], scope: VariableScope, fixes: Bool, _ sink: inout DiagnosticSink) {
        if scope.value(of: "PIP_NO_CACHE_DIR") != nil { return }
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
            let fix = fixes ? ShellEdits.insert("--no-cache-dir", after: word).map { Fix(title: "Add `--no-cache-dir`", edits: [$0], applicability: .safe) } : nil
            sink.report(ShellEdits.commandRange(invocation), "`\(ShellEdits.commandText(invocation))` without `--no-cache-dir` keeps pip's cache in the layer", fix: fix)
        }
    }
}
