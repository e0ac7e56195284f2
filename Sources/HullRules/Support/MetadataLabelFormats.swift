/// Validators for the value formats a label schema can require.
enum MetadataLabelFormats {
    // MARK: - URL

    /// Whether `text` is an absolute URI (RFC 3986 §4.3): a scheme, `:`, and only characters a
    /// URI may hold, with well-formed percent escapes. Web schemes also need a host.
    static func isURL(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0, isAlpha(bytes[0]),
              bytes[1..<colon].allSatisfy({ isAlpha($0) || isDigit($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }) else { return false }
        let scheme = String(decoding: bytes[..<colon], as: UTF8.self).lowercased()
        let rest = Array(bytes[(colon + 1)...])
        var index = 0
        var fragments = 0
        while index < rest.count {
            let byte = rest[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < rest.count, isHex(rest[index + 1]), isHex(rest[index + 2]) else { return false }
                index += 3
                continue
            }
            if byte == UInt8(ascii: "#") { fragments += 1 }
            guard isURIByte(byte), fragments <= 1 else { return false }
            index += 1
        }
        if rest.starts(with: Array("//".utf8)) {
            let authority = rest.dropFirst(2).prefix { $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "#") }
            let hostPart = authority.split(separator: UInt8(ascii: "@"), omittingEmptySubsequences: false).last ?? []
            if hostPart.contains(UInt8(ascii: "[")) || hostPart.contains(UInt8(ascii: "]")) {
                guard hostPart.first == UInt8(ascii: "["), let close = hostPart.firstIndex(of: UInt8(ascii: "]")),
                      hostPart[hostPart.index(after: close)...].allSatisfy({ $0 == UInt8(ascii: ":") || isDigit($0) }) else { return false }
            }
            let host = hostPart.first == UInt8(ascii: "[") ? hostPart : hostPart.prefix { $0 != UInt8(ascii: ":") }
            if ["http", "https", "ftp", "ws", "wss", "git", "ssh"].contains(scheme) && host.isEmpty { return false }
        } else if ["http", "https", "ftp", "ws", "wss"].contains(scheme) {
            return false
        }
        return true
    }

    private static func isURIByte(_ byte: UInt8) -> Bool {
        isAlpha(byte) || isDigit(byte) || "-._~:/?#[]@!$&'()*+,;=".utf8.contains(byte)
    }

    // MARK: - RFC 3339

    /// Whether `text` is an RFC 3339 date-time (§5.6), such as `2024-05-01T12:30:00Z` or
    /// `2024-05-01T12:30:00.5+02:00`, with every field in range.
    static func isRFC3339(_ text: String) -> Bool {
        let b = Array(text.utf8)
        guard b.count >= 20 else { return false }
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= b.count, b[range].allSatisfy(isDigit) else { return nil }
            return b[range].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        guard let year = number(0..<4), b[4] == UInt8(ascii: "-"), let month = number(5..<7), b[7] == UInt8(ascii: "-"),
              let day = number(8..<10), b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t"),
              let hour = number(11..<13), b[13] == UInt8(ascii: ":"), let minute = number(14..<16), b[16] == UInt8(ascii: ":"),
              let second = number(17..<19) else { return false }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year), hour <= 23, minute <= 59, second <= 60 else { return false }
        var index = 19
        if b[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < b.count, isDigit(b[index]) { index += 1 }
            guard index > start else { return false }
        }
        guard index < b.count else { return false }
        if b[index] == UInt8(ascii: "Z") || b[index] == UInt8(ascii: "z") { return index + 1 == b.count }
        guard b[index] == UInt8(ascii: "+") || b[index] == UInt8(ascii: "-"), index + 6 == b.count,
              let offsetHour = number((index + 1)..<(index + 3)), b[index + 3] == UInt8(ascii: ":"),
              let offsetMinute = number((index + 4)..<(index + 6)) else { return false }
        return offsetHour <= 23 && offsetMinute <= 59
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    // MARK: - Git hash

    /// Whether `text` is a git object name: lower-case hexadecimal, abbreviated (7 to 40 digits)
    /// or full SHA-1 (40) or SHA-256 (64).
    static func isGitHash(_ text: String) -> Bool {
        let count = text.utf8.count
        return ((7...40).contains(count) || count == 64) && text.utf8.allSatisfy { isDigit($0) || ($0 >= 0x61 && $0 <= 0x66) }
    }

    // MARK: - Semantic versioning

