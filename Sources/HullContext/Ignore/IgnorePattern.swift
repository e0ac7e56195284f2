import HullCore

/// One pattern line of a `.dockerignore` file after BuildKit's `ignorefile.ReadAll`.
///
/// Bytes are canonical (a pattern may hold bytes that are not UTF-8, and BuildKit compares
/// bytes); the `String` properties are for display and decode invalid bytes as U+FFFD.
public struct IgnorePattern: Hashable, Sendable {
    /// The 1-based line number in the ignore file.
    public var line: Int
    /// The line as written, without its line terminator (and without a BOM on line 1).
    public var rawBytes: [UInt8]
    /// Whether the line starts with `!`: an exception that re-includes what earlier lines
    /// excluded (patternmatcher calls these "exclusions").
    public var isException: Bool
    /// The cleaned pattern without its `!`: trimmed, `filepath.Clean`ed, one leading `/` removed.
    public var patternBytes: [UInt8]
    /// Where the trimmed text of the line (including any `!`) sits in the file, in bytes.
    public var range: TextRange

    /// Creates a pattern.
    public init(line: Int, rawBytes: [UInt8], isException: Bool, patternBytes: [UInt8], range: TextRange) {
        self.line = line
        self.rawBytes = rawBytes
        self.isException = isException
        self.patternBytes = patternBytes
        self.range = range
    }

    /// Creates a pattern from a matcher string in `ReadAll` form (`"!foo"` for an exception),
    /// as when patterns come from a configuration rather than a file.
    public init(_ readAllForm: String, line: Int = 0) {
        let bytes = Array(readAllForm.utf8)
        let exception = bytes.first == UInt8(ascii: "!")
        self.init(line: line, rawBytes: bytes, isException: exception,
                  patternBytes: exception ? Array(bytes.dropFirst()) : bytes,
                  range: TextRange(start: 0, end: bytes.count))
    }

    /// The line as written, for display.
    public var text: String { String(decoding: rawBytes, as: UTF8.self) }

    /// The cleaned pattern without its `!`, for display.
    public var pattern: String { String(decoding: patternBytes, as: UTF8.self) }

    /// The string `ReadAll` returns for this line: the cleaned pattern, prefixed by `!` for an
    /// exception. This is what BuildKit hands to the matcher.
    public var readAllBytes: [UInt8] { isException ? [UInt8(ascii: "!")] + patternBytes : patternBytes }

    /// ``readAllBytes`` for display.
    public var readAllForm: String { String(decoding: readAllBytes, as: UTF8.self) }
}
