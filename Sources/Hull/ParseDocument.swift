import HullCore
import HullDockerfile

/// The JSON shape of `hull parse --format json` (schema version 1): every instruction with
/// its exact ranges, flags, arguments and heredocs, plus the stages.
public struct ParseDocument: Codable, Sendable {
    /// A range as start and end positions.
    public struct Span: Codable, Sendable {
        /// A position.
        public struct Position: Codable, Sendable {
            public var offset: Int
            public var line: Int
            public var column: Int
            public var utf16Column: Int
        }
        public var start: Position
        public var end: Position

        init(_ range: TextRange, in source: SourceFile) {
            func position(_ offset: Int) -> Position {
                let location = source.location(of: offset)
                return Position(offset: location.offset, line: location.line, column: location.utf8Column, utf16Column: location.utf16Column)
            }
            start = position(range.start)
            end = position(range.end)
        }
    }

    public struct Flag: Codable, Sendable {
        public var text: String
        public var name: String
        public var value: String?
        public var range: Span
    }

    public struct Argument: Codable, Sendable {
        public var value: String
        public var range: Span?
    }

    public struct Heredoc: Codable, Sendable {
        public var name: String
        public var fileDescriptor: UInt
        public var expand: Bool
        public var chomp: Bool
        public var content: String
        public var body: Span
    }

    public final class Instruction: Codable, Sendable {
        public let keyword: String
        public let kind: String
        public let startLine: Int
        public let endLine: Int
        public let range: Span
        public let keywordRange: Span
        public let flags: [Flag]
        public let arguments: [Argument]
        public let json: Bool
        public let original: String
        public let heredocs: [Heredoc]
        public let onbuild: Instruction?

        init(_ syntax: InstructionSyntax, in source: SourceFile) {
            keyword = syntax.keyword
            kind = syntax.kind.rawValue
            startLine = syntax.startLine
            endLine = syntax.endLine
            range = Span(syntax.range, in: source)
            keywordRange = Span(syntax.keywordRange, in: source)
            flags = syntax.flags.map { Flag(text: $0.text, name: $0.name, value: $0.value, range: Span($0.range, in: source)) }
            arguments = syntax.arguments.map { Argument(value: $0.value, range: $0.range.map { Span($0, in: source) }) }
            json = syntax.isJSON
            original = syntax.original
            heredocs = syntax.heredocs.map { Heredoc(name: $0.name, fileDescriptor: $0.fileDescriptor, expand: $0.expand, chomp: $0.chomp, content: $0.content, body: Span($0.bodyRange, in: source)) }
            onbuild = syntax.onbuildInstruction.map { Instruction($0, in: source) }
        }
    }

    public struct Stage: Codable, Sendable {
        public var index: Int
        public var name: String?
        public var base: String
        public var baseExpanded: String
        public var baseStage: Int?
        public var instructions: [Int]
        public var dependsOn: [Int]
    }

    public struct Problem: Codable, Sendable {
        public var message: String
        public var range: Span
    }

    public struct Directive: Codable, Sendable {
        public var name: String
        public var value: String
        public var range: Span
    }

    public var schemaVersion = 1
    public var file: String
    public var escapeToken: String
    public var directives: [Directive]
    public var error: Problem?
    public var warnings: [Problem]
    public var instructions: [Instruction]
    public var stages: [Stage]

    /// Describes a parsed Dockerfile.
    public init(_ semantics: SemanticModel) {
        let dockerfile = semantics.dockerfile
        let syntax = dockerfile.syntax
        let source = syntax.source
        file = source.path
        escapeToken = String(syntax.escapeToken.character)
        directives = syntax.directives.map { Directive(name: $0.name, value: $0.value, range: Span($0.range, in: source)) }
        error = syntax.error.map { Problem(message: $0.message, range: Span($0.range, in: source)) }
        warnings = syntax.warnings.map { Problem(message: $0.message, range: Span($0.range, in: source)) }
        instructions = syntax.instructions.map { Instruction($0, in: source) }
        stages = dockerfile.stages.map { stage in
            var baseStage: Int?
            if case .stage(let parent) = semantics.bases[stage.index] { baseStage = parent }
            let dependsOn = Set(semantics.dependencies.filter { $0.stage == stage.index }.compactMap(\.target)).sorted()
            return Stage(index: stage.index, name: stage.name, base: stage.from.image.text, baseExpanded: semantics.baseExpansions[stage.index].value,
                         baseStage: baseStage, instructions: Array(stage.instructionIndices), dependsOn: dependsOn)
        }
    }
}
