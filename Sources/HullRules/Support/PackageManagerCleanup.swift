import HullCore
import HullLint
import HullShell

/// The check the "cache not cleaned" rules of the RPM-style package managers share: in every
/// RUN of a stage that reaches the image, an install must be followed by the family's clean
/// command, unless a cache or tmpfs mount keeps the cache out of the layer.
enum PackageManagerCleanup {
    /// Reports the last install of each offending RUN; the fix appends the clean command (made
    /// from the tool name as written) after the family's last command in the RUN (after the
    /// whole pipeline when that command feeds one).
    /// `peerIDs` maps a tool to the peers' IDs for its findings (one ID per tool in hadolint and Trivy).
    static func check(family: PackageManagerFamily, cleanCommand: (String) -> String, peerIDs: [String: [String]] = [:], _ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        for run in ShellRun.all(in: input, stages: ShellImageStages.indices(in: input)) {
            if PackageManagerCache.mounted(run).contains(family.cache) { continue }
            let commands = run.commands
            func belongs(_ command: SimpleCommand) -> Bool { command.invocation.map { PackageManagerFamily($0) == family } ?? false }
            guard let install = commands.lastIndex(where: { command in belongs(command) && family.isInstall(command.invocation!) }),
                  let invocation = commands[install].invocation else { continue }
            if let cleanup = family.cache.lastCleanup(in: commands), cleanup > install { continue }
            var fix: Fix?
            if let last = commands.lastIndex(where: belongs), let tool = commands[last].invocation?.name {
                let clean = cleanCommand(tool)
                fix = ShellEdits.append(clean, afterPipelineOf: commands[last], in: commands).map { Fix(title: "Run `\(clean)` at the end of the \(tool) steps", edits: [$0], applicability: .safe) }
            }
            let written = ShellEdits.commandText(invocation)
            sink.report(ShellEdits.commandRange(invocation), "`\(written)` without `\(cleanCommand(invocation.name))` afterwards leaves the \(family.cache.noun) in the layer", fix: fix, peerIDs: peerIDs.isEmpty ? nil : peerIDs[invocation.name] ?? peerIDs[invocation.tool ?? invocation.name] ?? [])
        }
    }
}
