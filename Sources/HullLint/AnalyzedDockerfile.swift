import HullCore
import HullDockerfile
import HullShell

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
    /// The shell scripts of RUN, shell-form CMD/ENTRYPOINT and HEALTHCHECK, by instruction index.
    public let scripts: [Int: InstructionScripts]
    /// Facts derived from this analysis on first use and shared by the rules that need them.
    public let memo = AnalysisMemo()

    /// Analyses `dockerfile`.
    public init(_ dockerfile: Dockerfile, context: BuildContextView? = nil, configuration: Configuration = Configuration(), options: BuildOptions = BuildOptions()) {
        self.dockerfile = dockerfile
        self.semantics = SemanticModel(dockerfile, options: options)
        self.context = context
        self.configuration = configuration
        var scripts: [Int: InstructionScripts] = [:]
        var shell = ["/bin/sh", "-c"]
        var stage: Int?
        for instruction in dockerfile.instructions {
            if instruction.stageIndex != stage {
                stage = instruction.stageIndex
                shell = ["/bin/sh", "-c"]
                if let index = stage, case .stage(let parent) = semantics.bases[index], let inherited = Self.finalShell(of: parent, in: dockerfile, bases: semantics.bases) {
                    shell = inherited
                }
            }
            if case .shell(let declared) = instruction.payload, declared.isJSON, !declared.arguments.isEmpty {
                shell = declared.arguments.map(\.text)
            }
            if let parsed = InstructionScripts.make(instruction, shell: shell) { scripts[instruction.index] = parsed }
        }
        self.scripts = scripts
    }

    /// The SHELL in force at the end of a stage (following its stage bases), nil for the default.
    private static func finalShell(of stageIndex: Int, in dockerfile: Dockerfile, bases: [StageBase]) -> [String]? {
        var current: Int? = stageIndex
        var seen: Set<Int> = []
        while let index = current, seen.insert(index).inserted {
            let stage = dockerfile.stages[index]
            for instruction in dockerfile.instructions(in: stage).reversed() {
                if case .shell(let declared) = instruction.payload, declared.isJSON, !declared.arguments.isEmpty { return declared.arguments.map(\.text) }
            }
            if case .stage(let parent) = bases[index] { current = parent } else { current = nil }
        }
        return nil
    }

    /// The SHELL in force at the end of a stage (following its stage bases), nil for the default:
    /// the shell an ONBUILD RUN of that stage runs with in a child build.
    public func finalShell(ofStage index: Int) -> [String]? {
        Self.finalShell(of: index, in: dockerfile, bases: semantics.bases)
    }

    /// The scripts of instruction `index`, if it runs any.
    public func scripts(at index: Int) -> InstructionScripts? { scripts[index] }

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
