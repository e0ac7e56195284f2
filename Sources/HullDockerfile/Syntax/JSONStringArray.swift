/// Reads the JSON (exec) form of an instruction the way BuildKit does with Go's
/// `encoding/json`: the whole text must be valid JSON; a valid array whose elements are all
/// strings is the exec form; a valid array with any other element is an error; anything
/// else is not JSON and the caller falls back to the shell form.
enum JSONStringArray {
    /// One decoded array element and the byte range of its string token.
    struct Element {
        var value: String
        var range: Range<Int>
    }

    enum Outcome {
        case array([Element])
        case notStringArray
        case notJSON
    }

    /// Parses `bytes[range]`, which must start with `[` after leading whitespace.
    static func parse(_ bytes: [UInt8], _ range: Range<Int>) -> Outcome {
        var reader = Reader(bytes: bytes, index: range.lowerBound, end: range.upperBound)
        reader.skipWhitespace()
        guard reader.peek() == UInt8(ascii: "[") else { return .notJSON }
        var elements: [Element] = []
        var allStrings = true
        reader.index += 1
        reader.skipWhitespace()
        if reader.peek() == UInt8(ascii: "]") {
            reader.index += 1
        } else {
            while true {
                reader.skipWhitespace()
                let start = reader.index
                if reader.peek() == UInt8(ascii: "\"") {
                    guard let value = reader.string() else { return .notJSON }
                    elements.append(Element(value: value, range: start..<reader.index))
                } else {
                    guard reader.value(depth: 1) else { return .notJSON }
                    allStrings = false
                }
                reader.skipWhitespace()
                guard let next = reader.peek() else { return .notJSON }
                reader.index += 1
                if next == UInt8(ascii: "]") { break }
                guard next == UInt8(ascii: ",") else { return .notJSON }
            }
        }
        reader.skipWhitespace()
        guard reader.index == reader.end else { return .notJSON }
        return allStrings ? .array(elements) : .notStringArray
    }

    /// The string value of `key` in a text that is, as a whole, one JSON object (the last one
    /// when a key repeats, as Go's decoder keeps); nil for anything else.
    static func topLevelString(_ bytes: [UInt8], key: String) -> String? {
        var reader = Reader(bytes: bytes, index: 0, end: bytes.count)
        reader.skipWhitespace()
        guard reader.peek() == UInt8(ascii: "{") else { return nil }
        var probe = reader
        guard probe.value(depth: 0) else { return nil }
        probe.skipWhitespace()
        guard probe.index == probe.end else { return nil }
        reader.index += 1
        var found: String?
        var isString = false
        reader.skipWhitespace()
        if reader.peek() == UInt8(ascii: "}") { return nil }
        while true {
            reader.skipWhitespace()
            guard let name = reader.string() else { return nil }
            reader.skipWhitespace()
            reader.index += 1
            reader.skipWhitespace()
            if reader.peek() == UInt8(ascii: "\"") {
                let value = reader.string()
                if name == key { found = value; isString = true }
            } else {
                guard reader.value(depth: 1) else { return nil }
                if name == key { found = nil; isString = false }
            }
            reader.skipWhitespace()
            guard let next = reader.peek() else { return nil }
            reader.index += 1
            if next == UInt8(ascii: "}") { break }
        }
        return isString ? found : nil
    }

    private struct Reader {
        let bytes: [UInt8]
        var index: Int
        let end: Int

        func peek() -> UInt8? { index < end ? bytes[index] : nil }

