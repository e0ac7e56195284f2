import HullCore

/// A Dockerfile as BuildKit would evaluate it: variable scopes before every instruction,
/// expanded values, what each stage is built on, and which stages depend on which.
///
/// External base images are not inspected, so ENV values they define are unknown; rules that
/// judge undefined variables must allow for that (`Stage` bases that are images).
public struct SemanticModel: Sendable {
    /// The model analysed.
    public let dockerfile: Dockerfile
    /// The build options assumed.
    public let options: BuildOptions
    /// The global scope FROM lines see: platform ARGs and ARGs before the first FROM.
    public let globalScope: VariableScope
    /// The scope in force before each instruction, by instruction index.
    public let scopes: [VariableScope]
    /// What each stage starts from, by stage index.
    public let bases: [StageBase]
    /// The expanded FROM image text of each stage.
    public let baseExpansions: [Expansion]
    /// Every use of one stage (or image) by another.
    public let dependencies: [StageDependency]

    /// Analyses `dockerfile` for `options`.
    public init(_ dockerfile: Dockerfile, options: BuildOptions = BuildOptions()) {
        self.dockerfile = dockerfile
        self.options = options
        let lexer = ShellLexer(escapeToken: dockerfile.syntax.escapeToken)

        let defaults = BuildOptions()
        var global = options.platform == defaults.platform && options.buildPlatform == defaults.buildPlatform
            ? Self.defaultPlatformScope : Self.platformScope(options)
        var scopes = [VariableScope](repeating: VariableScope(), count: dockerfile.instructions.count)
        var globalDeclared: [String: String?] = [:]
        for instruction in dockerfile.instructions where instruction.stageIndex == nil {
            scopes[instruction.index] = global
            guard case .arg(let arg) = instruction.payload else { continue }
            for declaration in arg.declarations {
                let name = declaration.name.text
                var value: String? = declaration.defaultValue.map { Self.expand(lexer, $0.text, global).value }
                if let override = options.buildArgs[name] { value = override }
                global.declareArg(name, value: value)
                globalDeclared[name] = .some(value)
            }
        }
        self.globalScope = global
        var globalEnvironment = LazyEnvironment(global)

        var bases: [StageBase] = []
        var baseExpansions: [Expansion] = []
        var finalScopes: [VariableScope] = []
        var dependencies: [StageDependency] = []
        for stage in dockerfile.stages {
            let expansion = Self.expand(lexer, stage.from.image.text, &globalEnvironment)
            baseExpansions.append(expansion)
            var scope = VariableScope()
            let base: StageBase
            let text = expansion.value
            if expansion.error != nil || text.isEmpty {
                base = .unresolved(text: text)
            } else if text.lowercased() == "scratch" {
                base = .scratch
            } else if let parent = dockerfile.stages.prefix(stage.index).last(where: { $0.name == text }) {
                // BuildKit looks the name up as written; stage names are stored lower-cased, so
                // `FROM Base` is an image reference (which BuildKit then rejects), not a stage.
                base = .stage(parent.index)
                for (name, value) in finalScopes[parent.index].env.sorted(by: { $0.key < $1.key }) { scope.setEnv(name, value: value) }
                dependencies.append(StageDependency(kind: .base, stage: stage.index, instruction: stage.fromIndex, target: parent.index, reference: text, range: stage.from.image.range))
            } else {
                base = .image(text: text, reference: try? ImageReference.parse(text))
            }
            bases.append(base)

            for index in stage.instructionIndices {
                scopes[index] = scope
                let instruction = dockerfile.instructions[index]
                switch instruction.payload {
                case .arg(let arg):
                    for declaration in arg.declarations {
                        let name = declaration.name.text
                        var value: String?
                        if let defaultValue = declaration.defaultValue {
                            value = Self.expand(lexer, defaultValue.text, scope).value
                        } else if let inherited = globalDeclared[name] {
                            value = inherited
                        } else if let platform = options.platformArgs.first(where: { $0.0 == name }) {
                            value = platform.1
                        }
                        if let override = options.buildArgs[name] { value = override }
                        scope.declareArg(name, value: value)
                    }
                case .env(let env):
                    var before = LazyEnvironment(scope)
                    for pair in env.pairs {
                        let key = Self.expand(lexer, pair.key.text, &before).value
                        let value = Self.expand(lexer, pair.value.text, &before).value
                        scope.setEnv(key, value: value)
                    }
                case .copy(let copy):
                    if let from = copy.from, let flag = instruction.flags.flag("from") {
                        let reference = Self.expand(lexer, from, scope).value
                        dependencies.append(StageDependency(kind: .copyFrom, stage: stage.index, instruction: index, target: Self.stageReference(reference, in: dockerfile, from: stage.index), reference: reference, range: flag.range))
                    }
                case .run(let run):
                    for mount in run.mounts {
                        guard let from = mount.from else { continue }
                        let reference = Self.expand(lexer, from, scope).value
                        dependencies.append(StageDependency(kind: .mountFrom, stage: stage.index, instruction: index, target: Self.stageReference(reference, in: dockerfile, from: stage.index), reference: reference, range: mount.flag.range))
                    }
                default:
                    break
                }
            }
            finalScopes.append(scope)
        }
        self.scopes = scopes
        self.bases = bases
        self.baseExpansions = baseExpansions
        self.dependencies = dependencies
    }

