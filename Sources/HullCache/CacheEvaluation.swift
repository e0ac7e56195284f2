import HullContext
import HullCore
import HullDockerfile

/// One run of the cache model over a change set: the Dockerfile evaluated twice (with the
/// build arguments before and after the change), every stage the target needs walked once.
struct CacheEvaluation {
    let model: CacheModel
    let changes: ChangeSet
    /// The Dockerfile as the previous build saw it.
    let before: SemanticModel
    /// The Dockerfile as the next build sees it.
    let after: SemanticModel
    /// Changed paths that reach the context (not excluded by the ignore file), cleaned.
    var paths: [String] = []
    /// Paths some built step reads.
    var usedPaths: Set<String> = []
    var unused: [CachePrediction.UnusedChange] = []
    var results: [Int: StagePrediction] = [:]
    var visiting: Set<Int> = []
    let required: Set<Int>
    let escape: Character
    /// First misses caused by edits of the Dockerfile, per stage.
    let edits: DockerfileEdits?

    var dockerfile: Dockerfile { model.dockerfile }

    init(model: CacheModel, changes: ChangeSet) {
        self.model = model
        var cleanedChanges = changes
        cleanedChanges.paths = Array(Set(changes.paths.map(SourcePath.clean))).filter { $0 != "." }.sorted()
        if changes.paths.contains(where: { SourcePath.clean($0) == "." }) { cleanedChanges.paths.insert(".", at: 0) }
        self.changes = cleanedChanges
        var previous = model.options
        var next = model.options
        for (name, value) in changes.buildArgs {
            // The previous value is unknown; a placeholder no real value equals makes every use differ.
            previous.buildArgs[name] = "\u{1}previous \(name)"
            next.buildArgs[name] = value ?? "\u{1}next \(name)"
        }
        before = SemanticModel(model.dockerfile, options: previous)
        after = SemanticModel(model.dockerfile, options: next)
        required = after.requiredStages
        escape = Character(Unicode.Scalar(model.dockerfile.syntax.escapeToken.rawValue))
        edits = changes.previousDockerfile.map { text in
            DockerfileEdits(previous: Dockerfile.parse(text), current: model.dockerfile, escape: Character(Unicode.Scalar(model.dockerfile.syntax.escapeToken.rawValue)))
        }
    }

    mutating func run() -> CachePrediction {
        for path in changes.paths {
            if let verdict = model.ignoreVerdict(for: path) {
                let pattern = verdict.decidingPattern
                let detail = pattern.map { "`\($0.text)` (line \($0.line))" } ?? "a pattern"
                unused.append(.init(path: path, reason: "excluded by \(detail) of `\(model.ignoreFileName)`: BuildKit never sends it",
                                    ignorePattern: pattern?.text, ignoreLine: pattern?.line))
            } else {
                paths.append(path)
            }
        }
        for stage in dockerfile.stages { _ = evaluate(stage.index) }
        var stages = dockerfile.stages.map { results[$0.index]! }
        for position in stages.indices where stages[position].firstMiss != nil {
            stages[position].firstMiss!.dependentStages = dependents(of: stages[position].index).map { stages[$0].label }
        }
        let dockerfileName = dockerfile.source.path.split(separator: "/").last.map(String.init)
        for path in paths where !usedPaths.contains(path) {
            // With the previous Dockerfile known, its edits were compared instruction by instruction.
            if changes.previousDockerfile != nil, path.split(separator: "/").last.map(String.init) == dockerfileName { continue }
            unused.append(.init(path: path, reason: "no step of the built stages reads it", ignorePattern: nil, ignoreLine: nil))
        }
        var declared: Set<String> = []
        for instruction in dockerfile.instructions {
            if case .arg(let arg) = instruction.payload { declared.formUnion(arg.declarations.map(\.name.text)) }
        }
        return CachePrediction(changes: changes, target: after.targetStage?.index, stages: stages, unusedChanges: unused,
                               undeclaredBuildArgs: changes.buildArgs.keys.filter { !declared.contains($0) }.sorted())
    }

    /// The built stages that use stage `index`'s result.
    func dependents(of index: Int) -> [Int] {
        var result: Set<Int> = []
        for dependency in after.dependencies where dependency.target == index && dependency.stage != index {
            if required.contains(dependency.stage) { result.insert(dependency.stage) }
        }
        return result.sorted()
    }

    func label(_ index: Int) -> String { dockerfile.stages[index].name ?? "stage \(index)" }

