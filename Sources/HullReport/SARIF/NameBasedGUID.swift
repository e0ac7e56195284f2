import HullCore
/// Deterministic GUIDs for SARIF objects that are referenced by `guid`.
///
/// The first 16 bytes of the SHA-256 of a name, laid out with the version-5 (name-based) and
/// RFC 4122 variant bits that SARIF's GUID pattern requires. Derived from names, they are the
/// same in every run, so logs from different runs can be compared.
enum NameBasedGUID {
    static func taxonomy(_ tool: String) -> String { make("hull-taxonomy\u{0}\(tool)") }

    static func taxon(_ id: String, in tool: String) -> String { make("hull-taxon\u{0}\(tool)\u{0}\(id)") }

    private static func make(_ name: String) -> String {
        var hasher = SHA256()
        hasher.update(Array(name.utf8))
        var bytes = Array(hasher.finalize().prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { byte in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
        }
        return [hex[0..<4], hex[4..<6], hex[6..<8], hex[8..<10], hex[10..<16]].map { $0.joined() }.joined(separator: "-")
    }
}
