import HullDockerfile
import HullLint

extension AnalyzedDockerfile {
    /// A stage followed by the stages it is built on (`FROM <earlier stage>`), nearest first.
    func stageChain(from index: Int) -> [Stage] {
        var chain: [Stage] = []
        var current: Int? = index
        var seen: Set<Int> = []
        while let stageIndex = current, stageIndex < stages.count, seen.insert(stageIndex).inserted {
            chain.append(stages[stageIndex])
            if case .stage(let parent) = semantics.bases[stageIndex] { current = parent } else { current = nil }
        }
        return chain
    }

    /// The target stage followed by the stages it is built on; empty when there is no stage.
    var targetChain: [Stage] { targetStage.map { stageChain(from: $0.index) } ?? [] }

    /// The instructions whose effects end up in the target image's configuration and layers,
    /// in build order: the oldest ancestor stage first, the target stage last.
    var targetImageInstructions: [Instruction] {
        targetChain.reversed().flatMap { dockerfile.instructions(in: $0) }
    }

    /// Whether the configuration sets a severity for `rule` explicitly.
    func hasConfiguredSeverity(for rule: RuleDescription) -> Bool {
        configuration.severity.keys.contains { Configuration.identifier($0, matches: rule) }
    }
}
