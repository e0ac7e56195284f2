import HullCore
import HullDockerfile
import HullLint
import HullShell

/// A RUN instruction with its parsed scripts, as the shell rules walk them.
struct ShellRun {
    /// The instruction.
    let instruction: Instruction
    /// Its payload.
    let run: RunInstruction
    /// Its scripts (the shell-form command and any heredoc run as a script).
    let scripts: InstructionScripts

    /// Every simple command of every script, in order; positions in this array order commands
    /// across scripts.
    var commands: [SimpleCommand] { scripts.commands }

    /// The RUN instructions of `input`, restricted to `stages` when given. ONBUILD triggers and
    /// exec-form RUNs (no shell) are left out.
    static func all(in input: AnalyzedDockerfile, stages: Set<Int>? = nil) -> [ShellRun] {
        input.instructions.compactMap { instruction in
            guard case .run(let run) = instruction.payload, let stage = instruction.stageIndex else { return nil }
            if let stages, !stages.contains(stage) { return nil }
            guard let scripts = input.scripts(at: instruction.index), !scripts.scripts.isEmpty else { return nil }
            return ShellRun(instruction: instruction, run: run, scripts: scripts)
        }
    }

    /// The targets of the cache and tmpfs mounts, which keep what is written below them out of
    /// the layer.
    var volatileMountTargets: [String] {
        run.mounts.compactMap { mount in
            guard mount.kind == .cache || mount.kind == .tmpfs, let target = mount.target else { return nil }
            return target
        }
    }
}
