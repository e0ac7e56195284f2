import HullCore

/// A Dockerfile's typed model: instructions with payloads, grouped into stages.
public struct Dockerfile: Sendable {
    /// The lossless syntax it was built from.
    public let syntax: DockerfileSyntax
    /// Every instruction in file order.
    public let instructions: [Instruction]
    /// The build stages in file order.
    public let stages: [Stage]

    /// The source file.
    public var source: SourceFile { syntax.source }
    /// ARG instructions before the first FROM.
    public var globalArgInstructions: [Instruction] { instructions.filter { $0.stageIndex == nil } }
    /// The last stage, which `docker build` produces unless `--target` says otherwise.
    public var finalStage: Stage? { stages.last }

    /// Builds the model from a parse.
    public init(syntax: DockerfileSyntax) {
        self.syntax = syntax
        var instructions: [Instruction] = []
        var stages: [Stage] = []
        for (index, node) in syntax.instructions.enumerated() {
            let payload = InstructionPayloadBuilder.payload(for: node)
            if case .from(let from) = payload {
                if var previous = stages.last {
                    previous.instructionIndices = previous.instructionIndices.lowerBound..<index
                    stages[stages.count - 1] = previous
                }
                stages.append(Stage(index: stages.count, fromIndex: index, from: from, instructionIndices: index..<(index + 1)))
            }
            instructions.append(Instruction(index: index, stageIndex: stages.isEmpty ? nil : stages.count - 1, syntax: node, payload: payload, flags: BuilderFlags(node.flags, kind: node.kind)))
        }
        if var last = stages.last {
            last.instructionIndices = last.instructionIndices.lowerBound..<instructions.count
            stages[stages.count - 1] = last
        }
        self.instructions = instructions
        self.stages = stages
    }

    /// Parses and models `source`.
    public static func parse(_ source: SourceFile) -> Dockerfile { Dockerfile(syntax: DockerfileParser.parse(source)) }

    /// Parses and models text.
    public static func parse(_ text: String, path: String = "Dockerfile") -> Dockerfile {
        parse(SourceFile(path: path, text: text))
    }

    /// The instructions of a stage, FROM included.
    public func instructions(in stage: Stage) -> ArraySlice<Instruction> { instructions[stage.instructionIndices] }

    /// The stage a name or index refers to, as `COPY --from` and `FROM` resolve it: a name
    /// (case-insensitive) declared by an earlier stage, or a numeric index of an earlier stage.
    public func stage(named reference: String, before index: Int? = nil) -> Stage? {
        let limit = index ?? stages.count
        let lowered = reference.lowercased()
        if let byName = stages.prefix(limit).last(where: { $0.name == lowered }) { return byName }
        if let number = Int(reference), number >= 0, number < limit, String(number) == reference { return stages[number] }
        return nil
    }
}
