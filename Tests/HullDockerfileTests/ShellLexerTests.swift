import Testing
@testable import HullDockerfile

/// Hand-written cases for behaviour the upstream vectors do not pin down. Expected values
/// follow BuildKit's lexer and Go's `regexp` (leftmost-first, `.` not matching `\n`).
@Suite("Shell lexer")
struct ShellLexerTests {
    struct Expansion: Sendable, CustomTestStringConvertible {
        var input: String
        var environment: [String: String] = [:]
        var expected: String
        var testDescription: String { input }
    }

    static let patterns: [Expansion] = [
        .init(input: "${FOO#*b}", environment: ["FOO": "abcabc"], expected: "cabc"),
        .init(input: "${FOO##*b}", environment: ["FOO": "abcabc"], expected: "c"),
        .init(input: "${FOO%b*}", environment: ["FOO": "abcabc"], expected: "abca"),
        .init(input: "${FOO%%b*}", environment: ["FOO": "abcabc"], expected: "a"),
        .init(input: "${FOO#?}", environment: ["FOO": "한국어"], expected: "국어"),
        .init(input: "${FOO%?}", environment: ["FOO": "한국어"], expected: "한국"),
        .init(input: "${FOO##*}", environment: ["FOO": "a\nb"], expected: "\nb"),
        .init(input: "${FOO%%*}", environment: ["FOO": "a\nb"], expected: "a\n"),
        .init(input: "${FOO//?/x}", environment: ["FOO": "a\nb"], expected: "x\nx"),
        .init(input: "${FOO#\u{FEFF}a}", environment: ["FOO": "abc"], expected: "bc"),
        .init(input: "${FOO#x}", environment: [:], expected: ""),
        .init(input: "${FOO///-}", environment: ["FOO": "abc"], expected: "-a-b-c-"),
        .init(input: "${FOO//*/-}", environment: ["FOO": "abc"], expected: "-"),
        .init(input: "${FOO/*/-}", environment: ["FOO": "abc"], expected: "-"),
        .init(input: "${FOO/b*/-}", environment: ["FOO": "abcb\nbc"], expected: "a-\nbc"),
        .init(input: "${FOO//b/$REP}", environment: ["FOO": "abc", "REP": "<$0>"], expected: "a<b>c"),
        .init(input: "${FOO/b/$REP}", environment: ["FOO": "abc", "REP": "<$0>"], expected: "a<$0>c"),
        .init(input: "${FOO//b/$REP}", environment: ["FOO": "abc", "REP": "$$"], expected: "a$c"),
        .init(input: "${FOO//b/$REP}", environment: ["FOO": "abc", "REP": "${0}"], expected: "abc"),
        .init(input: "${FOO//b/$REP}", environment: ["FOO": "abc", "REP": "$1x"], expected: "ac"),
        .init(input: "${FOO//b/$REP}", environment: ["FOO": "abc", "REP": "$-"], expected: "a$-c"),
        .init(input: "${FOO//b/$REP}", environment: ["FOO": "abc", "REP": "${0"], expected: "a${0c"),
    ]

    @Test("wildcard patterns follow Go's leftmost-first matching, and // expands $0 and $$", arguments: patterns)
    func pattern(_ testCase: Expansion) throws {
        let result = try ShellLexer().processWord(testCase.input, environment: ShellEnvironment(testCase.environment))
        #expect(result == testCase.expected)
    }

    static let oddities: [Expansion] = [
        .init(input: "\u{FEFF}abc", expected: "abc"),
        .init(input: "a\u{FEFF}", expected: "a\u{FEFF}"),
        .init(input: "$", expected: "$"),
        .init(input: "a$ b", expected: "a$ b"),
        .init(input: "${#}x${@:-y}", expected: "xy"),
        .init(input: "$١٢x", expected: "x"),
        .init(input: "$é", environment: ["é": "e"], expected: "e"),
        .init(input: "\"a\\b\"", expected: "a\\b"),
        .init(input: "\"a\\\\b\"", expected: "a\\b"),
        .init(input: "a\\", expected: "a"),
        .init(input: "${A:-${B:-${C:-deep}}}", expected: "deep"),
        .init(input: "${A:-\\}}", expected: "}"),
        .init(input: "${A:-'}'}", expected: "}"),
        .init(input: "${A:-\"x y\"}", expected: "x y"),
    ]

