import HullCore
import HullDockerfile
import HullLint

extension AnalyzedDockerfile {
    /// A stage's base image as the build resolves it.
    struct ResolvedBaseImage {
        /// The stage whose `FROM` names the image.
        var stage: Stage
        /// The image word as written.
        var word: Word
        /// The text after variable expansion.
        var resolved: String
        /// The parsed reference.
        var reference: ImageReference

        /// Whether the written word differs from what it resolves to (it uses variables).
        var usesVariables: Bool { word.text != resolved }
    }

    /// The base image of stage `index` when it is an image whose name resolves fully: nil for
    /// `scratch`, earlier stages, and text that references an unset variable or does not parse.
    func resolvedBaseImage(ofStage index: Int) -> ResolvedBaseImage? {
        guard index < semantics.bases.count, case .image(let text, let reference?) = semantics.bases[index] else { return nil }
        let expansion = semantics.baseExpansions[index]
        guard expansion.isResolved else { return nil }
        let stage = stages[index]
        return ResolvedBaseImage(stage: stage, word: stage.from.image, resolved: text, reference: reference)
    }

    /// The image the target stage finally runs on, following stage bases, when it resolves.
    var targetRootImage: ResolvedBaseImage? {
        guard let root = targetChain.last else { return nil }
        return resolvedBaseImage(ofStage: root.index)
    }
}
