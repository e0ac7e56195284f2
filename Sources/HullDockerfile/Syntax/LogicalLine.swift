import HullCore

/// An instruction's text as BuildKit sees it — continuations joined, comment lines dropped —
/// with the file offset of every byte, so any range in it maps back to the exact source bytes.
public struct LogicalLine: Sendable, Hashable {
    /// The joined bytes.
    public let bytes: [UInt8]
    /// `fileOffsets[i]` is the offset in the file of `bytes[i]`.
    public let fileOffsets: [Int]

    /// Creates a logical line from bytes and their file offsets (equal counts).
    public init(bytes: [UInt8], fileOffsets: [Int]) {
        precondition(bytes.count == fileOffsets.count, "LogicalLine offsets must match bytes")
        self.bytes = bytes
        self.fileOffsets = fileOffsets
    }

    /// The text, decoded as BuildKit's Go strings are.
    public var text: String { GoText.string(bytes, 0..<bytes.count) }

    /// The file range covering `range` of this line. An empty range maps to the file offset
    /// of the byte it precedes (or just past the last byte).
    public func fileRange(_ range: Range<Int>) -> TextRange {
        if range.isEmpty {
            if range.lowerBound < fileOffsets.count { return .empty(at: fileOffsets[range.lowerBound]) }
            return .empty(at: (fileOffsets.last.map { $0 + 1 }) ?? 0)
        }
        return TextRange(start: fileOffsets[range.lowerBound], end: fileOffsets[range.upperBound - 1] + 1)
    }

    /// The text of a range of this line.
    public func text(_ range: Range<Int>) -> String { GoText.string(bytes, range) }
}
