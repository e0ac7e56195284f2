import HullCore

/// One source line prepared for display, with the display cell of every byte offset in it.
struct RenderedLine {
    /// The line as shown: tabs expanded, control characters replaced.
    let text: String
    /// The cells the whole line takes.
    let width: Int
    /// The cell where the first non-blank character starts.
    let indentation: Int
    private let offsets: [Int]
    private let cells: [Int]
    private let contentEnd: Int

    init(_ source: SourceFile, line index: Int) {
        let content = source.lines.contentRange(ofLine: index)
        var start = content.start
        if index == 0, source.hasByteOrderMark { start = Swift.min(3, content.end) }
        var text = String.UnicodeScalarView()
        var offsets: [Int] = []
        var cells: [Int] = []
        var cell = 0
        var indentation: Int?
        var iterator = source.bytes[start..<content.end].makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = start
        while true {
            let scalar: Unicode.Scalar
            let length: Int
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                scalar = Unicode.UTF8.decode(encoded)
                length = encoded.count
            case .error(let errorLength):
                scalar = "\u{FFFD}"
                length = errorLength
            case .emptyInput:
                self.text = String(text)
                self.width = cell
                self.indentation = indentation ?? cell
                self.offsets = offsets
                self.cells = cells
                self.contentEnd = content.end
                return
            }
            offsets.append(offset)
            cells.append(cell)
            if scalar == "\t" {
                let next = (cell / DisplayWidth.tabWidth + 1) * DisplayWidth.tabWidth
                text.append(contentsOf: String(repeating: " ", count: next - cell).unicodeScalars)
                cell = next
            } else {
                if indentation == nil, scalar != " " { indentation = cell }
                text.append(DisplayWidth.visible(scalar))
                cell += DisplayWidth.width(of: DisplayWidth.visible(scalar))
            }
            offset += length
        }
    }

    /// The display cell at which the byte at `offset` starts; offsets past the line's content
    /// map to its end, and offsets inside a character to that character's start.
    func cell(at offset: Int) -> Int {
        if offset >= contentEnd { return width }
        var low = 0
        var high = offsets.count - 1
        guard high >= 0, offset >= offsets[0] else { return 0 }
        while low < high {
            let mid = (low + high + 1) / 2
            if offsets[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return cells[low]
    }
}
