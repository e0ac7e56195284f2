import Testing
@testable import HullDockerfile

/// The lexer ends, without crashing, on arbitrary and on very large input.
@Suite("Shell lexer robustness")
struct ShellLexerRobustnessTests {
    /// A small deterministic generator (SplitMix64), so failures reproduce.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let alphabet: [String] = [
        "$", "{", "}", ":", "-", "+", "?", "#", "%", "/", "\\", "`", "'", "\"", " ", "\t", "\n",
        "*", "<", "=", "a", "A", "_", "0", "9", "é", "한", "\u{FEFF}", "\u{85}", "😀", "${", "${A", "A",
    ]

    @Test("random words over the lexer's special characters end with a result or an error under every option set")
    func fuzz() {
        var generator = Generator(state: 0x48756C6C)
        let environment: ShellEnvironment = ["A": "a*b\n?c", "a": "", "_": "$0 $$"]
        for iteration in 0..<3000 {
            let length = Int.random(in: 0...24, using: &generator)
            let word = (0..<length).map { _ in Self.alphabet.randomElement(using: &generator)! }.joined()
            var lexer = ShellLexer(escapeToken: iteration.isMultiple(of: 5) ? .backtick : .backslash)
            lexer.rawQuotes = iteration & 1 != 0
            lexer.rawEscapes = iteration & 2 != 0
            lexer.skipUnsetEnv = iteration & 4 != 0
            lexer.skipProcessQuotes = iteration & 8 != 0
            _ = try? lexer.processWord(word, environment: environment)
            _ = try? lexer.processWords(word, environment: environment)
            _ = try? lexer.processWordWithMatches(word, environment: environment)
            _ = try? HeredocWord.parse(word)
        }
    }

    @Test("large inputs are processed in reasonable time")
    func largeInputs() throws {
        let lexer = ShellLexer()
        let long = String(repeating: "ab ", count: 100_000)
        #expect(try lexer.processWord(long, environment: .empty).utf8.count == 300_000)
        #expect(try lexer.processWords(long, environment: .empty).count == 100_000)
        #expect(throws: ShellLexerError.self) { try lexer.processWord("'" + long, environment: .empty) }
        // `$$` is the special parameter `$`, unset in a Dockerfile.
        #expect(try lexer.processWord(String(repeating: "$", count: 100_001), environment: .empty) == "$")

        let value = String(repeating: "a", count: 100_000)
        let environment: ShellEnvironment = ["V": value]
        #expect(try lexer.processWord("${V//a/b}", environment: environment) == String(repeating: "b", count: 100_000))
        #expect(try lexer.processWord("${V#*a*a*a*a*z}", environment: environment) == value)
        #expect(try lexer.processWord("${V%%a*a*a*a*}", environment: environment) == "")
        #expect(try lexer.processWord("${V///-}", environment: environment).count == 200_001)
    }
}
