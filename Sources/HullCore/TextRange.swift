/// A half-open range of UTF-8 byte offsets into a ``SourceFile``.
///
/// Offsets are counted from the first byte of the file, including a byte-order mark.
public struct TextRange: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// The offset of the first byte.
    public var start: Int
    /// The offset one past the last byte.
    public var end: Int

    /// Creates a range; `end` must not precede `start`.
    public init(start: Int, end: Int) {
        precondition(start <= end, "TextRange end precedes start")
        self.start = start
        self.end = end
    }

    /// Creates a range from a Swift half-open range of offsets.
    public init(_ range: Range<Int>) {
        self.init(start: range.lowerBound, end: range.upperBound)
    }

    /// An empty range at `offset`.
    public static func empty(at offset: Int) -> TextRange { TextRange(start: offset, end: offset) }

    /// The number of bytes covered.
    public var length: Int { end - start }
    /// Whether the range covers no bytes.
    public var isEmpty: Bool { start == end }
    /// The range as a Swift range.
    public var range: Range<Int> { start..<end }

    /// Whether `offset` lies inside the range.
    public func contains(_ offset: Int) -> Bool { offset >= start && offset < end }
    /// Whether `other` lies entirely inside this range.
    public func contains(_ other: TextRange) -> Bool { other.start >= start && other.end <= end }
    /// Whether the two ranges share at least one byte.
    public func overlaps(_ other: TextRange) -> Bool { start < other.end && other.start < end }
    /// The smallest range covering both.
    public func union(_ other: TextRange) -> TextRange {
        TextRange(start: Swift.min(start, other.start), end: Swift.max(end, other.end))
    }
    /// The range moved by `delta` bytes.
    public func shifted(by delta: Int) -> TextRange { TextRange(start: start + delta, end: end + delta) }

    public var description: String { "\(start)..<\(end)" }

    public static func < (lhs: TextRange, rhs: TextRange) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }
}
