import Testing
@testable import HullShell

@Suite("Words, quotes and expansions")
struct WordParsingTests {
    struct LiteralCase: Sendable, CustomTestStringConvertible {
        let text: String
        let literal: String?
        let isQuoted: Bool
        var testDescription: String { text }
    }

    @Test("static words give their value after quote removal; expansions give nil", arguments: [
        LiteralCase(text: "apt-get", literal: "apt-get", isQuoted: false),
        LiteralCase(text: "\"apt-get\"", literal: "apt-get", isQuoted: true),
        LiteralCase(text: "'-y'", literal: "-y", isQuoted: true),
        LiteralCase(text: "--no-cache", literal: "--no-cache", isQuoted: false),
        LiteralCase(text: "a\\ b", literal: "a b", isQuoted: true),
        LiteralCase(text: "\"a\\\"b\"", literal: "a\"b", isQuoted: true),
        LiteralCase(text: "\"a\\b\"", literal: "a\\b", isQuoted: true),
        LiteralCase(text: "'a\\b'", literal: "a\\b", isQuoted: true),
        LiteralCase(text: "$'a\\tb\\x41'", literal: "a\tbA", isQuoted: true),
        LiteralCase(text: "$\"locale\"", literal: "locale", isQuoted: true),
        LiteralCase(text: "pre\"mid\"'post'", literal: "premidpost", isQuoted: true),
        LiteralCase(text: "\\$HOME", literal: "$HOME", isQuoted: true),
        LiteralCase(text: "x=1", literal: "x=1", isQuoted: false),
        LiteralCase(text: "/var/lib/apt/lists/*", literal: "/var/lib/apt/lists/*", isQuoted: false),
        LiteralCase(text: "~/bin", literal: "~/bin", isQuoted: false),
        LiteralCase(text: "a$", literal: "a$", isQuoted: false),
        LiteralCase(text: "$VAR", literal: nil, isQuoted: false),
        LiteralCase(text: "${VAR:-x}", literal: nil, isQuoted: false),
        LiteralCase(text: "\"$HOME/bin\"", literal: nil, isQuoted: true),
        LiteralCase(text: "$(date)", literal: nil, isQuoted: false),
        LiteralCase(text: "`date`", literal: nil, isQuoted: false),
        LiteralCase(text: "$((1 + 2))", literal: nil, isQuoted: false),
        LiteralCase(text: "--prefix=$HOME", literal: nil, isQuoted: false),
    ])
    func literals(_ example: LiteralCase) {
        let script = parse("echo " + example.text)
        #expect(script.errors.isEmpty)
        let words = script.commands.first?.words ?? []
        #expect(words.count == 2)
        guard words.count == 2 else { return }
        #expect(words[1].literal == example.literal)
        #expect(words[1].isQuoted == example.isQuoted)
        #expect(words[1].raw == example.text)
        #expect(words[1].range == 5..<(5 + example.text.utf8.count))
    }

    @Test("unquoted pattern characters and tildes are flagged; quoted ones are not", arguments: [
        ("*.deb", true, false), ("'*.deb'", false, false), ("\"*\"", false, false), ("file[0-9]", true, false),
        ("a?b", true, false), ("~/x", false, true), ("\"~/x\"", false, false), ("a~b", false, false), ("[", false, false),
    ])
    func globsAndTildes(text: String, glob: Bool, tilde: Bool) {
        let word = firstWords("ls " + text)[1]
        #expect(word.hasUnquotedGlob == glob)
        #expect(word.hasTilde == tilde)
    }

