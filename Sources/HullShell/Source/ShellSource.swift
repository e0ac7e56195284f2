import HullCore

/// The text of one shell script together with where each of its bytes sits in the Dockerfile.
///
/// A Dockerfile builds a RUN instruction's logical line by removing line continuations (the
/// escape character and its newline) and comment lines inside them, so the shell text is not
/// one contiguous slice of the file. `fileOffsets` records, byte by byte, where the text came
/// from; every range the parser reports is *local* (an index range into `bytes`) and is turned
/// into a file range by ``fileRange(_:)``.
///
/// A source can also be *collapsed*: a script taken from a quoted argument that had to be
/// unescaped (`sh -c "apt-get install \"x\""`) no longer corresponds byte for byte to the file,
/// so every range inside it maps to the whole argument instead. ``isExact`` tells the two apart;
/// fixes must only edit exact sources.
public struct ShellSource: Sendable {
    /// The shell text.
    public let bytes: [UInt8]
    /// `fileOffsets[i]` is the byte offset in the Dockerfile of `bytes[i]`; same count as `bytes`.
    ///
    /// In a collapsed source every entry is the start of the range it collapses to.
    public let fileOffsets: [Int]
    /// Where an empty range at the very end of the text maps to.
    private let endOffset: Int
    /// The file range every local range maps to, when the source is collapsed.
    private let collapsedRange: TextRange?

    /// Creates a source from text and a per-byte offset map.
    ///
    /// `fileOffsets` must have exactly one entry per byte; a mismatch is a programming error.
    public init(bytes: [UInt8], fileOffsets: [Int]) {
        precondition(bytes.count == fileOffsets.count, "ShellSource needs one file offset per byte")
        self.bytes = bytes
        self.fileOffsets = fileOffsets
        self.endOffset = (fileOffsets.last.map { $0 + 1 }) ?? 0
        self.collapsedRange = nil
    }

    /// Creates a source for contiguous text that starts at `baseOffset` in the file, such as a
    /// heredoc body.
    public init(bytes: [UInt8], baseOffset: Int) {
        self.bytes = bytes
        self.fileOffsets = Array(baseOffset..<(baseOffset + bytes.count))
        self.endOffset = baseOffset + bytes.count
        self.collapsedRange = nil
    }

    /// Creates a source for contiguous text given as a string.
    public init(_ text: String, baseOffset: Int = 0) {
        self.init(bytes: Array(text.utf8), baseOffset: baseOffset)
    }

    /// Creates a collapsed source: every local range maps to `range`.
    public init(bytes: [UInt8], collapsedTo range: TextRange) {
        self.bytes = bytes
        self.fileOffsets = Array(repeating: range.start, count: bytes.count)
        self.endOffset = range.end
        self.collapsedRange = range
    }

    /// Whether every byte maps to its own byte in the file, so local ranges map exactly.
    public var isExact: Bool { collapsedRange == nil }

    /// The number of bytes of shell text.
    public var count: Int { bytes.count }

    /// Maps a local range to a range in the Dockerfile.
    ///
    /// The start is the file offset of the first byte and the end is one past the file offset of
    /// the last byte, so a range spanning a removed line continuation covers it. An empty range
    /// maps to the offset of the byte it precedes, or to one past the last byte at the end.
    /// Out-of-bounds ranges are clamped.
    public func fileRange(_ local: Range<Int>) -> TextRange {
        if let collapsedRange { return collapsedRange }
        let low = Swift.max(0, Swift.min(local.lowerBound, bytes.count))
        let high = Swift.max(low, Swift.min(local.upperBound, bytes.count))
        if low == high {
            return .empty(at: low < fileOffsets.count ? fileOffsets[low] : endOffset)
        }
        let start = fileOffsets[low]
        let end = fileOffsets[high - 1] + 1
        return TextRange(start: start, end: Swift.max(start, end))
    }

    /// The text of a local range, decoding invalid UTF-8 as U+FFFD.
    public func text(_ local: Range<Int>) -> String {
        let low = Swift.max(0, Swift.min(local.lowerBound, bytes.count))
        let high = Swift.max(low, Swift.min(local.upperBound, bytes.count))
        return String(decoding: bytes[low..<high], as: UTF8.self)
    }

    /// The whole text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// A source for a slice of this one, given by the local index of each byte taken.
    ///
    /// When `exact` is false the result is collapsed to `collapseTo` (a local range of this
    /// source), which is how unescaped nested scripts are mapped.
    func derived(bytes newBytes: [UInt8], localIndices: [Int], exact: Bool, collapseTo: Range<Int>) -> ShellSource {
        if exact, collapsedRange == nil {
            let end = localIndices.last.map { fileOffsets[$0] + 1 } ?? fileRange(collapseTo).start
            return ShellSource(bytes: newBytes, fileOffsets: localIndices.map { fileOffsets[$0] }, endOffset: end)
        }
        return ShellSource(bytes: newBytes, collapsedTo: fileRange(collapseTo))
    }

    private init(bytes: [UInt8], fileOffsets: [Int], endOffset: Int) {
        self.bytes = bytes
        self.fileOffsets = fileOffsets
        self.endOffset = endOffset
        self.collapsedRange = nil
    }
}
