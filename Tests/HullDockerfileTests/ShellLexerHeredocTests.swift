import Testing
@testable import HullDockerfile

/// ``HeredocWord`` beyond the BuildKit-derived facts.
@Suite("Shell lexer heredoc words")
struct ShellLexerHeredocTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var word: String
        var expected: HeredocWord?
        var testDescription: String { word }
    }

    static let cases: [Case] = [
        .init(word: "<< -EOF", expected: HeredocWord(name: "-EOF")),
        .init(word: "<<-\tEOF", expected: HeredocWord(name: "EOF", chomp: true)),
        .init(word: "<<\"E\"'O'F", expected: HeredocWord(name: "EOF", expand: false)),
        .init(word: "<<E\\OF", expected: HeredocWord(name: "EOF")),
        .init(word: "<<E\\'OF", expected: HeredocWord(name: "E'OF")),
        .init(word: "0<<EOF", expected: HeredocWord(name: "EOF")),
        .init(word: "12<<file.txt", expected: HeredocWord(name: "file.txt", fileDescriptor: 12)),
        .init(word: "99999999999999999999999<<EOF", expected: HeredocWord(name: "EOF", fileDescriptor: UInt.max)),
        .init(word: "<<${X}", expected: HeredocWord(name: "${X}")),
        .init(word: "<<EOF<", expected: nil),
        .init(word: "<< ", expected: nil),
        .init(word: "x<<EOF", expected: nil),
        .init(word: "١<<EOF", expected: nil),
    ]

    @Test("parse reads the fd, <<-, the quoting and the name", arguments: cases)
    func parse(_ testCase: Case) throws {
        #expect(try HeredocWord.parse(testCase.word) == testCase.expected)
    }

    @Test("a name that lexes to different word counts with and without quotes is an error")
    func inconsistent() {
        let error = #expect(throws: ShellLexerError.self) { try HeredocWord.parse("<<'' a") }
        #expect(error == .inconsistentHeredocWord("'' a"))
        #expect(error?.description == "internal lexing of heredoc produced inconsistent results: '' a")
    }
}