    @Test("parameter expansions keep name, prefix, subscript, operator and argument")
    func parameterExpansions() throws {
        func expansion(_ text: String) throws -> ParameterExpansion {
            let word = try #require(firstWords("echo " + text).last)
            guard case .parameter(let expansion) = word.parts.first?.kind else {
                Issue.record("no parameter in \(text)")
                throw CancellationError()
            }
            return expansion
        }
        #expect(try expansion("$HOME").name == "HOME")
        #expect(try expansion("$HOME").isBraced == false)
        #expect(try expansion("$1").name == "1")
        #expect(try expansion("$@").name == "@")
        #expect(try expansion("$?").name == "?")
        #expect(try expansion("$$").name == "$")
        #expect(try expansion("${#}").name == "#")
        let length = try expansion("${#PATH}")
        #expect(length.prefix == "#" && length.name == "PATH")
        let fallback = try expansion("${VERSION:-1.0}")
        #expect(fallback.operator == ":-")
        #expect(fallback.argument.compactMap(\.value).joined() == "1.0")
        #expect(try expansion("${f##*/}").operator == "##")
        #expect(try expansion("${f%.tar.gz}").operator == "%")
        #expect(try expansion("${f//a/b}").operator == "//")
        #expect(try expansion("${arr[0]}").arraySubscript == "0")
        #expect(try expansion("${!prefix}").prefix == "!")
        let nested = try expansion("${A:-${B:-c d}}")
        guard case .parameter(let inner) = nested.argument.first?.kind else {
            Issue.record("nested expansion missing")
            return
        }
        #expect(inner.name == "B")
        #expect(inner.argument.compactMap(\.value).joined() == "c d")
    }

    @Test("a word made of several parts keeps them in order with their ranges")
    func partsInOrder() throws {
        let word = try #require(firstWords("echo pre'q'\"$X\"$(id)`id`${Y}").last)
        let kinds = word.parts.map { part -> String in
            switch part.kind {
            case .literal: "literal"
            case .singleQuoted: "single"
            case .doubleQuoted: "double"
            case .commandSubstitution(_, let backquoted): backquoted ? "backquote" : "substitution"
            case .parameter: "parameter"
            default: "other"
            }
        }
        #expect(kinds == ["literal", "single", "double", "substitution", "backquote", "parameter"])
        let ranges = word.parts.map(\.range)
        #expect(ranges == [5..<8, 8..<11, 11..<15, 15..<20, 20..<24, 24..<28])
        #expect(word.staticPrefix == "preq")
    }

    @Test("command substitutions are parsed as scripts, recursively")
    func substitutions() {
        let script = parse("echo $(curl -fsSL \"$(cat url.txt)\") `uname -m` <(sort a) \"${X:-$(id -u)}\"")
        #expect(script.errors.isEmpty)
        #expect(script.commands.map { $0.effectiveName ?? "?" } == ["echo", "curl", "cat", "uname", "sort", "id"])
        let curl = script.commands[1]
        #expect(curl.context.enclosures == [.commandSubstitution])
        #expect(script.commands[2].context.enclosures == [.commandSubstitution, .commandSubstitution])
        #expect(script.commands[4].context.enclosures == [.processSubstitution])
        #expect(curl.invocation?.has(option: "-L") == true)
    }

    @Test("arithmetic is opaque and `$( (…) )` is still a substitution")
    func arithmetic() {
        let word = firstWords("echo $(( (1 + 2) * 3 ))")[1]
        guard case .arithmetic(let expression) = word.parts.first?.kind else {
            Issue.record("expected arithmetic")
            return
        }
        #expect(expression == " (1 + 2) * 3 ")
        let script = parse("echo $( (cd /tmp && ls) )")
        #expect(script.errors.isEmpty)
        #expect(script.commands.map { $0.effectiveName ?? "?" } == ["echo", "cd", "ls"])
    }

    @Test("a static slice of a word maps to the bytes that spell it")
    func valueSlices() {
        let word = firstWords("echo 'curl'=7.*")[1]
        #expect(word.literal == "curl=7.*")
        #expect(word.localRange(ofValueBytes: 0..<4) == 6..<10)
        #expect(word.localRange(ofValueBytes: 5..<8) == 12..<15)
        let escaped = firstWords("echo a\\-b")[1]
        #expect(escaped.localRange(ofValueBytes: 1..<2) == 7..<8)
    }

    @Test("a `#` starts a comment only at the start of a word")
    func comments() {
        let script = parse("echo a#b # trailing comment\necho c")
        #expect(script.commands.count == 2)
        #expect(script.commands[0].words.map(\.raw) == ["echo", "a#b"])
        #expect(script.comments.count == 1)
        #expect(script.source.text(script.comments[0]) == "# trailing comment")
    }
}
