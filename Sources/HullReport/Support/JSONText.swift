import Foundation

/// Encodes wire types as stable, readable JSON: sorted keys, two-space indentation, unescaped
/// slashes and a final newline, so the same report always yields the same bytes.
enum JSONText {
    static func encode(_ value: some Encodable) -> String {
        if var bytes = JSONTextEncoder.encode(value) {
            bytes.append(UInt8(ascii: "\n"))
            return String(decoding: bytes, as: UTF8.self)
        }
        return foundationEncode(value)
    }

    /// The same text through Foundation's `JSONEncoder`, the reference ``JSONTextEncoder``
    /// matches byte for byte.
    static func foundationEncode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
        } catch {
            // The wire types hold only strings, integers, booleans, arrays and structs.
            fatalError("JSON encoding of \(type(of: value)) failed: \(error)")
        }
    }
}
