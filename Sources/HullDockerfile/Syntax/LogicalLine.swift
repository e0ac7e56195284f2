import HullCore

/// An instruction's text as BuildKit sees it — continuations joined, comment lines dropped —
/// with the file offset of every byte, so any range in it maps back to the exact source bytes.
///
/// The offsets are kept as runs, one per physical line that contributed text, rather than one
/// integer per byte: a run maps a stretch of the line to consecutive bytes of the file.
public struct LogicalLine: Sendable, Hashable {
    /// The joined bytes.
    public let bytes: [UInt8]
    /// Runs in line order: each maps `lineStart..<next run's lineStart` (or the end) to
    /// consecutive file offsets from `fileStart`. Empty when `bytes` is; adjacent runs never
    /// continue one another, so equal lines have equal runs.
    private let runs: [Run]

    struct Run: Sendable, Hashable {
        var lineStart: Int
        var fileStart: Int
    }

    /// Creates a logical line from bytes and their file offsets (equal counts).
    public init(bytes: [UInt8], fileOffsets: [Int]) {
        precondition(bytes.count == fileOffsets.count, "LogicalLine offsets must match bytes")
        var runs: [Run] = []
        for (index, offset) in fileOffsets.enumerated() where index == 0 || offset != fileOffsets[index - 1] + 1 {
            runs.append(Run(lineStart: index, fileStart: offset))
        }
        self.bytes = bytes
        self.runs = runs
    }

    /// Creates a logical line from bytes and the runs of file offsets the parser collected.
    init(bytes: [UInt8], runs: [Run]) {
        self.bytes = bytes
        self.runs = runs
    }

    /// `fileOffsets[i]` is the offset in the file of `bytes[i]`. Builds the array; use
    /// ``fileOffset(at:)`` for single look-ups.
    public var fileOffsets: [Int] { fileOffsets(in: 0..<bytes.count) }

    /// The file offsets of the bytes in `range` of this line.
    public func fileOffsets(in range: Range<Int>) -> [Int] {
        var offsets: [Int] = []
        offsets.reserveCapacity(range.count)
        guard !range.isEmpty else { return offsets }
        var run = runIndex(containing: range.lowerBound)
        var index = range.lowerBound
        while index < range.upperBound {
            let runEnd = Swift.min(range.upperBound, run + 1 < runs.count ? runs[run + 1].lineStart : bytes.count)
            let delta = runs[run].fileStart - runs[run].lineStart
            while index < runEnd {
                offsets.append(index + delta)
                index += 1
            }
            run += 1
        }
        return offsets
    }

    /// The offset in the file of `bytes[index]`.
    public func fileOffset(at index: Int) -> Int {
        precondition(index >= 0 && index < bytes.count, "LogicalLine index out of range")
        let run = runs[runIndex(containing: index)]
        return run.fileStart + (index - run.lineStart)
    }

    /// The index in this line of the byte at file offset `offset`, nil when the line does not
    /// contain it.
    public func index(ofFileOffset offset: Int) -> Int? {
        for (position, run) in runs.enumerated() where offset >= run.fileStart {
            let runEnd = position + 1 < runs.count ? runs[position + 1].lineStart : bytes.count
            let index = run.lineStart + (offset - run.fileStart)
            if index < runEnd { return index }
        }
        return nil
    }

    /// The text, decoded as BuildKit's Go strings are.
    public var text: String { GoText.string(bytes, 0..<bytes.count) }

    /// The file range covering `range` of this line. An empty range maps to the file offset
    /// of the byte it precedes (or just past the last byte).
    public func fileRange(_ range: Range<Int>) -> TextRange {
        if range.isEmpty {
            if range.lowerBound < bytes.count { return .empty(at: fileOffset(at: range.lowerBound)) }
            return .empty(at: bytes.isEmpty ? 0 : fileOffset(at: bytes.count - 1) + 1)
        }
        return TextRange(start: fileOffset(at: range.lowerBound), end: fileOffset(at: range.upperBound - 1) + 1)
    }

    /// The text of a range of this line.
    public func text(_ range: Range<Int>) -> String { GoText.string(bytes, range) }

    /// The run holding line index `index` (a valid index): the last run starting at or before it.
    private func runIndex(containing index: Int) -> Int {
        var low = 0
        var high = runs.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if runs[middle].lineStart <= index { low = middle } else { high = middle - 1 }
        }
        return low
    }
}
