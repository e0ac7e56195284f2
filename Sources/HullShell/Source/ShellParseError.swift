import HullCore

/// A syntax problem found while parsing shell text.
///
/// Parsing never fails as a whole: a ``ShellScript`` holds everything that could be parsed
/// plus these diagnostics. Each carries the range it concerns, both local to the source it was
/// found in and mapped into the Dockerfile.
public struct ShellParseError: Error, Hashable, Sendable {
    /// What went wrong.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// A `'` without its closing quote.
        case unterminatedSingleQuote
        /// A `"` without its closing quote.
        case unterminatedDoubleQuote
        /// A `` ` `` without its closing backquote.
        case unterminatedBackquote
        /// A `$(` without its closing parenthesis.
        case unterminatedCommandSubstitution
        /// A `${` without its closing brace.
        case unterminatedParameterExpansion
        /// A `$((` or `((` without its closing `))`.
        case unterminatedArithmetic
        /// A here-document whose delimiter line never came.
        case unterminatedHereDocument
        /// A compound command missing its closing keyword or parenthesis.
        case missingTerminator
        /// A token that cannot appear where it does.
        case unexpectedToken
        /// A redirection operator without its target word.
        case missingRedirectionTarget
        /// Nesting deeper than ``ShellParseOptions/maximumDepth``; the rest was not parsed.
        case nestingTooDeep
    }

    /// What went wrong.
    public let kind: Kind
    /// A sentence fragment describing the problem, with shell tokens in backticks.
    public let message: String
    /// The range concerned, local to ``ShellSource`` the error was found in.
    public let range: Range<Int>
    /// The range concerned in the Dockerfile.
    public let fileRange: TextRange
    /// Whether the error was found in a nested script such as the argument of `sh -c`, in which
    /// case ``range`` is local to that script's source rather than the outer one.
    public let isInNestedScript: Bool

    /// Creates an error.
    public init(kind: Kind, message: String, range: Range<Int>, fileRange: TextRange, isInNestedScript: Bool = false) {
        self.kind = kind
        self.message = message
        self.range = range
        self.fileRange = fileRange
        self.isInNestedScript = isInNestedScript
    }

    /// The same error marked as coming from a nested script.
    func nested() -> ShellParseError {
        ShellParseError(kind: kind, message: message, range: range, fileRange: fileRange, isInNestedScript: true)
    }
}

// MARK: - CustomStringConvertible

extension ShellParseError: CustomStringConvertible {
    /// The file range and the message.
    public var description: String { "\(fileRange): \(message)" }
}