    @Test("edge cases of names, escapes, byte order marks and nesting", arguments: oddities)
    func oddity(_ testCase: Expansion) throws {
        #expect(try ShellLexer().processWord(testCase.input, environment: ShellEnvironment(testCase.environment)) == testCase.expected)
    }

    struct Failure: Sendable, CustomTestStringConvertible {
        var input: String
        var environment: [String: String] = [:]
        var message: String
        var testDescription: String { input }
    }

    static let failures: [Failure] = [
        .init(input: "${aaa", message: "failed to process \"${aaa\": unsupported modifier (\u{FFFD}) in substitution"),
        .init(input: "${a\t", message: "failed to process \"${a\\t\": unsupported modifier (\t) in substitution"),
        .init(input: "${a:", message: "failed to process \"${a:\": syntax error: missing '}'"),
        .init(input: "${a:-'x}", message: "failed to process \"${a:-'x}\": syntax error: missing '}'"),
        .init(input: "${a:-${b:?x}", message: "failed to process \"${a:-${b:?x}\": syntax error: missing '}'"),
        .init(input: "${a:-${b:?x}}", message: "failed to process \"${a:-${b:?x}}\": b: x"),
        .init(input: "${b?}", message: "failed to process \"${b?}\": b: is not allowed to be unset"),
        .init(input: "${N:?}", environment: ["N": ""], message: "failed to process \"${N:?}\": N: is not allowed to be empty"),
        .init(input: "${FOO:#x}", message: "failed to process \"${FOO:#x}\": unsupported modifier (:#) in substitution"),
        .init(input: "${v=x}", message: "failed to process \"${v=x}\": unsupported modifier (=) in substitution"),
        .init(input: "${v:=x}", message: "failed to process \"${v:=x}\": unsupported modifier (:=) in substitution"),
        .init(input: "${a:}b}", message: "failed to process \"${a:}b}\": unsupported modifier (:}) in substitution"),
        .init(input: "${a/b", message: "failed to process \"${a/b\": syntax error: missing '/' in ${}"),
        .init(input: "${a/b/c", message: "failed to process \"${a/b/c\": syntax error: missing '}'"),
        .init(input: "${}", message: "failed to process \"${}\": syntax error: bad substitution"),
        .init(input: "${", message: "failed to process \"${\": syntax error: missing '}'"),
        .init(input: "he'llo", message: "failed to process \"he'llo\": unexpected end of statement while looking for matching single-quote"),
        .init(input: "\"a\u{A0}", message: "failed to process \"\\\"a\\u00a0\": unexpected end of statement while looking for matching double-quote"),
        .init(input: "${FOO#\\q}", environment: ["FOO": "x"],
              message: "failed to process \"${FOO#\\\\q}\": invalid pattern (\\q) in substitution: invalid escape '\\q'"),
        .init(input: "${FOO%ab\\q}", environment: ["FOO": "x"],
              message: "failed to process \"${FOO%ab\\\\q}\": invalid pattern (\\qba) in substitution: invalid escape '\\q'"),
        .init(input: "${FOO#$BAR}", environment: ["FOO": "x", "BAR": "\\"],
              message: "failed to process \"${FOO#$BAR}\": invalid pattern (\\) in substitution: invalid escape '\\\u{FFFD}'"),
    ]

