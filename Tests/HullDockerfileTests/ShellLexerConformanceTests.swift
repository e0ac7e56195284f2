import Foundation
import HullTestSupport
import Testing
@testable import HullDockerfile

/// BuildKit's own lexer vectors and the derived BuildKit-HEAD facts, read from
/// `shared/conformance` at run time (FORMATS.md §2 and §3).
@Suite("Shell lexer conformance with BuildKit", .enabled(if: SharedData.isAvailable, Comment(rawValue: SharedData.missingMessage)))
struct ShellLexerConformanceTests {
    @Test("the conformance files are present and hold the documented number of vectors")
    func inventory() throws {
        #expect(try EnvVarVector.load().count == 228)
        #expect(try WordsVector.load().count == 24)
        #expect(try MatchesCase.load().count == 56)
        let heredocs = try HeredocFacts.load()
        #expect(heredocs.words.count == 26)
        #expect(heredocs.lines.count == 11)
    }

    @Test("envVarTest: processWord gives BuildKit's result or fails where BuildKit fails", arguments: EnvVarVector.all)
    func envVar(_ vector: EnvVarVector) throws {
        let lexer = ShellLexer()
        let environment = ShellEnvironment(assignments: ["PWD=/home", "SHELL=bash", "KOREAN=한국어", "NULL="])
        let outcome = Result { () throws(ShellLexerError) in try lexer.processWord(vector.input, environment: environment) }
        if vector.expected == "error" {
            #expect(throws: ShellLexerError.self, "line \(vector.line): \(vector.input)") { try outcome.get() }
        } else {
            #expect(try outcome.get() == vector.expected, "line \(vector.line): \(vector.input)")
        }
    }

    @Test("wordsTest: processWords splits like BuildKit", arguments: WordsVector.all)
    func words(_ vector: WordsVector) {
        let lexer = ShellLexer()
        let words = (try? lexer.processWords(vector.input, environment: ShellEnvironment(assignments: vector.environment))) ?? ["error"]
        #expect(words == vector.expected, "line \(vector.line): \(vector.input)")
    }

    @Test("shell_matches.json: processWordWithMatches reports the result and the matched and unmatched names", arguments: MatchesCase.all)
    func matches(_ testCase: MatchesCase) throws {
        let lexer = ShellLexer()
        let environment = ShellEnvironment(testCase.env)
        let expected = testCase.expected
        if expected.error == true {
            let error = #expect(throws: ShellLexerError.self) { try lexer.processWordWithMatches(testCase.input, environment: environment) }
            if let fragment = expected.errorContains {
                #expect(error?.description.contains(fragment) == true, "\(error?.description ?? "no error")")
            }
        } else {
            let expansion = try lexer.processWordWithMatches(testCase.input, environment: environment)
            #expect(expansion.result == expected.result)
            #expect(expansion.matched == Set(expected.matched ?? []))
            #expect(expansion.unmatched == Set(expected.unmatched ?? []))
        }
    }

    @Test("heredocs.json words: HeredocWord.parse gives the name, fd, expand and chomp, nil or an error", arguments: HeredocFacts.all.words)
    func heredocWord(_ fact: HeredocFacts.Word) throws {
        let outcome = Result { () throws(ShellLexerError) in try HeredocWord.parse(fact.word) }
        switch fact.expected {
        case .error:
            #expect(throws: ShellLexerError.self, "\(fact.word)") { try outcome.get() }
        case .none:
            #expect(try outcome.get() == nil, "\(fact.word)")
        case .heredoc(let name, let fd, let expand, let chomp):
            #expect(try outcome.get() == HeredocWord(name: name, fileDescriptor: fd, expand: expand, chomp: chomp), "\(fact.word)")
        }
    }

    @Test("heredocs.json lines: raw word splitting of an instruction line finds BuildKit's heredoc names", arguments: HeredocFacts.all.lines)
    func heredocLine(_ fact: HeredocFacts.Line) throws {
        var lexer = ShellLexer()
        lexer.rawQuotes = true
        lexer.rawEscapes = true
        lexer.skipUnsetEnv = true
        let words = try lexer.processWords(fact.line, environment: .empty)
        let names = try words.compactMap { word throws(ShellLexerError) in try HeredocWord.parse(word)?.name }
        #expect(names == fact.heredocNames, "\(fact.line) → \(words)")
    }
}

// MARK: - Vector files

/// Reads a file under the conformance folder as UTF-8 lines, the way Go's `bufio.Scanner`
/// splits them (a `\r` before `\n` is dropped, a final newline ends the last line).
private func conformanceLines(_ relativePath: String) throws -> [Substring] {
    guard let root = SharedData.conformance else { throw SharedDataError.missing(SharedData.missingMessage) }
    let bytes = [UInt8](try Data(contentsOf: root.appendingPathComponent(relativePath)))
    var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
    if lines.last?.isEmpty == true { lines.removeLast() }
    return lines.map { line in
        Substring(String(decoding: line.last == 0x0D ? line.dropLast() : line, as: UTF8.self))
    }
}

private func conformanceJSON<T: Decodable>(_ relativePath: String, as type: T.Type) throws -> T {
    guard let root = SharedData.conformance else { throw SharedDataError.missing(SharedData.missingMessage) }
    return try JSONDecoder().decode(T.self, from: Data(contentsOf: root.appendingPathComponent(relativePath)))
}

