/// Text built one scalar at a time, kept as UTF-8 bytes until it is done.
///
/// Appending to a `String.UnicodeScalarView` scalar by scalar costs hundreds of instructions
/// a scalar; the JSON reader and the shell lexer build every argument this way.
struct UTF8Buffer {
    private var bytes: [UInt8] = []

    /// Whether nothing has been appended.
    var isEmpty: Bool { bytes.isEmpty }

    /// The text. The bytes are valid UTF-8, having been encoded from scalars and strings.
    var string: String { String(decoding: bytes, as: UTF8.self) }

    mutating func append(_ scalar: Unicode.Scalar) {
        if scalar.isASCII {
            bytes.append(UInt8(truncatingIfNeeded: scalar.value))
        } else {
            bytes.append(contentsOf: UTF8.encode(scalar)!)
        }
    }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func append(contentsOf scalars: ArraySlice<Unicode.Scalar>) {
        for scalar in scalars { append(scalar) }
    }
}