    /// Whether `text` is a Semantic Versioning 2.0.0 version: `MAJOR.MINOR.PATCH`, an optional
    /// `-pre.release` and optional `+build.metadata`, numbers without leading zeros, no `v` prefix.
    static func isSemVer(_ text: String) -> Bool {
        var core = Substring(text)
        var build: Substring?
        if let plus = core.firstIndex(of: "+") {
            build = core[core.index(after: plus)...]
            core = core[..<plus]
        }
        var pre: Substring?
        if let dash = core.firstIndex(of: "-") {
            pre = core[core.index(after: dash)...]
            core = core[..<dash]
        }
        let numbers = core.split(separator: ".", omittingEmptySubsequences: false)
        guard numbers.count == 3, numbers.allSatisfy(isNumericIdentifier) else { return false }
        if let pre {
            let parts = pre.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.allSatisfy({ part in
                !part.isEmpty && part.utf8.allSatisfy(isIdentifierByte) && (part.utf8.contains { !isDigit($0) } || isNumericIdentifier(part))
            }) else { return false }
        }
        if let build {
            let parts = build.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy(isIdentifierByte) }) else { return false }
        }
        return true
    }

    private static func isNumericIdentifier(_ part: Substring) -> Bool {
        !part.isEmpty && part.utf8.allSatisfy(isDigit) && (part == "0" || part.first != "0")
    }

    private static func isIdentifierByte(_ byte: UInt8) -> Bool { isAlpha(byte) || isDigit(byte) || byte == UInt8(ascii: "-") }

    // MARK: - Email

    /// Whether `text` is an RFC 5322 `addr-spec` (§3.4.1): a dot-atom or quoted local part, `@`,
    /// and a dot-atom or bracketed domain. Display names (`Jane <jane@example.com>`) are not
    /// addresses.
    static func isEmail(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let at = bytes.lastIndex(of: UInt8(ascii: "@")) else { return false }
        let local = Array(bytes[..<at]), domain = Array(bytes[(at + 1)...])
        guard !local.isEmpty, local.count <= 64, !domain.isEmpty, domain.count <= 253 else { return false }
        let localValid: Bool
        if local.first == UInt8(ascii: "\"") {
            localValid = isQuotedString(local)
        } else {
            localValid = isDotAtom(local)
        }
        guard localValid else { return false }
        if domain.first == UInt8(ascii: "[") {
            return domain.last == UInt8(ascii: "]") && domain.count > 2
                && domain.dropFirst().dropLast().allSatisfy { $0 >= 33 && $0 <= 126 && $0 != UInt8(ascii: "[") && $0 != UInt8(ascii: "]") && $0 != UInt8(ascii: "\\") }
        }
        return isDotAtom(domain)
    }

    private static func isDotAtom(_ bytes: [UInt8]) -> Bool {
        let atoms = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return atoms.allSatisfy { atom in !atom.isEmpty && atom.allSatisfy { isAlpha($0) || isDigit($0) || "!#$%&'*+-/=?^_`{|}~".utf8.contains($0) } }
    }

    private static func isQuotedString(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 2, bytes.last == UInt8(ascii: "\"") else { return false }
        var index = 1
        while index < bytes.count - 1 {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") {
                guard index + 1 < bytes.count - 1 else { return false }
                index += 2
                continue
            }
            guard byte == 0x20 || byte == 0x09 || (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "\"")) else { return false }
            index += 1
        }
        return true
    }

    // MARK: - SPDX

    /// Whether `text` is an SPDX license expression (SPDX 2.3 Annex D): license identifiers from
    /// the built-in list (or `extra`), optionally with `+`, `LicenseRef-…` and
    /// `DocumentRef-…:LicenseRef-…` references, `WITH` exceptions, `AND`, `OR` and parentheses.
    /// Identifiers match in any case; operators are upper or lower case.
    static func isSPDX(_ text: String, extra: Set<String> = []) -> Bool {
        var tokens: [String] = []
        var current = ""
        for character in text {
            if character == "(" || character == ")" || character == " " || character == "\t" {
                if !current.isEmpty { tokens.append(current); current = "" }
                if character == "(" || character == ")" { tokens.append(String(character)) }
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        var parser = SPDXParser(tokens: tokens, extra: Set(extra.map { $0.lowercased() }))
        return parser.expression() && parser.index == tokens.count
    }

    private struct SPDXParser {
        var tokens: [String]
        var extra: Set<String>
        var index = 0

        func isOperator(_ token: String, _ name: String) -> Bool { token == name || token == name.lowercased() }

        mutating func expression() -> Bool {
            guard term() else { return false }
            while index < tokens.count, isOperator(tokens[index], "OR") {
                index += 1
                guard term() else { return false }
            }
            return true
        }

        mutating func term() -> Bool {
            guard factor() else { return false }
            while index < tokens.count, isOperator(tokens[index], "AND") {
                index += 1
                guard factor() else { return false }
            }
            return true
        }

        mutating func factor() -> Bool {
            guard index < tokens.count else { return false }
            if tokens[index] == "(" {
                index += 1
                guard expression(), index < tokens.count, tokens[index] == ")" else { return false }
                index += 1
                return true
            }
            guard license(tokens[index]) else { return false }
            index += 1
            if index < tokens.count, isOperator(tokens[index], "WITH") {
                index += 1
                guard index < tokens.count, MetadataSpdxLicenses.exceptions.contains(tokens[index].lowercased()) else { return false }
                index += 1
            }
            return true
        }

        func license(_ token: String) -> Bool {
            if ["AND", "OR", "WITH"].contains(token.uppercased()) { return false }
            var id = token.lowercased()
            if id.hasPrefix("documentref-"), let colon = id.firstIndex(of: ":") {
                guard isIdString(id[id.index(id.startIndex, offsetBy: "documentref-".count)..<colon]) else { return false }
                id = String(id[id.index(after: colon)...])
            }
            if id.hasPrefix("licenseref-") { return isIdString(id.dropFirst("licenseref-".count)) }
            if id.hasSuffix("+") { id.removeLast() }
            return MetadataSpdxLicenses.identifiers.contains(id) || extra.contains(id)
        }

        func isIdString(_ text: Substring) -> Bool {
            !text.isEmpty && text.utf8.allSatisfy { isAlpha($0) || isDigit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }
        }
    }

    // MARK: - Bytes

    private static func isAlpha(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isHex(_ byte: UInt8) -> Bool { isDigit(byte) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x66) }
}
