import Testing
@testable import HullContext

/// Single-pattern behaviour that follows from patternmatcher turning patterns into Go regular
/// expressions. Expected values were cross-checked against Go's `regexp` and `filepath.Match`.
@Suite("Ignore matcher: Go regular-expression quirks")
struct IgnoreMatcherTests {
    enum Outcome: Sendable, Equatable { case match, noMatch, failsWhenEvaluated, failsWhenBuilt }

    struct Case: Sendable, CustomTestStringConvertible {
        var pattern: [UInt8]
        var path: [UInt8]
        var outcome: Outcome
        var note: String
        init(_ pattern: String, _ path: String, _ outcome: Outcome, _ note: String) {
            self.init(Array(pattern.utf8), Array(path.utf8), outcome, note)
        }
        init(_ pattern: [UInt8], _ path: [UInt8], _ outcome: Outcome, _ note: String) {
            self.pattern = pattern
            self.path = path
            self.outcome = outcome
            self.note = note
        }
        var testDescription: String { "\(String(decoding: pattern, as: UTF8.self)) vs \(String(decoding: path, as: UTF8.self)): \(note)" }
    }

    static let cases: [Case] = [
        Case(#"a\db"#, "a5b", .match, "`\\d` is a digit class, not an escaped d"),
        Case(#"a\db"#, "adb", .noMatch, "`\\d` does not match the letter d"),
        Case(#"bin\Debug"#, "binXebug", .match, "Windows-style `bin\\Debug`: `\\D` is a non-digit"),
        Case(#"obj\x64"#, "objd", .match, "`\\x64` is the letter d"),
        Case(#"src\\test"#, #"src\test"#, .match, "an escaped backslash is a literal backslash"),
        Case(#"a\Q*b"#, "a*b", .noMatch, "`\\Q` quotes the generated expression text"),
        Case(#"a\Q*b"#, "a[^/]*b$", .match, "…so the literal expression text matches"),
        Case("[*]", "]", .match, "`[*]` becomes `[[^/]*]`: a class, a star, then `]`"),
        Case("[*]", "x", .noMatch, "…and never matches the star itself"),
        Case("[?]", "^]", .match, "`[?]` becomes `[[^/]]`"),
        Case("[[:alpha:]]", "q", .match, "POSIX classes work inside brackets"),
        Case("[[:alpha:]]", "1", .noMatch, "…and exclude what they should"),
        Case("[[:foo:]]", "a", .failsWhenEvaluated, "an unknown POSIX class fails when compiled"),
        Case(#"a\sb"#, "a b", .match, "`\\s` is white space"),
        Case(#"\bfoo"#, "foo", .match, "`\\b` is a word boundary"),
        Case(#"x\e"#, "x", .failsWhenEvaluated, "`\\e` is not a Go escape"),
        Case(#"x\m"#, "x", .failsWhenEvaluated, "`\\m` (as in `src\\main`) is not a Go escape"),
        Case(#"a\é"#, "a", .failsWhenEvaluated, "escaping a non-ASCII letter is an error"),
        Case(#"**\x"#, "ax", .failsWhenEvaluated, "`\\x` needs hex digits"),
        Case(#"\8"#, "8", .failsWhenEvaluated, "`\\8` would be a back-reference"),
        Case("a^b", "a^b", .match, "without wildcards the pattern is compared as text"),
        Case("a^b*", "a^bc", .noMatch, "with wildcards `^` anchors and nothing matches"),
        Case("[a^]b", "^b", .match, "inside a class `^` is literal"),
        Case(#"\pLx"#, "éx", .match, "`\\pL` is any letter"),
        Case(#"\PLx"#, "1x", .match, "`\\PL` is any non-letter"),
        Case(#"a\_b"#, "a_b", .match, "`\\_` is a literal underscore"),
        Case(#"a\ b"#, "a b", .match, "`\\ ` is a literal space"),
        Case("a.b", "axb", .noMatch, "`.` is escaped"),
        Case([0x3F, 0x2E, 0x74, 0x78, 0x74], [0xFF, 0x2E, 0x74, 0x78, 0x74], .match, "`?` matches one invalid byte"),
        Case(Array("??.txt".utf8), [0xC3, 0xFF, 0x2E, 0x74, 0x78, 0x74], .match, "each invalid byte is one rune"),
        Case("?.txt", "é.txt", .match, "`?` matches one multi-byte rune"),
        Case("*/", "a/b", .match, "`*/` is cleaned to `*`"),
        Case("[a-", "a", .failsWhenBuilt, "an unclosed class fails when the matcher is built"),
        Case(#"x*\"#, "x", .failsWhenBuilt, "a trailing backslash after a star fails too (the whole pattern is checked)"),
    ]

    @Test("single patterns behave as in BuildKit", arguments: cases)
    func single(_ testCase: Case) throws {
        let pattern = IgnorePattern(line: 1, rawBytes: testCase.pattern, isException: false,
                                    patternBytes: testCase.pattern, range: .init(start: 0, end: testCase.pattern.count))
        let matcher: IgnoreMatcher
        do {
            matcher = try IgnoreMatcher(patterns: [pattern])
        } catch {
            #expect(testCase.outcome == .failsWhenBuilt)
            guard case .invalidPattern(_, 1, _, false) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            return
        }
        do {
            let state = try matcher.evaluate(testCase.path, parent: nil)
            #expect(testCase.outcome == (state.isExcluded ? .match : .noMatch))
        } catch {
            #expect(testCase.outcome == .failsWhenEvaluated)
            guard case .invalidPattern(_, 1, _, true) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
        }
    }

    @Test("match types: literal patterns compare text, others compile to expressions")
    func regularExpressions() throws {
        let matcher = try IgnoreMatcher(ignoreFile: Array("foo/bar\nfoo**\n**/foo\n*.log\n**/x/**\n".utf8))
        #expect(matcher.regularExpression(forPatternAt: 0) == nil)
        #expect(matcher.regularExpression(forPatternAt: 1) == nil)
        #expect(matcher.regularExpression(forPatternAt: 2) == nil)
        #expect(matcher.regularExpression(forPatternAt: 3) == #"^[^/]*\.log$"#)
        #expect(matcher.regularExpression(forPatternAt: 4) == #"^(.*/)?x/.*$"#)
    }

    @Test("errors name the pattern, its line and the problem")
    func errorMessages() {
        #expect(throws: HullContextError.invalidPattern(pattern: "!", line: 3, problem: .loneExclamationMark, foundWhenEvaluated: false)) {
            try IgnoreMatcher(ignoreFile: Array("a\n# c\n!\n".utf8))
        }
        #expect(throws: HullContextError.invalidPattern(pattern: "!/", line: 1, problem: .loneExclamationMark, foundWhenEvaluated: false)) {
            // The matcher cleans `!/` to `!`; the error names the line's pattern.
            try IgnoreMatcher(ignoreFile: Array("!/\n".utf8))
        }
        let error = HullContextError.invalidPattern(pattern: "[Local-Only]", line: 2, problem: .invalidCharacterClassRange("l-O"), foundWhenEvaluated: true)
        #expect(error.description == "line 2: invalid .dockerignore pattern `[Local-Only]`: character class range `l-O` is out of order (found when the pattern was first evaluated)")
    }

    @Test("dropping invalid patterns keeps the rest working")
    func dropInvalid() throws {
        let matcher = try IgnoreMatcher(ignoreFile: Array("[\nnode_modules\n[Local-Only]\n".utf8), policy: .dropInvalid)
        #expect(matcher.patterns.map(\.pattern) == ["node_modules"])
        #expect(matcher.droppedPatterns.map(\.problem) == [.unclosedCharacterClass, .invalidCharacterClassRange("l-O")])
        #expect(try matcher.isExcluded("node_modules/x"))
    }

    @Test("verdicts report the deciding pattern, a pruned ancestor, and directories worth descending")
    func verdicts() throws {
        let matcher = try IgnoreMatcher(ignoreFile: Array("node_modules\ndocs\n!docs/README.md\n".utf8))
        let pruned = try matcher.verdict(for: "node_modules/a/b.js")
        #expect(pruned.isExcluded && pruned.prunedAncestor == "node_modules" && pruned.decidingPattern?.line == 1)
        let docs = try matcher.verdict(for: "docs/")
        #expect(docs.isExcluded && docs.mayContainIncludedEntries)
        #expect(try !matcher.isExcluded("./docs/README.md"))
        #expect(try !matcher.isExcluded("src/main.go"))
    }

    @Test("an empty ignore file excludes nothing")
    func empty() throws {
        let matcher = try IgnoreMatcher(ignoreFile: [])
        #expect(matcher.isEmpty)
        #expect(try !matcher.isExcluded("anything"))
    }
}
