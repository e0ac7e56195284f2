/// The exact bytes of one input file, with its name and a line index.
///
/// Text is kept as bytes so that nothing is normalised: line endings, a byte-order mark and
/// invalid UTF-8 all survive untouched.
public struct SourceFile: Sendable {
    /// The name shown to users: a path, or `-` for standard input.
    public let path: String
    /// The file's bytes, exactly as read.
    public let bytes: [UInt8]
    /// Offsets to lines and columns.
    public let lines: LineIndex

    /// Wraps `bytes` read from `path`.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        self.lines = LineIndex(bytes)
    }

    /// Wraps a string's UTF-8 encoding.
    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// Whether the file starts with a UTF-8 byte-order mark.
    public var hasByteOrderMark: Bool { bytes.starts(with: [0xEF, 0xBB, 0xBF]) }

    /// Whether the first line ends with `\r\n`.
    public var usesCRLF: Bool {
        guard let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) else { return false }
        return newline > 0 && bytes[newline - 1] == UInt8(ascii: "\r")
    }

    /// The text of `range`, decoding invalid UTF-8 as U+FFFD.
    public func text(_ range: TextRange) -> String {
        String(decoding: bytes[range.start..<range.end], as: UTF8.self)
    }

    /// The location of a byte offset.
    public func location(of offset: Int) -> SourceLocation { lines.location(of: offset) }

    /// The start and end locations of a range.
    public func span(of range: TextRange) -> SourceSpan {
        SourceSpan(start: lines.location(of: range.start), end: lines.location(of: range.end))
    }
}

/// The start and end locations of a range; `end` is exclusive.
public struct SourceSpan: Hashable, Sendable, Codable {
    /// Where the range starts.
    public var start: SourceLocation
    /// Where the range ends (exclusive).
    public var end: SourceLocation

    /// Creates a span.
    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end
    }
}
