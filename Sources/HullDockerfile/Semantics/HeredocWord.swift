/// A heredoc marker such as `<<EOF`, `<<-'EOF'` or `3<< EOF`, read from one shell word the
/// way BuildKit's `ParseHeredoc` reads it.
///
/// The word must be `[digits]<<[-][white space]rest` with no `<` in `rest`; `rest` is then
/// lexed (escape token `\`, unset variables kept as written) and must be exactly one word,
/// which is the name. Any quoting in `rest` turns expansion of the body off.
public struct HeredocWord: Sendable, Hashable {
    /// The terminator, with quotes and escapes removed.
    public var name: String
    /// The file descriptor before `<<`, 0 when absent (saturating, like Go's `ParseUint`).
    public var fileDescriptor: UInt
    /// Whether variables in the body are expanded: false when any part of the name is quoted.
    public var expand: Bool
    /// Whether the marker is `<<-`, which strips leading tabs from the body.
    public var chomp: Bool

    /// A heredoc marker.
    public init(name: String, fileDescriptor: UInt = 0, expand: Bool = true, chomp: Bool = false) {
        self.name = name
        self.fileDescriptor = fileDescriptor
        self.expand = expand
        self.chomp = chomp
    }

    /// The heredoc that `word` opens, or nil when it is not a heredoc marker (including an
    /// empty name such as `<<''` and a name of several words such as `<<EOF sh`).
    ///
    /// Throws when the name does not lex (an unterminated quote: `<<'EOF`), or lexes to a
    /// different number of words with and without quotes kept (`<<'' a`).
    public static func parse(_ word: String) throws(ShellLexerError) -> HeredocWord? {
        let scalars = Array(word.unicodeScalars)
        var index = 0
        var fileDescriptor: UInt = 0
        while index < scalars.count, scalars[index].isASCII, ("0"..."9").contains(scalars[index]) {
            let digit = UInt(scalars[index].value - 0x30)
            let (shifted, overflow1) = fileDescriptor.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = shifted.addingReportingOverflow(digit)
            fileDescriptor = overflow1 || overflow2 ? UInt.max : sum
            index += 1
        }
        guard index + 2 <= scalars.count, scalars[index] == "<", scalars[index + 1] == "<" else { return nil }
        index += 2
        let chomp = index < scalars.count && scalars[index] == "-"
        if chomp { index += 1 }
        while index < scalars.count, isRegexSpace(scalars[index]) { index += 1 }
        let rest = scalars[index...]
        guard !rest.contains("<"), !rest.isEmpty else { return nil }
        let text = String(String.UnicodeScalarView(rest))

        var lexer = ShellLexer(escapeToken: .backslash)
        lexer.skipUnsetEnv = true
        let words = try lexer.processWords(text, environment: .empty)
        guard words.count == 1 else { return nil }
        lexer.rawQuotes = true
        let rawWords = try lexer.processWords(text, environment: .empty)
        guard rawWords.count == words.count else { throw .inconsistentHeredocWord(text) }
        return HeredocWord(
            name: words[0],
            fileDescriptor: fileDescriptor,
            expand: quoteCount(words[0]) == quoteCount(rawWords[0]),
            chomp: chomp
        )
    }

    /// Go's RE2 `\s`.
    private static func isRegexSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\u{0C}" || scalar == "\r"
    }

    private static func quoteCount(_ word: String) -> Int {
        word.unicodeScalars.reduce(0) { $0 + ($1 == "'" || $1 == "\"" ? 1 : 0) }
    }
}
