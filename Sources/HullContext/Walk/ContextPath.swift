/// A path inside a build context: relative to the root, `/`-separated, kept as raw bytes
/// because file names need not be UTF-8.
///
/// Paths order the way BuildKit's walker visits them (component by component, byte-wise), so
/// `a/b` sorts before `a.txt`.
public struct ContextPath: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// The raw bytes.
    public var bytes: [UInt8]

    /// Creates a path from raw bytes.
    public init(bytes: [UInt8]) { self.bytes = bytes }

    /// Creates a path from text.
    public init(_ string: String) { self.bytes = Array(string.utf8) }

    /// The path for display; bytes that are not UTF-8 show as U+FFFD.
    public var description: String { String(decoding: bytes, as: UTF8.self) }

    /// Whether the bytes are valid UTF-8.
    public var isValidUTF8: Bool { String(validating: bytes, as: UTF8.self) != nil }

    /// The number of components (`a/b` has 2).
    public var depth: Int { bytes.isEmpty ? 0 : bytes.reduce(1) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 } }

    /// The components.
    public var components: [ArraySlice<UInt8>] { bytes.split(separator: UInt8(ascii: "/")) }

    /// The last component.
    public var name: ArraySlice<UInt8> {
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return bytes[...] }
        return bytes[(slash + 1)...]
    }

    /// The first `count` components.
    public func prefix(components count: Int) -> ContextPath {
        var seen = 0
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "/") {
            seen += 1
            if seen == count { return ContextPath(bytes: Array(bytes[..<index])) }
        }
        return self
    }

    /// Walker order: component-wise, byte-wise.
    public static func < (lhs: ContextPath, rhs: ContextPath) -> Bool {
        let count = Swift.min(lhs.bytes.count, rhs.bytes.count)
        for index in 0..<count {
            let a = lhs.bytes[index], b = rhs.bytes[index]
            if a == b { continue }
            // The separator sorts before every byte a name can hold.
            if a == UInt8(ascii: "/") { return true }
            if b == UInt8(ascii: "/") { return false }
            return a < b
        }
        return lhs.bytes.count < rhs.bytes.count
    }

    // MARK: - Codable (as text)

    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
