/// Why a ``ShellLexer`` could not expand a word.
///
/// The ``description`` is BuildKit's message for the same input, byte for byte:
/// `failed to process "he${PWD": syntax error: missing '}'`.
public enum ShellLexerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Processing `word` failed; `reason` says why.
    case failedToProcess(word: String, reason: Reason)
    /// A heredoc word's name lexed to a different number of words with and without quotes kept,
    /// so whether it is quoted cannot be decided (BuildKit's `ParseHeredoc` error).
    case inconsistentHeredocWord(String)

    /// The failure inside a word, worded as BuildKit words it.
    public enum Reason: Error, Sendable, Hashable, CustomStringConvertible {
        /// A `'` was never closed.
        case unterminatedSingleQuote
        /// A `"` was never closed.
        case unterminatedDoubleQuote
        /// A `${` was never closed.
        case missingClosingBrace
        /// A `${NAME/pattern` has no `/` before the end.
        case missingPatternSeparator
        /// `${}`, `${{…`, `${:…` and similar.
        case badSubstitution
        /// A modifier BuildKit does not support, as written (`=`, `:=`, `:#`); the end of the
        /// input shows as U+FFFD, as in BuildKit.
        case unsupportedModifier(String)
        /// `${NAME?message}` or `${NAME:?message}` with `NAME` unset.
        case unsetParameter(name: String, message: String)
        /// `${NAME:?message}` with `NAME` set to the empty string.
        case emptyParameter(name: String, message: String)
        /// A `#`, `%` or `/` pattern that does not compile; `pattern` is the text BuildKit
        /// compiled (reversed for `%`), `detail` the compiler's complaint.
        case invalidPattern(pattern: String, detail: String)
        /// `${…}` nested deeper than ``ShellLexer/maximumNesting``. Hull's own limit: BuildKit
        /// has none, so this message is not BuildKit's.
        case nestingTooDeep(limit: Int)

        /// BuildKit's message for this failure, without the `failed to process` prefix.
        public var description: String {
            switch self {
            case .unterminatedSingleQuote: "unexpected end of statement while looking for matching single-quote"
            case .unterminatedDoubleQuote: "unexpected end of statement while looking for matching double-quote"
            case .missingClosingBrace: "syntax error: missing '}'"
            case .missingPatternSeparator: "syntax error: missing '/' in ${}"
            case .badSubstitution: "syntax error: bad substitution"
            case .unsupportedModifier(let modifier): "unsupported modifier (\(modifier)) in substitution"
            case .unsetParameter(let name, let message), .emptyParameter(let name, let message): "\(name): \(message)"
            case .invalidPattern(let pattern, let detail): "invalid pattern (\(pattern)) in substitution: \(detail)"
            case .nestingTooDeep(let limit): "syntax error: substitutions nested more than \(limit) deep"
            }
        }
    }

    /// The input that failed.
    public var word: String {
        switch self {
        case .failedToProcess(let word, _), .inconsistentHeredocWord(let word): word
        }
    }

    /// The failure inside the word, when the lexer itself failed.
    public var reason: Reason? {
        if case .failedToProcess(_, let reason) = self { return reason }
        return nil
    }

    /// BuildKit's full message.
    public var description: String {
        switch self {
        case .failedToProcess(let word, let reason):
            "failed to process \(GoQuote.quote(word)): \(reason)"
        case .inconsistentHeredocWord(let word):
            "internal lexing of heredoc produced inconsistent results: \(word)"
        }
    }
}
