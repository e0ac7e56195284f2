import Foundation
import HullCore
import HullTestSupport
import Testing
@testable import HullDockerfile

/// Words with nothing to expand, unquote or unescape skip the expander; these tests check that
/// the shortcut gives exactly what the expander gives.
@Suite("Shell lexer literal words")
struct ShellLexerLiteralTests {
    static let words = [
        "", "alpine:3.20", "/usr/local/bin", "a b\tc", "naïve ☃ 한국어", "a\u{FEFF}", "\u{FEFF}abc", "a\r\nb",
        "a\\b", "a`b", "it's", "say \"hi\"", "$HOME", "{}", "a=b,c",
    ]

    static func expanded(_ word: String, _ lexer: ShellLexer, _ environment: ShellEnvironment) throws -> ShellExpansion {
        var expander = ShellLexer.Expander(lexer: lexer, input: word, environment: environment, tracksMatches: true)
        var noWords: ShellLexer.WordSplitter? = nil
        let result = try expander.expand(until: nil, rawEscapes: lexer.rawEscapes, words: &noWords) ?? ""
        return ShellExpansion(result: result, matched: expander.matched, unmatched: expander.unmatched)
    }

    @Test("processWord and processWordWithMatches equal the expander's result, or fail where it fails", arguments: words)
    func sameAsExpander(_ word: String) {
        let environment: ShellEnvironment = ["HOME": "/root"]
        for escape in [EscapeToken.backslash, .backtick] {
            let lexer = ShellLexer(escapeToken: escape)
            let expected = try? Self.expanded(word, lexer, environment)
            #expect((try? lexer.processWordWithMatches(word, environment: environment)) == expected)
            #expect((try? lexer.processWord(word, environment: environment)) == expected?.result)
        }
    }

    @Test("every argument of the corpus expands as the expander expands it",
          .enabled(if: SharedData.isAvailable, Comment(rawValue: SharedData.missingMessage)))
    func corpusArguments() throws {
        var failures: [String] = []
        for entry in Corpus.dockerfiles {
            let syntax = DockerfileParser.parse(SourceFile(path: entry.relativePath, bytes: [UInt8](try Data(contentsOf: entry.url))))
            let lexer = ShellLexer(escapeToken: syntax.escapeToken)
            for argument in syntax.instructions.flatMap(\.arguments) {
                let fast = try? lexer.processWordWithMatches(argument.value, environment: .empty)
                let slow = try? Self.expanded(argument.value, lexer, .empty)
                if fast != slow { failures.append("\(entry.relativePath): \(argument.value.prefix(40))") }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) failures, first: \(failures.prefix(10))")
    }
}
