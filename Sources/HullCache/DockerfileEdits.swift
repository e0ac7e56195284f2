import HullDockerfile

/// Where an edit of the Dockerfile makes each stage miss the cache first. BuildKit keys each
/// step on its instruction and on the step before it, so the first build step whose text
/// differs from the step at the same position of the previous Dockerfile misses (an inserted
/// or removed step shifts the chain, which misses too). An edited, added or removed ENV, ARG,
/// USER or SHELL changes the environment of the RUNs after it, so the first such RUN misses.
/// Instructions that only set image metadata (LABEL, EXPOSE, CMD, …) are not compared.
struct DockerfileEdits {
    /// The first miss per stage of the new Dockerfile: instruction index and reason.
    private(set) var firstMiss: [Int: (instruction: Int, reason: CacheReason)] = [:]

    init(previous: Dockerfile, current: Dockerfile, escape: Character) {
        func key(_ instruction: Instruction) -> String {
            var text = CacheModel.oneLine(instruction, escape: escape)
            // The keyword's case does not change the key.
            if let space = text.firstIndex(of: " ") { text = text[..<space].uppercased() + text[space...] } else { text = text.uppercased() }
            // Heredoc bodies are part of the instruction BuildKit runs or copies.
            return text + instruction.syntax.heredocs.map { "\u{0}" + $0.content }.joined()
        }
        func isEnvironment(_ kind: InstructionKind) -> Bool { [.env, .arg, .user, .shell].contains(kind) }

        for stage in current.stages {
            // The stage at the same position when it has the same name (or both have none), else the
            // stage of that name wherever it moved.
            let samePosition = stage.index < previous.stages.count && previous.stages[stage.index].name == stage.name ? previous.stages[stage.index] : nil
            let old = samePosition ?? stage.name.flatMap { name in previous.stages.first { $0.name == name } }
            let newInstructions = Array(current.instructions(in: stage))
            let newSteps = newInstructions.filter { CacheModel.isBuildStep($0.kind) }
            guard let old else {
                if let first = newSteps.first {
                    firstMiss[stage.index] = (first.index, CacheReason(.instructionEdited, "the stage is new since the previous build", line: first.line))
                }
                continue
            }
            let oldInstructions = Array(previous.instructions(in: old))
            let oldSteps = oldInstructions.filter { CacheModel.isBuildStep($0.kind) }
            func environment(before step: Instruction, in instructions: [Instruction]) -> [Instruction] {
                instructions.filter { $0.index < step.index && isEnvironment($0.kind) }
            }
            for (position, step) in newSteps.enumerated() {
                guard position < oldSteps.count, key(oldSteps[position]) == key(step) else {
                    let what = position < oldSteps.count ? "was edited (or a step above it was added or removed)" : "is new"
                    firstMiss[stage.index] = (step.index, CacheReason(.instructionEdited, "the instruction \(what) since the previous build", line: step.line))
                    break
                }
                guard step.kind == .run else { continue }
                let now = environment(before: step, in: newInstructions), then = environment(before: oldSteps[position], in: oldInstructions)
                guard now.map(key) != then.map(key) else { continue }
                let differing = zip(now, then).first { key($0.0) != key($0.1) }?.0 ?? (now.count > then.count ? now[then.count] : nil)
                let message = differing.map { "the `\($0.kind.keyword)` on line \($0.line) changed since the previous build, and this RUN sees it" }
                    ?? "an ENV, ARG, USER or SHELL above it was removed since the previous build"
                firstMiss[stage.index] = (step.index, CacheReason(.metadataEdited, message, line: differing?.line))
                break
            }
        }
    }
}
