import HullCore
import HullDockerfile

/// What rules see: the typed Dockerfile, its semantics (scopes, expansions, stage graph),
/// the build context when known, and the global configuration.
public struct AnalyzedDockerfile: Sendable {
    /// The typed model.
    public let dockerfile: Dockerfile
    /// Scopes, expansions and the stage graph.
    public let semantics: SemanticModel
    /// The build context, when the Dockerfile was linted from a folder.
    public let context: BuildContextView?
    /// The configuration in force.
    public let configuration: Configuration

    /// Analyses `dockerfile`.
    public init(_ dockerfile: Dockerfile, context: BuildContextView? = nil, configuration: Configuration = Configuration(), options: BuildOptions = BuildOptions()) {
        self.dockerfile = dockerfile
        self.semantics = SemanticModel(dockerfile, options: options)
        self.context = context
        self.configuration = configuration
    }

    /// The source file.
    public var source: SourceFile { dockerfile.source }
    /// The instructions.
    public var instructions: [Instruction] { dockerfile.instructions }
    /// The stages.
    public var stages: [Stage] { dockerfile.stages }

    /// The stage `docker build` produces (the `--target` or the last one).
    public var targetStage: Stage? { semantics.targetStage }

    /// The instructions of the stage that ends up in the image, FROM included.
    public var finalStageInstructions: ArraySlice<Instruction> {
        guard let stage = targetStage else { return [] }
        return dockerfile.instructions(in: stage)
    }

    /// Expands `text` with the variables instruction `index` sees.
    public func expand(_ text: String, at index: Int) -> Expansion { semantics.expand(text, at: index) }
}