        mutating func skipWhitespace() {
            while index < end {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
        }

        /// Validates any JSON value; nesting is bounded so hostile input cannot exhaust the stack.
        mutating func value(depth: Int) -> Bool {
            guard depth < 10_000 else { return false }
            skipWhitespace()
            guard let byte = peek() else { return false }
            switch byte {
            case UInt8(ascii: "\""):
                return string() != nil
            case UInt8(ascii: "["):
                index += 1
                skipWhitespace()
                if peek() == UInt8(ascii: "]") { index += 1; return true }
                while true {
                    guard value(depth: depth + 1) else { return false }
                    skipWhitespace()
                    guard let next = peek() else { return false }
                    index += 1
                    if next == UInt8(ascii: "]") { return true }
                    guard next == UInt8(ascii: ",") else { return false }
                }
            case UInt8(ascii: "{"):
                index += 1
                skipWhitespace()
                if peek() == UInt8(ascii: "}") { index += 1; return true }
                while true {
                    skipWhitespace()
                    guard peek() == UInt8(ascii: "\""), string() != nil else { return false }
                    skipWhitespace()
                    guard peek() == UInt8(ascii: ":") else { return false }
                    index += 1
                    guard value(depth: depth + 1) else { return false }
                    skipWhitespace()
                    guard let next = peek() else { return false }
                    index += 1
                    if next == UInt8(ascii: "}") { return true }
                    guard next == UInt8(ascii: ",") else { return false }
                }
            case UInt8(ascii: "t"): return literal("true")
            case UInt8(ascii: "f"): return literal("false")
            case UInt8(ascii: "n"): return literal("null")
            default: return number()
            }
        }

        mutating func literal(_ word: String) -> Bool {
            let expected = Array(word.utf8)
            guard end - index >= expected.count, bytes[index..<(index + expected.count)].elementsEqual(expected) else { return false }
            index += expected.count
            return true
        }

        mutating func number() -> Bool {
            if peek() == UInt8(ascii: "-") { index += 1 }
            guard let first = peek(), isDigit(first) else { return false }
            index += 1
            if first != UInt8(ascii: "0") { while let d = peek(), isDigit(d) { index += 1 } }
            if peek() == UInt8(ascii: ".") {
                index += 1
                guard let d = peek(), isDigit(d) else { return false }
                while let d = peek(), isDigit(d) { index += 1 }
            }
            if let e = peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
                index += 1
                if let sign = peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { index += 1 }
                guard let d = peek(), isDigit(d) else { return false }
                while let d = peek(), isDigit(d) { index += 1 }
            }
            return true
        }

        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

        /// Decodes a string token; invalid UTF-8 and lone surrogates become U+FFFD as in Go.
        mutating func string() -> String? {
            index += 1
            var scalars = UTF8Buffer()
            while index < end {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") { index += 1; return scalars.string }
                if byte < 0x20 { return nil }
                if byte == UInt8(ascii: "\\") {
                    index += 1
                    guard let escape = peek() else { return nil }
                    index += 1
                    switch escape {
                    case UInt8(ascii: "\""): scalars.append("\"")
                    case UInt8(ascii: "\\"): scalars.append("\\")
                    case UInt8(ascii: "/"): scalars.append("/")
                    case UInt8(ascii: "b"): scalars.append("\u{08}")
                    case UInt8(ascii: "f"): scalars.append("\u{0C}")
                    case UInt8(ascii: "n"): scalars.append("\n")
                    case UInt8(ascii: "r"): scalars.append("\r")
                    case UInt8(ascii: "t"): scalars.append("\t")
                    case UInt8(ascii: "u"):
                        guard let unit = hex4() else { return nil }
                        if unit >= 0xD800 && unit < 0xDC00 {
                            // A high surrogate pairs only with an immediately following low one.
                            let save = index
                            if end - index >= 6, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                                index += 2
                                if let low = hex4(), low >= 0xDC00 && low < 0xE000 {
                                    let combined = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                                    scalars.append(Unicode.Scalar(combined) ?? "\u{FFFD}")
                                    continue
                                }
                            }
                            index = save
                            scalars.append("\u{FFFD}")
                        } else {
                            scalars.append(Unicode.Scalar(unit) ?? "\u{FFFD}")
                        }
                    default:
                        return nil
                    }
                    continue
                }
                let (scalar, width) = GoText.decode(bytes, at: index, end: end)
                scalars.append(Unicode.Scalar(scalar) ?? "\u{FFFD}")
                index += width
            }
            return nil
        }

        mutating func hex4() -> UInt32? {
            guard end - index >= 4 else { return nil }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[index]
                let digit: UInt32
                switch byte {
                case 0x30...0x39: digit = UInt32(byte - 0x30)
                case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
                case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
                default: return nil
                }
                value = value << 4 | digit
                index += 1
            }
            return value
        }
    }
}
