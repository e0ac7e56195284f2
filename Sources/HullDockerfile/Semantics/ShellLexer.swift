/// BuildKit's shell-word lexer: the variable expansion and quote removal that Dockerfile
/// instructions such as `ENV`, `COPY`, `WORKDIR` and `EXPOSE` apply to their arguments.
///
/// It reproduces `frontend/dockerfile/shell` of BuildKit (pinned commit `73ed6825`):
/// - `$NAME` and `${NAME}`; names are letters, digits and `_`, or a run of digits
///   (`$1`, `$001`), or one special parameter (`$@ $* $# $? $- $$ $! $0`), all unset in a
///   Dockerfile;
/// - `${NAME-word}` `${NAME:-word}` `${NAME+word}` `${NAME:+word}` `${NAME?word}`
///   `${NAME:?word}`, where the colon forms treat an empty value as unset;
/// - `${NAME#pattern}` `${NAME##pattern}` `${NAME%pattern}` `${NAME%%pattern}`
///   `${NAME/pattern/replacement}` `${NAME//pattern/replacement}` with `*` and `?` wildcards
///   that, as in BuildKit, do not match a line feed;
/// - single quotes (literal), double quotes (expansion, and the escape token escapes only
///   `"`, `$` and itself), and the escape token (`\` or `` ` ``) outside quotes;
/// - BuildKit's error messages, e.g. `syntax error: bad substitution` for `${}`.
///
/// Word splitting (``processWords(_:environment:)``) splits unquoted text and unquoted
/// expansions on white space; whitespace directly after `<<` stays in the word, so the
/// heredoc marker `<< EOF` is one word.
///
/// The lexer works on Unicode scalars (Go's runes), never loops or recurses without
/// consuming input, keeps pattern matching linear in the value for each match attempt, and
/// rejects `${…}` nested deeper than ``maximumNesting`` (the one place it parts from BuildKit).
public struct ShellLexer: Sendable, Hashable {
    /// The character that escapes the next one, from the Dockerfile's `# escape=` directive.
    public var escapeToken: EscapeToken
    /// Keep quote characters in the output instead of removing them (BuildKit `RawQuotes`).
    public var rawQuotes: Bool
    /// Keep escape tokens in the output instead of removing them (BuildKit `RawEscapes`).
    public var rawEscapes: Bool
    /// Leave references to unset variables as written, `$NAME` or `${NAME…}`, instead of
    /// expanding them (BuildKit `SkipUnsetEnv`).
    public var skipUnsetEnv: Bool
    /// Treat quotes as ordinary characters (BuildKit `SkipProcessQuotes`).
    public var skipProcessQuotes: Bool

    /// How deeply `${…}` may nest, as in `${A:-${B:-x}}` (depth 2). BuildKit has no limit;
    /// Hull stops here, far beyond any real Dockerfile, so that hostile input cannot exhaust
    /// the stack, and reports ``ShellLexerError/Reason/nestingTooDeep(limit:)``.
    public static let maximumNesting = 64

    /// A lexer with BuildKit's defaults: every option off.
    public init(escapeToken: EscapeToken = .backslash) {
        self.escapeToken = escapeToken
        rawQuotes = false
        rawEscapes = false
        skipUnsetEnv = false
        skipProcessQuotes = false
    }

    /// One word: quotes removed, variables expanded, no field splitting.
    public func processWord(_ word: String, environment: ShellEnvironment) throws(ShellLexerError) -> String {
        try run(word, environment: environment, tracksMatches: false, splitsWords: false).result
    }

    /// Words: like a shell, unquoted text and unquoted expansions are field-split on white
    /// space, quoted text never is, and empty words are dropped.
    public func processWords(_ text: String, environment: ShellEnvironment) throws(ShellLexerError) -> [String] {
        try run(text, environment: environment, tracksMatches: false, splitsWords: true).words
    }

    /// ``processWord(_:environment:)`` plus which referenced variables were set (matched,
    /// even if empty) and which were not (unmatched).
    public func processWordWithMatches(_ word: String, environment: ShellEnvironment) throws(ShellLexerError) -> ShellExpansion {
        let run = try run(word, environment: environment, tracksMatches: true, splitsWords: false)
        return ShellExpansion(result: run.result, matched: run.matched, unmatched: run.unmatched)
    }

    private func run(
        _ input: String, environment: ShellEnvironment, tracksMatches: Bool, splitsWords: Bool
    ) throws(ShellLexerError) -> (result: String, words: [String], matched: Set<String>, unmatched: Set<String>) {
        // Most words have nothing to expand, unquote or unescape: they come back unchanged, and
        // decoding them into scalars would be most of the cost.
        if !splitsWords && isLiteral(input) { return (input, [], [], []) }
        var expander = Expander(lexer: self, input: input, environment: environment, tracksMatches: tracksMatches)
        var splitter: WordSplitter? = splitsWords ? WordSplitter() : nil
        do throws(ShellLexerError.Reason) {
            let result = try expander.expand(until: nil, rawEscapes: rawEscapes, words: &splitter) ?? ""
            return (result, splitter?.finish() ?? [], expander.matched, expander.unmatched)
        } catch {
            throw .failedToProcess(word: input, reason: error)
        }
    }

    /// Whether `input` holds no `$`, no quote and no escape token, and does not start with a
    /// byte order mark (which the expander drops), so that expanding it returns it unchanged.
    private func isLiteral(_ input: String) -> Bool {
        if input.utf8.starts(with: [0xEF, 0xBB, 0xBF]) { return false }
        let escape = escapeToken.rawValue
        return !input.utf8.contains { byte in
            byte == UInt8(ascii: "$") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") || byte == escape
        }
    }
}
