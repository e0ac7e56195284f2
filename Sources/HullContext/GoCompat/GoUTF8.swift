/// UTF-8 decoding with Go's rules (`unicode/utf8.DecodeRune`).
///
/// Go strings are byte strings: an invalid sequence decodes as U+FFFD and consumes exactly one
/// byte, which is what `?` and `[^/]` count when BuildKit matches a non-UTF-8 file name.
enum GoUTF8 {
    /// The replacement character Go substitutes for an invalid byte.
    static let runeError: UInt32 = 0xFFFD

    /// Decodes the rune at `index`, returning it and the number of bytes it occupies (at least 1).
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (scalar: UInt32, length: Int) {
        let b0 = bytes[index]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        let remaining = bytes.count - index
        @inline(__always) func cont(_ offset: Int) -> UInt32? {
            guard offset < remaining else { return nil }
            let b = bytes[index + offset]
            return b & 0xC0 == 0x80 ? UInt32(b & 0x3F) : nil
        }
        switch b0 {
        case 0xC2...0xDF:
            if let c1 = cont(1) { return ((UInt32(b0 & 0x1F) << 6) | c1, 2) }
        case 0xE0...0xEF:
            if let c1 = cont(1), let c2 = cont(2) {
                let value = (UInt32(b0 & 0x0F) << 12) | (c1 << 6) | c2
                if value >= 0x800 && !(0xD800...0xDFFF).contains(value) { return (value, 3) }
            }
        case 0xF0...0xF4:
            if let c1 = cont(1), let c2 = cont(2), let c3 = cont(3) {
                let value = (UInt32(b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3
                if value >= 0x10000 && value <= 0x10FFFF { return (value, 4) }
            }
        default:
            break
        }
        return (runeError, 1)
    }

    /// Decodes a whole byte string into runes, Go style.
    static func runes(_ bytes: [UInt8]) -> [UInt32] {
        bytes.withUnsafeBufferPointer { buffer in
            var result: [UInt32] = []
            result.reserveCapacity(buffer.count)
            var index = 0
            while index < buffer.count {
                let (scalar, length) = decode(buffer, at: index)
                result.append(scalar)
                index += length
            }
            return result
        }
    }
}
