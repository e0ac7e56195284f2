import HullCore

/// The body of a here-document (`<<EOF … EOF`).
public struct HereDocument: Sendable {
    /// The delimiter after quote removal (`EOF` for `<<'EOF'`).
    public let delimiter: String
    /// Whether any part of the delimiter was quoted, which turns off expansion in the body.
    public let isDelimiterQuoted: Bool
    /// Whether leading tabs are stripped (`<<-`).
    public let stripsTabs: Bool
    /// The local range of the body, from the line after the operator up to the delimiter line.
    public let bodyRange: Range<Int>
    /// The file range of the body.
    public let bodyFileRange: TextRange
    /// The body text as written.
    public let body: String
    /// The body's expansions and literal runs when the delimiter is unquoted; empty otherwise.
    public internal(set) var parts: [WordPart]
    /// Whether the closing delimiter line was found.
    public let isTerminated: Bool

    init(delimiter: String, isDelimiterQuoted: Bool, stripsTabs: Bool, bodyRange: Range<Int>, body: String, parts: [WordPart], isTerminated: Bool, source: ShellSource) {
        self.delimiter = delimiter
        self.isDelimiterQuoted = isDelimiterQuoted
        self.stripsTabs = stripsTabs
        self.bodyRange = bodyRange
        self.bodyFileRange = source.fileRange(bodyRange)
        self.body = body
        self.parts = parts
        self.isTerminated = isTerminated
    }
}