    /// Evaluates a stage (and first the stages it depends on); returns whether its result changes.
    mutating func evaluate(_ index: Int) -> Bool {
        if let done = results[index] { return done.rebuilds }
        // A cycle is a build error in BuildKit; treat the inner reference as unchanged.
        guard visiting.insert(index).inserted else { return false }
        defer { visiting.remove(index) }
        let stage = dockerfile.stages[index]
        let isTarget = after.targetStage?.index == index
        guard required.contains(index) else {
            let target = after.targetStage.map { label($0.index) } ?? "the target"
            let reason = CacheReason(.notNeeded, "not needed to build `\(target)`: BuildKit does not build this stage", stage: label(index))
            let steps = dockerfile.instructions(in: stage).map { instruction in
                StepPrediction(instruction: instruction.index, line: instruction.line, keyword: instruction.kind.keyword,
                               text: CacheModel.oneLine(instruction, escape: escape), status: .skipped, reason: reason)
            }
            results[index] = StagePrediction(index: index, name: stage.name, isBuilt: false, isTarget: isTarget, steps: steps, firstMiss: nil)
            return false
        }

        var steps: [StepPrediction] = []
        var firstMiss: StagePrediction.FirstMiss?
        var userChange: CacheReason?
        for instruction in dockerfile.instructions(in: stage) {
            var step = StepPrediction(instruction: instruction.index, line: instruction.line, keyword: instruction.kind.keyword,
                                      text: CacheModel.oneLine(instruction, escape: escape), status: .cached)
            var own: CacheReason?
            var linked = false
            switch instruction.payload {
            case .from:
                own = fromReason(stage)
            case .run(let run):
                own = runReason(run, instruction, userChange: userChange)
            case .copy(let copy), .add(let copy):
                own = copyReason(copy, instruction, notes: &step.notes)
                linked = copy.link
            case .workdir(let workdir):
                own = workdir.path.flatMap { expansionReason($0.text, at: instruction.index) }
            case .user(let user):
                if let word = user.user, let changed = expansionReason(word.text, at: instruction.index) {
                    userChange = CacheReason(.userChanged, "the USER on line \(instruction.line) changes: \(changed.message)",
                                             variable: changed.variable, line: instruction.line)
                }
            default:
                break
            }
            if let edit = edits?.firstMiss[index], edit.instruction == instruction.index {
                own = edit.reason
            }
            if !CacheModel.isBuildStep(instruction.kind) {
                step.status = .metadata
            } else if let miss = firstMiss {
                if linked && own == nil {
                    step.notes.append(CacheReason(.linkedCopy, "`--link`: the copied layer does not depend on the steps above, so it is reused and placed on the rebuilt layers below it"))
                } else {
                    step.status = .rebuilt
                    step.reason = CacheReason(.previousStepRebuilt, "follows the rebuilt step on line \(miss.line)", line: miss.line)
                }
            } else if let own {
                step.status = .rebuilt
                step.reason = own
                firstMiss = StagePrediction.FirstMiss(instruction: instruction.index, line: instruction.line, reason: own, stepsAfter: 0, dependentStages: [])
            }
            steps.append(step)
        }
        if let miss = firstMiss {
            firstMiss?.stepsAfter = steps.filter { $0.instruction > miss.instruction && $0.status == .rebuilt }.count
        }
        results[index] = StagePrediction(index: index, name: stage.name, isBuilt: true, isTarget: isTarget, steps: steps, firstMiss: firstMiss)
        return firstMiss != nil
    }

    // MARK: - Reasons

    mutating func fromReason(_ stage: Stage) -> CacheReason? {
        if case .stage(let parent) = after.bases[stage.index] {
            guard evaluate(parent) else { return nil }
            return CacheReason(.baseStageRebuilt, "built FROM stage `\(label(parent))`, which rebuilds", stage: label(parent))
        }
        let old = before.baseExpansions[stage.index], new = after.baseExpansions[stage.index]
        guard old.value != new.value else { return nil }
        let names = changedNames(in: new.matched.union(old.matched))
        return CacheReason(.baseImageChanged, "the base image `\(stage.from.image.text)` \(Self.describe(new.value, names: names))",
                           variable: names.first)
    }

    /// Names among `names` that are changed build arguments, sorted.
    func changedNames(in names: Set<String>) -> [String] {
        let changed = names.filter { changes.buildArgs.keys.contains($0) }.sorted()
        return changed.isEmpty ? names.sorted() : changed
    }

    /// "now expands to `x` (build arg `A` changed)", hiding placeholders.
    static func describe(_ value: String, names: [String]) -> String {
        let because = names.isEmpty ? "" : " (build arg \(names.map { "`\($0)`" }.joined(separator: ", ")) changed)"
        if value.contains("\u{1}") { return "expands differently\(because)" }
        return "now expands to `\(value)`\(because)"
    }

    /// A reason when `text` expands differently before and after the change.
    func expansionReason(_ text: String, at index: Int) -> CacheReason? {
        let old = before.expand(text, at: index), new = after.expand(text, at: index)
        guard old.value != new.value else { return nil }
        let names = changedNames(in: new.matched.union(old.matched))
        return CacheReason(.expansionChanged, "`\(text)` \(Self.describe(new.value, names: names))", variable: names.first)
    }

