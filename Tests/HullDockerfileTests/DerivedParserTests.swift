import Foundation
import HullCore
import HullTestSupport
import Testing
@testable import HullDockerfile

/// A parse expectation: either BuildKit's error or its warnings and instructions.
struct ParseExpectation: Decodable {
    var error: String?
    var warnings: [String]?
    var instructions: [ExpectedInstruction]?
}

struct DocumentCase: Decodable, CustomTestStringConvertible {
    var id: String?
    var description: String?
    var dockerfile: String?
    var dockerfile_generator: String?
    var dockerfile_path: String?
    var expected: ParseExpectation?
    var testDescription: String { description ?? id ?? "case" }
}

private func load<T: Decodable>(_ type: T.Type, _ path: String) -> T? {
    guard let bytes = try? SharedData.bytes("conformance/buildkit-derived/\(path)") else { return nil }
    return try? JSONDecoder().decode(T.self, from: Data(bytes))
}

struct MiscFile: Decodable { var cases: [DocumentCase] }
struct HeredocFile: Decodable {
    struct Word: Decodable { var word: String }
    var documents: [DocumentCase]
}
struct DirectivesFile: Decodable {
    struct Detect: Decodable { var ok: Bool; var ref: String; var cmdline: String; var line: Int? }
    struct Check: Decodable { var ok: Bool; var value: String; var cmdline: String; var line: Int? }
    struct Parsed: Decodable { var line: Int; var name: String; var value: String }
    struct Case: Decodable, CustomTestStringConvertible {
        var input: String
        var detect_syntax: Detect
        var parse_directive_check: Check
        var directive_parser_parse_all: [Parsed]
        var directive_parser_parse_all_error: String?
        var testDescription: String { input.debugDescription }
    }
    struct Full: Decodable, CustomTestStringConvertible {
        var dockerfile: String
        var expected: ParseExpectation
        var escape_token: String?
        var testDescription: String { dockerfile.debugDescription }
    }
    var cases: [Case]
    var full_parse: [Full]
}

func checkParse(_ bytes: [UInt8], against expected: ParseExpectation, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let syntax = DockerfileParser.parse(SourceFile(path: "Dockerfile", bytes: bytes))
    #expect(syntax.printed() == bytes, "round trip", sourceLocation: sourceLocation)
    if let message = expected.error {
        #expect(syntax.error?.message == message, sourceLocation: sourceLocation)
        return
    }
    #expect(syntax.error == nil, "unexpected error \(syntax.error?.message ?? "")", sourceLocation: sourceLocation)
    #expect(syntax.warnings.map(\.message) == (expected.warnings ?? []), sourceLocation: sourceLocation)
    let wanted = expected.instructions ?? []
    #expect(syntax.instructions.count == wanted.count, "instruction count", sourceLocation: sourceLocation)
    for (actual, instruction) in zip(syntax.instructions, wanted) {
        ExpectedInstruction.check(actual, against: instruction, sourceLocation: sourceLocation)
    }
}

@Suite("BuildKit-derived parser facts", .enabled(if: SharedData.isAvailable, Comment(rawValue: SharedData.missingMessage)))
struct DerivedParserTests {
    static let misc = load(MiscFile.self, "parser_misc.json")?.cases ?? []
    static let heredocDocuments = load(HeredocFile.self, "heredocs.json")?.documents ?? []
    static let directives = load(DirectivesFile.self, "directives.json")

    @Test("the data files load")
    func loaded() {
        #expect(Self.misc.count == 48)
        #expect(Self.heredocDocuments.count == 16)
        #expect(Self.directives?.cases.count == 27)
        #expect(Self.directives?.full_parse.count == 11)
    }

    @Test("parser_misc cases", arguments: misc)
    func miscCase(_ item: DocumentCase) throws {
        if let text = item.dockerfile, let expected = item.expected {
            checkParse(Array(text.utf8), against: expected)
        } else if item.dockerfile_generator != nil {
            let bytes = Array("FROM image\nLABEL test=".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: 65_536)
            let syntax = DockerfileParser.parse(SourceFile(path: "Dockerfile", bytes: bytes))
            #expect(syntax.error?.message == item.expected?.error)
            #expect(syntax.printed() == bytes)
            let fits = Array("FROM image\nLABEL test=".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: 65_535 - 11)
            #expect(DockerfileParser.parse(SourceFile(path: "Dockerfile", bytes: fits)).error == nil)
        } else if let path = item.dockerfile_path {
            let bytes = try SharedData.bytes("conformance/\(path)")
            let syntax = DockerfileParser.parse(SourceFile(path: path, bytes: bytes))
            #expect(syntax.instructions.map { [$0.startLine, $0.endLine] } == [[5, 5], [11, 12], [17, 31]])
        }
    }

    @Test("heredoc documents", arguments: heredocDocuments)
    func heredocDocument(_ item: DocumentCase) throws {
        let expected = try #require(item.expected)
        checkParse(Array(try #require(item.dockerfile).utf8), against: expected)
    }

    @Test("directive detection", arguments: directives?.cases ?? [])
    func detection(_ item: DirectivesFile.Case) {
        let bytes = Array(item.input.utf8)
        let syntax = DirectiveDetection.detectSyntax(bytes)
        #expect((syntax != nil) == item.detect_syntax.ok)
        if let syntax, item.detect_syntax.ok {
            #expect(syntax.reference == item.detect_syntax.ref)
            #expect(syntax.commandLine == item.detect_syntax.cmdline)
            #expect(syntax.line == item.detect_syntax.line)
        }
        let check = DirectiveDetection.directive("check", in: bytes)
        #expect((check != nil) == item.parse_directive_check.ok)
        if let check, item.parse_directive_check.ok {
            #expect(check.reference == item.parse_directive_check.value)
            #expect(check.commandLine == item.parse_directive_check.cmdline)
            #expect(check.line == item.parse_directive_check.line)
        }
        let all = DirectiveDetection.leadingDirectives(bytes)
        #expect(all.directives.map { "\($0.line) \($0.name)=\($0.value)" } == item.directive_parser_parse_all.map { "\($0.line) \($0.name)=\($0.value)" })
        #expect(all.error == item.directive_parser_parse_all_error)
    }

    @Test("directives inside full parses", arguments: directives?.full_parse ?? [])
    func fullParse(_ item: DirectivesFile.Full) {
        checkParse(Array(item.dockerfile.utf8), against: item.expected)
        if let token = item.escape_token {
            #expect(String(DockerfileParser.parse(item.dockerfile).escapeToken.character) == token)
        }
    }
}
