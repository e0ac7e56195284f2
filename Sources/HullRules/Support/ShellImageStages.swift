import HullDockerfile
import HullLint

/// Which stages' files end up in the image.
enum ShellImageStages {
    /// The target stage and the stages it is built `FROM`, directly or not. Stages only read
    /// through `COPY --from` or `RUN --mount=from=` are not included: their layers stay behind.
    static func indices(in input: AnalyzedDockerfile) -> Set<Int> {
        guard let target = input.targetStage else { return [] }
        return Set(lineage(of: target.index, in: input))
    }

    /// A stage followed by the stages it is built `FROM`, nearest first.
    static func lineage(of stage: Int, in input: AnalyzedDockerfile) -> [Int] {
        var result = [stage]
        var current = stage
        while case .stage(let parent) = input.semantics.bases[current], !result.contains(parent) {
            result.append(parent)
            current = parent
        }
        return result
    }
}