    mutating func runReason(_ run: RunInstruction, _ instruction: Instruction, userChange: CacheReason?) -> CacheReason? {
        let index = instruction.index
        let old = before.scope(at: index), new = after.scope(at: index)
        for name in new.declaredNames where old.value(of: name) != new.value(of: name) {
            if changes.buildArgs.keys.contains(name), new.env[name] == nil {
                let line = declarationLine(of: name, before: index)
                let value = new.value(of: name).map { $0.contains("\u{1}") ? "" : " (now `\($0)`)" } ?? ""
                return CacheReason(.buildArgChanged, "build arg `\(name)`\(value) changed; every RUN after its ARG\(line.map { " on line \($0)" } ?? "") sees it in its environment",
                                   variable: name, line: line)
            }
            let line = declarationLine(of: name, before: index)
            let sources = changes.buildArgs.keys.filter { new.isDeclared($0) || after.globalScope.isDeclared($0) }.sorted()
            let because = sources.isEmpty ? "" : " from build arg \(sources.map { "`\($0)`" }.joined(separator: ", "))"
            return CacheReason(.variableChanged, "`\(name)`\(line.map { " (set on line \($0))" } ?? "") takes a new value\(because), and RUN sees it in its environment",
                               variable: name, line: line)
        }
        if let userChange { return userChange }
        for mount in run.mounts where mount.kind == .bind {
            if let value = mount.flag.value, let changed = expansionReason(value, at: index) { return changed }
        }
        for read in ContextRead.reads(of: instruction, in: after) {
            if let reason = contextReason(read, keyword: "RUN --mount") { return reason }
        }
        for dependency in after.dependencies where dependency.instruction == index && dependency.kind == .mountFrom {
            guard let target = dependency.target, evaluate(target) else { continue }
            return CacheReason(.mountFromStageRebuilt,
                               "mounts from stage `\(label(target))`, which rebuilds (unless the mounted files come out identical: BuildKit compares their content)",
                               stage: label(target))
        }
        return nil
    }

    /// The line of the ARG or ENV that last set `name` before `index` in its stage.
    func declarationLine(of name: String, before index: Int) -> Int? {
        guard let stageIndex = dockerfile.instructions[index].stageIndex else { return nil }
        let stage = dockerfile.stages[stageIndex]
        for instruction in dockerfile.instructions[stage.instructionIndices.lowerBound..<index].reversed() {
            switch instruction.payload {
            case .arg(let arg) where arg.declarations.contains(where: { $0.name.text == name }): return instruction.line
            case .env(let env) where env.pairs.contains(where: { $0.key.text == name }): return instruction.line
            default: continue
            }
        }
        return nil
    }

    mutating func copyReason(_ copy: CopyInstruction, _ instruction: Instruction, notes: inout [CacheReason]) -> CacheReason? {
        let index = instruction.index
        let isAdd = instruction.kind == .add
        var words = copy.contextSources.map(\.text)
        if let destination = copy.destination { words.append(destination.text) }
        words += [copy.from, copy.chown, copy.chmod].compactMap { $0 } + copy.excludes
        for word in words {
            if let reason = expansionReason(word, at: index) { return reason }
        }
        for source in copy.contextSources.map({ after.expand($0.text, at: index).value }) {
            switch SourcePath.remoteKind(of: source) {
            case .url? where isAdd && copy.checksum == nil:
                notes.append(CacheReason(.remoteSource, "`\(source)` is re-checked every build (no `--checksum`): BuildKit fetches it again and, when the content at the URL changed, rebuilds this step and everything after it", source: source))
            case .git?:
                notes.append(CacheReason(.remoteSource, "`\(source)` is re-checked every build: the step and everything after it rebuild when the ref points to a new commit", source: source))
            default:
                break
            }
        }
        if copy.from != nil {
            for dependency in after.dependencies where dependency.instruction == index && dependency.kind == .copyFrom {
                guard let target = dependency.target, evaluate(target) else { continue }
                return CacheReason(.copyFromStageRebuilt,
                                   "copies from stage `\(label(target))`, which rebuilds (unless the copied files come out identical: BuildKit compares their content)",
                                   stage: label(target))
            }
            return nil
        }
        for read in ContextRead.reads(of: instruction, in: after) {
            if let reason = contextReason(read, keyword: instruction.kind.keyword) { return reason }
        }
        return nil
    }

    /// The first changed path a context read reads, as a reason; marks every path it reads as used.
    mutating func contextReason(_ read: ContextRead, keyword: String) -> CacheReason? {
        var first: CacheReason?
        for path in paths {
            guard let (source, relation) = read.match(path) else { continue }
            usedPaths.insert(path)
            guard first == nil else { continue }
            let kind: CacheReason.Kind = read.kind == .copy ? .sourceChanged : .mountSourceChanged
            let verb = read.kind == .copy ? "copies" : "binds"
            let message: String
            switch relation {
            case .ancestor:
                message = "`\(path)` changed, and it holds the source `\(source)` the \(keyword) \(verb)"
            case .source, .inside:
                message = "`\(path)` changed, and the \(keyword) \(verb) it (source `\(source)`)"
            }
            first = CacheReason(kind, message, path: path, source: source)
        }
        return first
    }
}
