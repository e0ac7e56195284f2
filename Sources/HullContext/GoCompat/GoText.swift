/// Go's `strings.TrimSpace` over bytes, with `unicode.IsSpace` as the definition of space.
enum GoText {
    /// Whether Go's `unicode.IsSpace` holds for `rune`.
    static func isSpace(_ rune: UInt32) -> Bool {
        switch rune {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// The range of `bytes[range]` left after trimming leading and trailing space.
    static func trimSpaceRange(_ bytes: [UInt8], in range: Range<Int>) -> Range<Int> {
        bytes.withUnsafeBufferPointer { buffer in
            // Decode forward once; lines are short.
            var starts: [(start: Int, end: Int, space: Bool)] = []
            let slice = UnsafeBufferPointer(rebasing: buffer[..<range.upperBound])
            var index = range.lowerBound
            while index < range.upperBound {
                let (rune, length) = GoUTF8.decode(slice, at: index)
                starts.append((index, index + length, isSpace(rune)))
                index += length
            }
            guard let first = starts.firstIndex(where: { !$0.space }) else {
                return range.upperBound..<range.upperBound
            }
            let last = starts.lastIndex(where: { !$0.space })!
            return starts[first].start..<starts[last].end
        }
    }

    /// `strings.TrimSpace` of a byte string.
    static func trimSpace(_ bytes: [UInt8]) -> [UInt8] {
        Array(bytes[trimSpaceRange(bytes, in: 0..<bytes.count)])
    }
}
