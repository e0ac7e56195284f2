/// Maps byte offsets to lines and columns and back.
///
/// A line ends after `\n`; a lone `\r` does not end a line, as in BuildKit's scanner.
/// Built once per file in a single pass; lookups are binary searches.
public struct LineIndex: Sendable {
    /// The byte offset at which each line starts; the first is always 0.
    public let lineStarts: [Int]
    private let bytes: [UInt8]
    private let bomLength: Int

    /// Indexes `bytes`.
    public init(_ bytes: [UInt8]) {
        var starts = [0]
        starts.reserveCapacity(bytes.count / 32 + 1)
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(index + 1)
        }
        lineStarts = starts
        self.bytes = bytes
        bomLength = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// The number of lines; text after the last newline counts as a line, even when empty.
    public var lineCount: Int { lineStarts.count }

    /// The 0-based index of the line containing `offset`.
    public func lineIndex(of offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The location of `offset`, which may equal the file length.
    public func location(of offset: Int) -> SourceLocation {
        let clamped = Swift.max(0, Swift.min(offset, bytes.count))
        let line = lineIndex(of: clamped)
        var start = lineStarts[line]
        if line == 0 { start = Swift.min(bomLength, clamped) }
        var utf16 = 0
        var index = start
        while index < clamped {
            let byte = bytes[index]
            if byte < 0x80 {
                utf16 += 1; index += 1
            } else if byte & 0xE0 == 0xC0 {
                utf16 += 1; index += 2
            } else if byte & 0xF0 == 0xE0 {
                utf16 += 1; index += 3
            } else if byte & 0xF8 == 0xF0 {
                utf16 += 2; index += 4
            } else {
                // An invalid lead or stray continuation byte decodes as one U+FFFD.
                utf16 += 1; index += 1
                while index < clamped, bytes[index] & 0xC0 == 0x80 { index += 1 }
            }
        }
        return SourceLocation(offset: clamped, line: line + 1, utf8Column: clamped - start + 1, utf16Column: utf16 + 1)
    }

    /// The byte offset of a 1-based line and UTF-8 column, clamped to the file.
    public func offset(line: Int, utf8Column: Int) -> Int {
        guard line >= 1, line <= lineStarts.count else { return line < 1 ? 0 : bytes.count }
        let base = line == 1 ? bomLength : lineStarts[line - 1]
        return Swift.min(base + Swift.max(0, utf8Column - 1), bytes.count)
    }

    /// The range of line `index` (0-based) without its line terminator (`\n` or `\r\n`).
    public func contentRange(ofLine index: Int) -> TextRange {
        let start = lineStarts[index]
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return TextRange(start: start, end: end)
    }
}
