import Testing
@testable import HullDockerfile

/// Word splitting by ``ShellLexer/processWords(_:environment:)``.
@Suite("Shell lexer word splitting")
struct ShellLexerWordsTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var input: String
        var environment: [String: String] = [:]
        var words: [String]
        var testDescription: String { input }
    }

    static let cases: [Case] = [
        .init(input: "a \"\" b", words: ["a", "b"]),
        .init(input: "\"\"", words: []),
        .init(input: "  ", words: []),
        .init(input: "'a b'c d", words: ["a bc", "d"]),
        .init(input: "a\\ b", words: ["a b"]),
        .init(input: "$V", environment: ["V": "  a  b "], words: ["a", "b"]),
        .init(input: "x$V", environment: ["V": ""], words: ["x"]),
        .init(input: "${V:-a b}", words: ["a", "b"]),
        .init(input: "\"${V:-a b}\"", words: ["a b"]),
        .init(input: "a\u{3000}b\u{85}c", words: ["a", "b", "c"]),
        .init(input: "<< EOF", words: ["<< EOF"]),
        .init(input: "<<- EOF", words: ["<<-", "EOF"]),
        .init(input: "cat <<  EOF  > f", words: ["cat", "<<  EOF", ">", "f"]),
        .init(input: "<<\t\tEOF", words: ["<<\t\tEOF"]),
        .init(input: "2<< EOF", words: ["2<< EOF"]),
        .init(input: "a<< b", words: ["a<< b"]),
        .init(input: "<< ", words: ["<< "]),
        .init(input: "< < EOF", words: ["<", "<", "EOF"]),
        .init(input: "<<$SP EOF", environment: ["SP": " "], words: ["<<  EOF"]),
    ]

    @Test("unquoted text and expansions split on white space; white space right after << stays in the word", arguments: cases)
    func split(_ testCase: Case) throws {
        #expect(try ShellLexer().processWords(testCase.input, environment: ShellEnvironment(testCase.environment)) == testCase.words)
    }

    @Test("a modifier expansion does not lose the text before it in the same word")
    func textBeforeNestedExpansion() throws {
        #expect(try ShellLexer().processWords("80${P:-/tcp} x\"${Q:-y}\"", environment: .empty) == ["80/tcp", "xy"])
    }
}
