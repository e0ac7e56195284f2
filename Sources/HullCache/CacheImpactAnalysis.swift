import HullDockerfile

/// Without a change set: for each group of inputs, the first step a change to it invalidates.
struct CacheImpactAnalysis {
    let model: CacheModel
    let contextFiles: [String]?
    /// The most files of one group tried as changes.
    static let sampleLimit = 2_000

    func run() -> [InputImpact] {
        let semantic = SemanticModel(model.dockerfile, options: model.options)
        let required = semantic.requiredStages
        let escape = Character(Unicode.Scalar(model.dockerfile.syntax.escapeToken.rawValue))
        let built = model.dockerfile.instructions.filter { $0.stageIndex.map(required.contains) ?? false }
        let reads = built.flatMap { ContextRead.reads(of: $0, in: semantic) }
        let files = contextFiles?.map(SourcePath.clean).filter { $0 != "." && model.ignoreVerdict(for: $0) == nil }
        var impacts: [InputImpact] = []

        for read in reads {
            let instruction = model.dockerfile.instructions[read.instruction]
            let members = files?.filter { read.match($0) != nil }
            let candidates = members.map { Array($0.prefix(Self.sampleLimit)) } ?? read.cleaned.filter { $0 != "." }
            // The candidate whose first reader comes earliest decides where the group first invalidates.
            var best: (reader: Int, path: String)?
            for candidate in candidates {
                guard let reader = reads.first(where: { $0.match(candidate) != nil })?.instruction else { continue }
                if best == nil || reader < best!.reader { best = (reader, candidate) }
            }
            var impact = InputImpact(kind: read.kind == .copy ? .copySources : .mountSources, line: instruction.line,
                                     text: CacheModel.oneLine(instruction, escape: escape), sources: read.sources,
                                     files: members?.count, firstInvalidated: nil, stage: nil, rebuiltSteps: 0, example: nil)
            let example = best?.path ?? (read.cleaned.contains(".") ? "." : nil)
            if let example {
                let prediction = model.predict(ChangeSet(paths: [example]))
                let step = best.flatMap { prediction.step(at: $0.reader) } ?? prediction.steps.first { $0.status == .rebuilt }
                impact.firstInvalidated = step
                impact.stage = step.flatMap { step in prediction.stages.first { $0.steps.contains(step) }?.label }
                impact.rebuiltSteps = prediction.count(.rebuilt)
                impact.example = example
            }
            impacts.append(impact)
        }

        var seen: Set<String> = []
        for instruction in model.dockerfile.instructions {
            guard case .arg(let arg) = instruction.payload else { continue }
            if let stage = instruction.stageIndex, !required.contains(stage) { continue }
            for declaration in arg.declarations where seen.insert(declaration.name.text).inserted {
                let name = declaration.name.text
                let prediction = model.predict(ChangeSet(buildArgs: [name: nil]))
                let step = prediction.steps.first { $0.status == .rebuilt }
                impacts.append(InputImpact(kind: .buildArg, line: instruction.line, text: CacheModel.oneLine(instruction, escape: escape),
                                           sources: [name], files: nil, firstInvalidated: step,
                                           stage: step.flatMap { step in prediction.stages.first { $0.steps.contains(step) }?.label },
                                           rebuiltSteps: prediction.count(.rebuilt), example: "--build-arg \(name)=…"))
            }
        }
        return impacts
    }
}