    @Test("failures carry BuildKit's message", arguments: failures)
    func failure(_ testCase: Failure) {
        let error = #expect(throws: ShellLexerError.self) {
            try ShellLexer().processWord(testCase.input, environment: ShellEnvironment(testCase.environment))
        }
        #expect(error?.description == testCase.message)
        #expect(error?.word == testCase.input)
    }

    @Test("nesting is capped at maximumNesting with a typed error")
    func nestingCap() throws {
        func nested(_ depth: Int) -> String {
            String(repeating: "${A:-", count: depth) + "x" + String(repeating: "}", count: depth)
        }
        #expect(try ShellLexer().processWord(nested(ShellLexer.maximumNesting), environment: .empty) == "x")
        let error = #expect(throws: ShellLexerError.self) {
            try ShellLexer().processWord(nested(ShellLexer.maximumNesting + 1), environment: .empty)
        }
        #expect(error?.reason == .nestingTooDeep(limit: ShellLexer.maximumNesting))
    }

    @Test("RawQuotes and RawEscapes keep quotes and escape tokens; a raw escape before an ordinary character doubles in double quotes")
    func rawOptions() throws {
        var lexer = ShellLexer()
        lexer.rawQuotes = true
        #expect(try lexer.processWord("a'b c'\"d\"", environment: .empty) == "a'b c'\"d\"")
        lexer = ShellLexer()
        lexer.rawEscapes = true
        #expect(try lexer.processWord("a\\ b", environment: .empty) == "a\\ b")
        #expect(try lexer.processWord("\"a\\b\"", environment: .empty) == "a\\\\b")
        #expect(try lexer.processWord("\"a\\$b\"", environment: .empty) == "a\\$b")
        #expect(try lexer.processWord("a\\", environment: .empty) == "a\\")
    }

    @Test("SkipUnsetEnv writes unset references back, with one slash for //")
    func skipUnsetEnv() throws {
        var lexer = ShellLexer()
        lexer.skipUnsetEnv = true
        let text = "$X ${X} ${X:-d} ${X//a/b} ${X##p} ${Y:-d}"
        #expect(try lexer.processWord(text, environment: ["Y": ""]) == "$X ${X} ${X:-d} ${X/a/b} ${X##p} d")
    }

    @Test("SkipProcessQuotes treats quotes as ordinary characters")
    func skipProcessQuotes() throws {
        var lexer = ShellLexer()
        lexer.skipProcessQuotes = true
        #expect(try lexer.processWord("'$FOO' \"x", environment: ["FOO": "v"]) == "'v' \"x")
    }

    @Test("the backtick escape token escapes like the backslash, which becomes literal")
    func backtick() throws {
        let lexer = ShellLexer(escapeToken: .backtick)
        #expect(try lexer.processWord("a`$b c\\d", environment: .empty) == "a$b c\\d")
        #expect(try lexer.processWord("\"x``y`z`\"\"", environment: .empty) == "x`y`z\"")
    }

    @Test("processWordWithMatches records names referenced in nested words and patterns")
    func matchesInNestedWords() throws {
        let expansion = try ShellLexer().processWordWithMatches("${A:-$B}${C#$D}${E/$F/$G}", environment: ["B": "b", "C": "", "F": "x"])
        #expect(expansion.result == "b")
        #expect(expansion.matched == ["B", "C", "F"])
        #expect(expansion.unmatched == ["A", "D", "E", "G"])
    }

    @Test("the environment keeps the last assignment and is case-sensitive")
    func environment() {
        let environment = ShellEnvironment(assignments: ["A=1", "B", "A=2", "a=3", "C=x=y"])
        #expect(environment["A"] == "2")
        #expect(environment["a"] == "3")
        #expect(environment["B"] == "")
        #expect(environment["C"] == "x=y")
        #expect(environment["D"] == nil)
        #expect(environment.names == ["A", "B", "a", "C"])
        #expect(environment == ShellEnvironment(["C": "x=y", "B": "", "a": "3", "A": "2"]))
    }
}