/// Go's `strings.TrimSpace`.
private func goTrimmed<S: StringProtocol>(_ text: S) -> String {
    let scalars = Array(text.unicodeScalars)
    guard let first = scalars.firstIndex(where: { !ShellLexer.Expander.isSpace($0) }),
          let last = scalars.lastIndex(where: { !ShellLexer.Expander.isSpace($0) }) else { return "" }
    return String(String.UnicodeScalarView(scalars[first...last]))
}

/// One `envVarTest` vector that applies on Linux (platform `A` or `U`).
struct EnvVarVector: Sendable, CustomTestStringConvertible {
    var line: Int
    var input: String
    var expected: String

    var testDescription: String { "line \(line): \(input)" }

    static let all: [EnvVarVector] = (try? load()) ?? []

    static func load() throws -> [EnvVarVector] {
        var vectors: [EnvVarVector] = []
        for (offset, raw) in try conformanceLines("buildkit/frontend/dockerfile/shell/envVarTest").enumerated() {
            if raw.hasPrefix("#") { continue }
            let line = goTrimmed(raw)
            if line.isEmpty { continue }
            let fields = line.split(separator: "|", omittingEmptySubsequences: false).map(goTrimmed)
            guard fields.count == 3 else { throw VectorError(line: offset + 1, text: String(raw)) }
            switch fields[0] {
            case "A", "U": vectors.append(EnvVarVector(line: offset + 1, input: fields[1], expected: fields[2]))
            case "W": continue
            default: throw VectorError(line: offset + 1, text: String(raw))
            }
        }
        return vectors
    }
}

/// One `wordsTest` vector with the environment accumulated from the `ENV` lines above it.
struct WordsVector: Sendable, CustomTestStringConvertible {
    var line: Int
    var input: String
    var environment: [String]
    var expected: [String]

    var testDescription: String { "line \(line): \(input)" }

    static let all: [WordsVector] = (try? load()) ?? []

    static func load() throws -> [WordsVector] {
        var vectors: [WordsVector] = []
        var environment: [String] = []
        for (offset, line) in try conformanceLines("buildkit/frontend/dockerfile/shell/wordsTest").enumerated() {
            if line.hasPrefix("#") { continue }
            if line.hasPrefix("ENV ") {
                environment.append(String(line.dropFirst(3).drop { $0 == " " }))
                continue
            }
            let fields = line.split(separator: "|", omittingEmptySubsequences: false)
            guard fields.count == 2 else { throw VectorError(line: offset + 1, text: String(line)) }
            let expected = fields[1].drop { $0 == " " }.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            vectors.append(WordsVector(line: offset + 1, input: goTrimmed(fields[0]), environment: environment, expected: expected))
        }
        return vectors
    }
}

/// A malformed line in a vector file.
struct VectorError: Error, CustomStringConvertible {
    var line: Int
    var text: String
    var description: String { "malformed vector at line \(line): \(text)" }
}

/// One case of `shell_matches.json`.
struct MatchesCase: Sendable, Decodable, CustomTestStringConvertible {
    struct Expected: Sendable, Decodable {
        var result: String?
        var matched: [String]?
        var unmatched: [String]?
        var error: Bool?
        var errorContains: String?

        enum CodingKeys: String, CodingKey {
            case result, matched, unmatched, error
            case errorContains = "error_contains"
        }
    }

    var input: String
    var env: [String: String]
    var expected: Expected

    var testDescription: String { "\(input) with \(env.sorted { $0.key < $1.key })" }

    static let all: [MatchesCase] = (try? load()) ?? []

    static func load() throws -> [MatchesCase] {
        struct File: Decodable { var cases: [MatchesCase] }
        return try conformanceJSON("buildkit-derived/shell_matches.json", as: File.self).cases
    }
}

/// The `words` and `lines` facts of `heredocs.json`.
struct HeredocFacts: Sendable, Decodable {
    struct Word: Sendable, Decodable, CustomTestStringConvertible {
        var word: String
        var expected: Expectation
        var testDescription: String { word.isEmpty ? "(empty)" : word }
    }

    enum Expectation: Sendable, Decodable {
        case heredoc(name: String, fd: UInt, expand: Bool, chomp: Bool)
        case none
        case error

        private struct Fields: Decodable {
            var name: String
            var fd: UInt
            var expand: Bool
            var chomp: Bool
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .none
            } else if let text = try? container.decode(String.self), text == "error" {
                self = .error
            } else {
                let fields = try container.decode(Fields.self)
                self = .heredoc(name: fields.name, fd: fields.fd, expand: fields.expand, chomp: fields.chomp)
            }
        }
    }

    struct Line: Sendable, Decodable, CustomTestStringConvertible {
        var line: String
        var heredocNames: [String]
        var testDescription: String { line }

        enum CodingKeys: String, CodingKey {
            case line
            case heredocNames = "heredoc_names"
        }
    }

    var words: [Word]
    var lines: [Line]

    static let all: HeredocFacts = (try? load()) ?? HeredocFacts(words: [], lines: [])

    static func load() throws -> HeredocFacts {
        try conformanceJSON("buildkit-derived/heredocs.json", as: HeredocFacts.self)
    }
}
