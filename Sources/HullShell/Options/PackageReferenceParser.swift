/// Splits package operands into name and version, per ecosystem.
enum PackageReferenceParser {
    static func parse(_ word: ShellWord, syntax: PackageReference.Syntax) -> PackageReference? {
        guard let text = word.literal, !text.isEmpty else { return nil }
        let utf8 = Array(text.utf8)
        func make(name: Range<Int>, separator: Range<Int>? = nil, version: Range<Int>? = nil, location: Bool = false) -> PackageReference {
            PackageReference(word: word, name: String(decoding: utf8[name], as: UTF8.self), nameBytes: name,
                             version: version.map { String(decoding: utf8[$0], as: UTF8.self) },
                             separator: separator.map { String(decoding: utf8[$0], as: UTF8.self) },
                             versionBytes: version, isLocation: location)
        }
        let whole = 0..<utf8.count
        let startsLikePath = text.hasPrefix(".") || text.hasPrefix("/") || text.hasPrefix("~") || text.contains("://")
        func firstIndex(from start: Int = 0, where predicate: (UInt8) -> Bool) -> Int? {
            var index = start
            while index < utf8.count {
                if predicate(utf8[index]) { return index }
                index += 1
            }
            return nil
        }
        func run(from start: Int, of set: Set<UInt8>) -> Int {
            var end = start
            while end < utf8.count, set.contains(utf8[end]) { end += 1 }
            return end
        }
        func split(at index: Int, operators: Set<UInt8>, nameEnd: Int? = nil) -> PackageReference {
            let end = run(from: index, of: operators)
            let version = end..<utf8.count
            return make(name: 0..<(nameEnd ?? index), separator: index..<end, version: version.isEmpty ? nil : version)
        }

        switch syntax {
        case .apt:
            if startsLikePath || text.hasSuffix(".deb") { return make(name: whole, location: true) }
            let nameEnd = firstIndex { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "=") || $0 == UInt8(ascii: "/") } ?? utf8.count
            if let equals = firstIndex(from: nameEnd, where: { $0 == UInt8(ascii: "=") }) {
                return make(name: 0..<nameEnd, separator: equals..<(equals + 1), version: (equals + 1)..<utf8.count)
            }
            if let slash = firstIndex(from: nameEnd, where: { $0 == UInt8(ascii: "/") }) {
                return make(name: 0..<nameEnd, separator: slash..<(slash + 1), version: (slash + 1)..<utf8.count)
            }
            return make(name: 0..<nameEnd)
        case .apk:
            if startsLikePath || text.hasSuffix(".apk") { return make(name: whole, location: true) }
            let operators: Set<UInt8> = Set("=~<>".utf8)
            let tag = firstIndex { $0 == UInt8(ascii: "@") }
            if let index = firstIndex(where: { operators.contains($0) }) {
                return split(at: index, operators: operators, nameEnd: tag.map { Swift.min($0, index) })
            }
            return make(name: 0..<(tag ?? utf8.count))
        case .zypper:
            if startsLikePath || text.hasSuffix(".rpm") { return make(name: whole, location: true) }
            let operators: Set<UInt8> = Set("=<>".utf8)
            if let index = firstIndex(where: { operators.contains($0) }) { return split(at: index, operators: operators) }
            return make(name: whole)
        case .rpm:
            if startsLikePath || text.hasSuffix(".rpm") || text.hasPrefix("@") { return make(name: whole, location: true) }
            var index = 0
            while index < utf8.count - 1 {
                if utf8[index] == UInt8(ascii: "-"), ShellParser.isDigit(utf8[index + 1]), index > 0 {
                    let fields = utf8[(index + 1)...].split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
                    if fields.count <= 2, fields.allSatisfy({ $0.first.map(ShellParser.isDigit) ?? false }) {
                        return make(name: 0..<index, separator: index..<(index + 1), version: (index + 1)..<utf8.count)
                    }
                }
                index += 1
            }
            return make(name: whole)
        case .pip:
            let lower = text.lowercased()
            if startsLikePath || lower.hasPrefix("git+") || lower.hasPrefix("file:") || lower.hasSuffix(".whl")
                || lower.hasSuffix(".tar.gz") || lower.hasSuffix(".zip") || lower.hasSuffix(".tgz") {
                return make(name: whole, location: true)
            }
            let nameEnd = firstIndex { byte in
                !(ShellParser.isLetter(byte) || ShellParser.isDigit(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_"))
            } ?? utf8.count
            var cursor = nameEnd
            if cursor < utf8.count, utf8[cursor] == UInt8(ascii: "[") {
                cursor = (firstIndex(from: cursor) { $0 == UInt8(ascii: "]") } ?? utf8.count - 1) + 1
            }
            while cursor < utf8.count, utf8[cursor] == UInt8(ascii: " ") { cursor += 1 }
            if cursor < utf8.count, utf8[cursor] == UInt8(ascii: "@") { return make(name: 0..<nameEnd, location: true) }
            let operators: Set<UInt8> = Set("=<>!~".utf8)
            if cursor < utf8.count, operators.contains(utf8[cursor]) {
                var end = run(from: cursor, of: operators)
                let operatorEnd = end
                while end < utf8.count, utf8[end] == UInt8(ascii: " ") { end += 1 }
                let markers = firstIndex(from: end) { $0 == UInt8(ascii: ";") } ?? utf8.count
                var versionEnd = markers
                while versionEnd > end, utf8[versionEnd - 1] == UInt8(ascii: " ") { versionEnd -= 1 }
                return make(name: 0..<nameEnd, separator: cursor..<operatorEnd, version: end < versionEnd ? end..<versionEnd : nil)
            }
            return make(name: 0..<nameEnd)
        case .npm:
            let lower = text.lowercased()
            let isScoped = text.hasPrefix("@")
            if startsLikePath || lower.hasPrefix("git") || lower.hasPrefix("file:") || lower.hasPrefix("http") || lower.hasSuffix(".tgz")
                || (!isScoped && text.contains("/")) {
                return make(name: whole, location: true)
            }
            if let at = firstIndex(from: isScoped ? 1 : 0, where: { $0 == UInt8(ascii: "@") }) {
                return make(name: 0..<at, separator: at..<(at + 1), version: at + 1 < utf8.count ? (at + 1)..<utf8.count : nil)
            }
            return make(name: whole)
        case .gem:
            if startsLikePath || text.hasSuffix(".gem") { return make(name: whole, location: true) }
            if let colon = firstIndex(where: { $0 == UInt8(ascii: ":") }) {
                return make(name: 0..<colon, separator: colon..<(colon + 1), version: colon + 1 < utf8.count ? (colon + 1)..<utf8.count : nil)
            }
            return make(name: whole)
        case .go:
            if text.hasPrefix(".") || text.hasPrefix("/") { return make(name: whole, location: true) }
            if let at = utf8.lastIndex(of: UInt8(ascii: "@")) {
                return make(name: 0..<at, separator: at..<(at + 1), version: at + 1 < utf8.count ? (at + 1)..<utf8.count : nil)
            }
            return make(name: whole)
        }
    }
}
