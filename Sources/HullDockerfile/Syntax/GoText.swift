/// Byte-level text helpers that reproduce the Go standard library functions BuildKit's parser
/// uses (`unicode.IsSpace`, `strings.TrimSpace`, `utf8.DecodeRune`), so that Hull splits and
/// trims exactly where BuildKit does, including on invalid UTF-8.
enum GoText {
    /// Decodes one scalar at `index` the way Go's `utf8.DecodeRune` does: an invalid or
    /// truncated sequence yields U+FFFD with width 1.
    @inline(__always)
    static func decode(_ bytes: [UInt8], at index: Int, end: Int) -> (scalar: UInt32, width: Int) {
        let b0 = bytes[index]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        func cont(_ i: Int) -> UInt32? {
            guard i < end else { return nil }
            let b = bytes[i]
            return b & 0xC0 == 0x80 ? UInt32(b & 0x3F) : nil
        }
        if b0 >= 0xC2 && b0 <= 0xDF, let c1 = cont(index + 1) {
            return ((UInt32(b0 & 0x1F) << 6) | c1, 2)
        }
        if b0 >= 0xE0 && b0 <= 0xEF, index + 1 < end {
            let b1 = bytes[index + 1]
            let lowOK: Bool = b0 == 0xE0 ? (b1 >= 0xA0 && b1 <= 0xBF) : b0 == 0xED ? (b1 >= 0x80 && b1 <= 0x9F) : (b1 & 0xC0 == 0x80)
            if lowOK, let c2 = cont(index + 2) {
                return ((UInt32(b0 & 0x0F) << 12) | (UInt32(b1 & 0x3F) << 6) | c2, 3)
            }
        }
        if b0 >= 0xF0 && b0 <= 0xF4, index + 1 < end {
            let b1 = bytes[index + 1]
            let lowOK: Bool = b0 == 0xF0 ? (b1 >= 0x90 && b1 <= 0xBF) : b0 == 0xF4 ? (b1 >= 0x80 && b1 <= 0x8F) : (b1 & 0xC0 == 0x80)
            if lowOK, let c2 = cont(index + 2), let c3 = cont(index + 3) {
                return ((UInt32(b0 & 0x07) << 18) | (UInt32(b1 & 0x3F) << 12) | (c2 << 6) | c3, 4)
            }
        }
        return (0xFFFD, 1)
    }

    /// Decodes the scalar that ends just before `end` (Go's `utf8.DecodeLastRune`).
    static func decodeLast(_ bytes: [UInt8], start: Int, end: Int) -> (scalar: UInt32, width: Int) {
        var lead = end - 1
        let limit = Swift.max(start, end - 4)
        while lead > limit, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
        let decoded = decode(bytes, at: lead, end: end)
        if lead + decoded.width == end { return decoded }
        return (0xFFFD, 1)
    }

    /// Go's `unicode.IsSpace`.
    @inline(__always)
    static func isSpace(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// `unicode.IsSpace(rune(b))` applied to a single byte, as BuildKit's flag scanner does.
    @inline(__always)
    static func isSpaceByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x09...0x0D, 0x20, 0x85, 0xA0: true
        default: false
        }
    }

    /// Whether `byte` is in the class `[\t\v\f\r ]` that BuildKit splits words on.
    @inline(__always)
    static func isSplitWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x09 || byte == 0x0B || byte == 0x0C || byte == 0x0D || byte == 0x20
    }

    /// The first index at or after `start` whose scalar is not a space.
    static func skipSpaces(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
        var index = start
        while index < end {
            let (scalar, width) = decode(bytes, at: index, end: end)
            if !isSpace(scalar) { break }
            index += width
        }
        return index
    }

    /// The end index after trimming trailing spaces from `start..<end`.
    static func trimTrailingSpaces(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
        var index = end
        while index > start {
            let (scalar, width) = decodeLast(bytes, start: start, end: index)
            if !isSpace(scalar) { break }
            index -= width
        }
        return index
    }

    /// `strings.TrimSpace` as a range.
    static func trimSpace(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
        let lower = skipSpaces(bytes, from: range.lowerBound, to: range.upperBound)
        let upper = trimTrailingSpaces(bytes, from: lower, to: range.upperBound)
        return lower..<upper
    }

    /// The string a Go `string(bytes)` conversion would hold, decoded the way Go ranges over
    /// it: each invalid byte becomes U+FFFD.
    static func string(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        let ascii = bytes.withUnsafeBufferPointer { buffer in
            let slice = UnsafeBufferPointer(rebasing: buffer[range])
            return isASCII(slice) ? String(decoding: slice, as: UTF8.self) : nil
        }
        // ASCII, nearly all of a Dockerfile, needs no validation (generic validation of a slice
        // is the parser's largest single cost); other text is validated, then decoded as Go does.
        if let ascii { return ascii }
        if let valid = String(validating: bytes[range], as: UTF8.self) { return valid }
        var scalars = String.UnicodeScalarView()
        var index = range.lowerBound
        while index < range.upperBound {
            let (scalar, width) = decode(bytes, at: index, end: range.upperBound)
            scalars.append(Unicode.Scalar(scalar) ?? "\u{FFFD}")
            index += width
        }
        return String(scalars)
    }

    /// Whether every byte is below 0x80, tested eight bytes at a time.
    static func isASCII(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        let raw = UnsafeRawBufferPointer(buffer)
        var index = 0
        while index + 8 <= raw.count {
            if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            index += 8
        }
        while index < raw.count {
            if raw[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }

    /// The bytes read one at a time as Latin-1 runes, as BuildKit's flag scanner builds its
    /// words (`WriteRune(rune(b))`).
    static func latin1(_ bytes: [UInt8]) -> String {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        var scalars = String.UnicodeScalarView()
        for byte in bytes { scalars.append(Unicode.Scalar(byte)) }
        return String(scalars)
    }
}
