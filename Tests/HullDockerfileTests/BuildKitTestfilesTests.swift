import Foundation
import HullCore
import HullTestSupport
import Testing
@testable import HullDockerfile

private let parserRoot = "conformance/buildkit/frontend/dockerfile/parser"

private func caseNames(_ folder: String) -> [String] {
    guard let url = try? SharedData.url("\(parserRoot)/\(folder)"),
          let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else { return [] }
    return names.sorted()
}

@Suite("BuildKit parser testfiles", .enabled(if: SharedData.isAvailable, Comment(rawValue: SharedData.missingMessage)))
struct BuildKitTestfilesTests {
    @Test("there are 33 golden cases and 4 negative ones")
    func counts() {
        #expect(caseNames("testfiles").count == 33)
        #expect(caseNames("testfiles-negative").count == 4)
    }

    @Test("the AST dump equals BuildKit's result byte for byte", arguments: caseNames("testfiles"))
    func golden(name: String) throws {
        let input = try SharedData.bytes("\(parserRoot)/testfiles/\(name)/Dockerfile")
        let expected = try SharedData.bytes("\(parserRoot)/testfiles/\(name)/result")
        let syntax = DockerfileParser.parse(SourceFile(path: name, bytes: input))
        #expect(syntax.error == nil, "unexpected error: \(syntax.error?.message ?? "")")
        let dump = (syntax.astDump() ?? "") + "\n"
        #expect(Array(dump.utf8) == expected, "dump differs:\n\(dump)\nexpected:\n\(String(decoding: expected, as: UTF8.self))")
        #expect(syntax.printed() == input)
    }

    @Test("files BuildKit rejects fail with its message", arguments: caseNames("testfiles-negative"))
    func negative(name: String) throws {
        let input = try SharedData.bytes("\(parserRoot)/testfiles-negative/\(name)/Dockerfile")
        let expectations = try JSONDecoder().decode(ASTExpectations.self, from: Data(SharedData.bytes("conformance/buildkit-derived/testfiles_ast.json")))
        let syntax = DockerfileParser.parse(SourceFile(path: name, bytes: input))
        #expect(syntax.error?.message == expectations.testfiles_negative[name])
        #expect(syntax.printed() == input)
    }

    @Test("testfile-line gives BuildKit's line numbers")
    func lineNumbers() throws {
        let input = try SharedData.bytes("\(parserRoot)/testfile-line/Dockerfile")
        let syntax = DockerfileParser.parse(SourceFile(path: "testfile-line", bytes: input))
        #expect(syntax.instructions.map { [$0.startLine, $0.endLine] } == [[5, 5], [11, 12], [17, 31]])
        #expect(syntax.warnings.count == 1)
    }

    @Test("each golden case matches the derived structure", arguments: caseNames("testfiles"))
    func structure(name: String) throws {
        let expectations = try JSONDecoder().decode(ASTExpectations.self, from: Data(SharedData.bytes("conformance/buildkit-derived/testfiles_ast.json")))
        let expected = try #require(expectations.testfiles[name])
        let input = try SharedData.bytes("\(parserRoot)/testfiles/\(name)/Dockerfile")
        let syntax = DockerfileParser.parse(SourceFile(path: name, bytes: input))
        #expect(syntax.warnings.map(\.message) == expected.warnings)
        #expect(String(syntax.escapeToken.character) == expected.escape_token)
        #expect(syntax.instructions.count == expected.instructions.count)
        for (actual, wanted) in zip(syntax.instructions, expected.instructions) {
            ExpectedInstruction.check(actual, against: wanted)
        }
    }
}

/// `testfiles_ast.json`.
struct ASTExpectations: Decodable {
    struct Case: Decodable {
        var warnings: [String]
        var escape_token: String
        var instructions: [ExpectedInstruction]
    }
    var testfiles: [String: Case]
    var testfiles_negative: [String: String]
}
