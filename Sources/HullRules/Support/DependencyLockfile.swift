import HullDockerfile
import HullLint

/// Whether a lockfile is in place for a frozen install (`npm ci`, `yarn --frozen-lockfile`).
enum DependencyLockfile: Equatable {
    /// The build context holds the lockfile and a COPY, ADD or bind mount before the install
    /// brings it in.
    case available(String)
    /// The context holds it, but nothing before the install brings it into the image.
    case notCopied(String)
    /// The context holds none of the lockfiles.
    case missing
    /// The build context is unknown.
    case unknown

    /// Looks for one of `names` for the RUN at `index`.
    static func find(_ names: [String], for run: ShellRun, in input: AnalyzedDockerfile) -> DependencyLockfile {
        guard let context = input.context else { return .unknown }
        guard let name = names.first(where: { name in context.sentFiles.contains { $0 == name || $0.hasSuffix("/" + name) } }) else { return .missing }
        if run.run.mounts.contains(where: { mount in
            mount.kind == .bind && mount.from == nil && DependencySource.mayInclude(mount.source ?? ".", name: name, context: context)
        }) {
            return .available(name)
        }
        guard let stage = run.instruction.stageIndex else { return .notCopied(name) }
        for stageIndex in ShellImageStages.lineage(of: stage, in: input) {
            let stage = input.stages[stageIndex]
            for instruction in input.dockerfile.instructions(in: stage) where instruction.index < run.instruction.index {
                let sources = DependencySource.contextSources(of: instruction)
                if sources.contains(where: { DependencySource.mayInclude($0.text, name: name, context: context) }) { return .available(name) }
            }
        }
        return .notCopied(name)
    }
}