    /// The stage a `--from` reference names. BuildKit registers every stage before resolving
    /// these, so a stage defined further down resolves too (its own stage is a cycle BuildKit
    /// rejects, and is still reported as a dependency on itself).
    static func stageReference(_ reference: String, in dockerfile: Dockerfile, from stage: Int) -> Int? {
        let lowered = reference.lowercased()
        if let byName = dockerfile.stages.first(where: { $0.name == lowered }) { return byName.index }
        if let number = Int(reference), number >= 0, number < dockerfile.stages.count, String(number) == reference { return number }
        return nil
    }

    /// The global scope of the default platforms, built once: most analyses use the default
    /// options, and declaring the eight platform ARGs costs as much as analysing a small file.
    private static let defaultPlatformScope = platformScope(BuildOptions())

    /// A scope holding the platform ARGs of `options`.
    private static func platformScope(_ options: BuildOptions) -> VariableScope {
        var scope = VariableScope()
        for (name, value) in options.platformArgs { scope.declareArg(name, value: value) }
        return scope
    }

    /// Expands `text` in `scope` as BuildKit's lexer does, recording referenced variables.
    static func expand(_ lexer: ShellLexer, _ text: String, _ scope: VariableScope) -> Expansion {
        var environment = LazyEnvironment(scope)
        return expand(lexer, text, &environment)
    }

    /// Expands `text` with a scope's environment, built only if some word needs it.
    static func expand(_ lexer: ShellLexer, _ text: String, _ environment: inout LazyEnvironment) -> Expansion {
        do {
            let result = try lexer.processWordWithMatches(text, environment: environment.environment(for: text))
            return Expansion(raw: text, value: result.result, matched: result.matched, unmatched: result.unmatched, error: nil)
        } catch {
            return Expansion(raw: text, value: text, matched: [], unmatched: [], error: error.description)
        }
    }

    /// Expands `text` with the variables visible to instruction `index` (FROM sees the global scope).
    public func expand(_ text: String, at index: Int) -> Expansion {
        let lexer = ShellLexer(escapeToken: dockerfile.syntax.escapeToken)
        let instruction = dockerfile.instructions[index]
        let scope = instruction.kind == .from || instruction.stageIndex == nil ? globalScope : scopes[index]
        return Self.expand(lexer, text, scope)
    }

    /// The variables visible to instruction `index`.
    public func scope(at index: Int) -> VariableScope {
        let instruction = dockerfile.instructions[index]
        return instruction.kind == .from || instruction.stageIndex == nil ? globalScope : scopes[index]
    }

    /// The stage `docker build` produces: `options.target` if it names a stage, else the last.
    public var targetStage: Stage? {
        if let target = options.target { return dockerfile.stage(named: target) }
        return dockerfile.finalStage
    }

    /// The stages BuildKit builds for the target: the target and everything it depends on.
    /// Other stages are skipped.
    public var requiredStages: Set<Int> {
        guard let target = targetStage else { return [] }
        var required: Set<Int> = [target.index]
        var queue = [target.index]
        while let current = queue.popLast() {
            for dependency in dependencies where dependency.stage == current {
                if let next = dependency.target, required.insert(next).inserted { queue.append(next) }
            }
        }
        return required
    }

    /// The image a stage finally runs on, following stage bases.
    public func rootBase(of stageIndex: Int) -> StageBase {
        var current = stageIndex
        var seen: Set<Int> = []
        while case .stage(let parent) = bases[current], seen.insert(current).inserted { current = parent }
        return bases[current]
    }
}
