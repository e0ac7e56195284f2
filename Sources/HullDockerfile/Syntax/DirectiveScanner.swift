/// Recognises parser directives in a Dockerfile's leading comment block, as BuildKit's
/// `DirectiveParser` does: `# name=value` where the name is `syntax`, `escape` or `check`
/// (any case); the first line that is not such a directive ends the block for good.
struct DirectiveScanner {
    /// The directive names BuildKit knows.
    static let knownNames: Set<String> = ["syntax", "escape", "check"]

    struct Match {
        var name: String
        var value: String
        var valueRange: Range<Int>
    }

    private(set) var done = false
    private var seen: Set<String> = []
    /// The comment prefix: `#` for Dockerfiles, `//` for BuildKit's alternative syntax detection.
    var commentPrefix: [UInt8] = [UInt8(ascii: "#")]

    /// Looks at one line (newline removed). Returns the directive, nil when the line is not
    /// one (which ends the block), or throws BuildKit's message for a repeated directive.
    mutating func scan(_ bytes: [UInt8], _ range: Range<Int>) throws(DirectiveError) -> Match? {
        if done { return nil }
        guard range.count >= commentPrefix.count, bytes[range.lowerBound..<(range.lowerBound + commentPrefix.count)].elementsEqual(commentPrefix) else {
            done = true
            return nil
        }
        guard let match = Self.match(bytes, (range.lowerBound + commentPrefix.count)..<range.upperBound) else {
            done = true
            return nil
        }
        guard Self.knownNames.contains(match.name) else {
            done = true
            return nil
        }
        if seen.contains(match.name) {
            throw DirectiveError(message: "only one \(match.name) parser directive can be used")
        }
        seen.insert(match.name)
        return match
    }

    /// Regular-expression `\s` in Go: tab, newline, form feed, carriage return, space.
    private static func isRegexSpace(_ byte: UInt8) -> Bool {
        byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D || byte == 0x20
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// Matches `^([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$` after leading Unicode spaces.
    static func match(_ bytes: [UInt8], _ range: Range<Int>) -> Match? {
        var index = GoText.skipSpaces(bytes, from: range.lowerBound, to: range.upperBound)
        let end = range.upperBound
        guard index < end, isLetter(bytes[index]) else { return nil }
        let nameStart = index
        index += 1
        while index < end, isLetter(bytes[index]) || (bytes[index] >= 0x30 && bytes[index] <= 0x39) { index += 1 }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
        while index < end, isRegexSpace(bytes[index]) { index += 1 }
        guard index < end, bytes[index] == UInt8(ascii: "=") else { return nil }
        index += 1
        // `.` does not match a newline.
        if bytes[index..<end].contains(0x0A) { return nil }
        let afterEquals = index
        guard afterEquals < end else { return nil }
        var valueStart = afterEquals
        while valueStart < end, isRegexSpace(bytes[valueStart]) { valueStart += 1 }
        var valueEnd = end
        while valueEnd > valueStart, isRegexSpace(bytes[valueEnd - 1]) { valueEnd -= 1 }
        if valueStart == valueEnd {
            // Only whitespace after `=`: the lazy group still needs one character, the last.
            let last = GoText.decodeLast(bytes, start: afterEquals, end: end)
            valueStart = end - last.width
            valueEnd = end
        }
        return Match(name: name, value: GoText.string(bytes, valueStart..<valueEnd), valueRange: valueStart..<valueEnd)
    }
}

/// A directive BuildKit rejects.
struct DirectiveError: Error {
    var message: String
}
