import HullCore
import HullDockerfile

/// Finds the variable references BuildKit's word expansion would resolve in a span of a
/// Dockerfile, with the exact range of each (`$NAME`, or `${NAME}` / `${NAME` up to the name).
enum StructureVariables {
    /// One `$NAME` or `${NAME…}` reference.
    struct Reference: Hashable {
        /// The variable name.
        var name: String
        /// From the `$` to the end of the name (the closing brace included when it follows).
        var range: TextRange
        /// Whether the reference supplies its own value for an unset variable, as in
        /// `${NAME:-default}`, `${NAME+alternative}` or `${NAME:?message}`.
        var isGuarded: Bool
    }

    /// The references in `range` of `source`, skipping single-quoted text and escaped dollars,
    /// as BuildKit's lexer does. Positional and special parameters (`$1`, `$@`) are left out.
    static func references(in range: TextRange, of source: SourceFile, escape: EscapeToken) -> [Reference] {
        let bytes = source.bytes
        var result: [Reference] = []
        var index = range.start
        var inSingle = false
        var inDouble = false
        let end = min(range.end, bytes.count)
        while index < end {
            let byte = bytes[index]
            if inSingle {
                if byte == UInt8(ascii: "'") { inSingle = false }
                index += 1
                continue
            }
            if byte == escape.rawValue {
                index += 2
                continue
            }
            if byte == UInt8(ascii: "'") && !inDouble {
                inSingle = true
            } else if byte == UInt8(ascii: "\"") {
                inDouble.toggle()
            } else if byte == UInt8(ascii: "$"), index + 1 < end {
                let braced = bytes[index + 1] == UInt8(ascii: "{")
                let nameStart = index + (braced ? 2 : 1)
                var nameEnd = nameStart
                if nameStart < end, isNameStart(bytes[nameStart]) {
                    nameEnd += 1
                    while nameEnd < end, isNameByte(bytes[nameEnd]) { nameEnd += 1 }
                }
                if nameEnd > nameStart {
                    let name = String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self)
                    let closing = braced && nameEnd < end && bytes[nameEnd] == UInt8(ascii: "}") ? nameEnd + 1 : nameEnd
                    var operatorIndex = nameEnd
                    if braced && operatorIndex < end && bytes[operatorIndex] == UInt8(ascii: ":") { operatorIndex += 1 }
                    let guarded = braced && operatorIndex < end && "-+=?".utf8.contains(bytes[operatorIndex])
                    result.append(Reference(name: name, range: TextRange(start: index, end: closing), isGuarded: guarded))
                    index = nameEnd
                    continue
                }
            }
            index += 1
        }
        return result
    }

    /// Whether `name` is a name an `ARG` or `ENV` could declare.
    static func isValidName(_ name: String) -> Bool {
        guard let first = name.utf8.first, isNameStart(first) else { return false }
        return name.utf8.allSatisfy(isNameByte)
    }

    private static func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
    }

    private static func isNameByte(_ byte: UInt8) -> Bool { isNameStart(byte) || (byte >= 0x30 && byte <= 0x39) }

    /// The range of the first reference to `name` in `range`, or `range` itself.
    static func rangeOfReference(to name: String, in range: TextRange, of source: SourceFile, escape: EscapeToken) -> TextRange {
        references(in: range, of: source, escape: escape).first { $0.name == name }?.range ?? range
    }
}
