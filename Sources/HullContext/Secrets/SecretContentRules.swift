import HullCore

/// Content detectors over the first bytes of one text file. Hand-written scanners (no regular
/// expressions): each looks for a fixed anchor, then checks the shape around it.
struct SecretContentRules {
    let bytes: [UInt8]
    let path: ContextPath
    let isExample: Bool
    let isDotenvLike: Bool
    /// Where every anchor occurs, found in one pass over the bytes.
    private let hits: [[Int]]
    private var lineStarts: [Int] = [0]

    init(bytes: [UInt8], path: ContextPath) {
        self.bytes = bytes
        self.path = path
        self.isExample = SecretPathRules.isExampleFile(path)
        self.isDotenvLike = SecretPathRules.isDotenvLike(path)
        self.hits = SecretContentRules.findAnchors(in: bytes)
    }

    /// Every finding in the file, ordered by position.
    func findings() -> [SecretFinding] {
        guard isDotenvLike || hits.contains(where: { !$0.isEmpty }) else { return [] }
        var rules = self
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == 0x0A { starts.append(index + 1) }
        rules.lineStarts = starts
        return rules.collect()
    }

    private func collect() -> [SecretFinding] {
        var found: [SecretFinding] = []
        found += privateKeysInJSON()
        found += pemPrivateKeys(skippingLines: Set(found.compactMap(\.line)))
        found += tokens()
        found += awsKeys()
        if !isExample { found += urlPasswords() }
        if isDotenvLike && !isExample {
            let taken = Set(found.compactMap(\.line))
            found += assignments().filter { !taken.contains($0.line ?? 0) }
        }
        return found.sorted { ($0.range?.start ?? 0, $0.kind.rawValue) < ($1.range?.start ?? 0, $1.kind.rawValue) }
    }

    // MARK: - Detectors

    private struct TokenRule {
        var prefixes: [String]
        var kind: SecretKind
        var body: @Sendable (UInt8) -> Bool
        var minimum: Int
        var maximum: Int
    }

    private static let tokenRules: [TokenRule] = [
        TokenRule(prefixes: ["ghp_", "gho_", "ghs_", "ghu_", "ghr_"], kind: .githubToken, body: isAlphanumeric, minimum: 30, maximum: 255),
        TokenRule(prefixes: ["github_pat_"], kind: .githubToken, body: { isAlphanumeric($0) || $0 == 0x5F }, minimum: 22, maximum: 255),
        TokenRule(prefixes: ["glpat-"], kind: .gitlabToken, body: { isAlphanumeric($0) || $0 == 0x5F || $0 == 0x2D }, minimum: 20, maximum: 255),
        TokenRule(prefixes: ["xoxa-", "xoxb-", "xoxp-", "xoxr-"], kind: .slackToken, body: { isAlphanumeric($0) || $0 == 0x2D }, minimum: 10, maximum: 255),
        TokenRule(prefixes: ["sk_live_", "rk_live_"], kind: .stripeKey, body: isAlphanumeric, minimum: 16, maximum: 255),
        TokenRule(prefixes: ["AIza"], kind: .googleAPIKey, body: { isAlphanumeric($0) || $0 == 0x5F || $0 == 0x2D }, minimum: 35, maximum: 35),
        TokenRule(prefixes: ["npm_"], kind: .npmToken, body: isAlphanumeric, minimum: 36, maximum: 36),
    ]

    private func tokens() -> [SecretFinding] {
        var found: [SecretFinding] = []
        for rule in SecretContentRules.tokenRules {
            for prefix in rule.prefixes {
                let anchor = Array(prefix.utf8)
                for start in occurrences(of: anchor) where start == 0 || !isWordByte(bytes[start - 1]) {
                    var end = start + anchor.count
                    while end < bytes.count && rule.body(bytes[end]) { end += 1 }
                    let length = end - start - anchor.count
                    guard length >= rule.minimum, length <= rule.maximum else { continue }
                    if end < bytes.count && isWordByte(bytes[end]) { continue }
                    let body = Array(bytes[(start + anchor.count)..<end])
                    guard !SecretContentRules.looksFake(body) else { continue }
                    found.append(finding(rule.kind, start..<end, confidence: isExample ? .low : .high))
                }
            }
        }
        return found
    }

    private func awsKeys() -> [SecretFinding] {
        var found: [SecretFinding] = []
        let idHits = occurrences(of: Array("AKIA".utf8)) + occurrences(of: Array("ASIA".utf8))
        let secretLines = idHits.isEmpty ? [] : awsSecretCandidates()
        for prefix in ["AKIA", "ASIA"] {
            for start in occurrences(of: Array(prefix.utf8)) where start == 0 || !isAlphanumeric(bytes[start - 1]) {
                let end = start + 20
                guard end <= bytes.count,
                      bytes[(start + 4)..<end].allSatisfy({ isUpper($0) || isDigit($0) }),
                      end == bytes.count || !isAlphanumeric(bytes[end]) else { continue }
                let body = Array(bytes[(start + 4)..<end])
                guard !SecretContentRules.looksFake(body) else { continue }
                let line = lineIndex(of: start)
                let nearby = secretLines.contains { abs($0 - line) <= 5 }
                let confidence: SecretFinding.Confidence = isExample ? .low : (nearby ? .high : .medium)
                found.append(finding(.awsAccessKeyID, start..<end, confidence: confidence))
            }
        }
        // A secret key assigned by name.
        let name = Array("aws_secret_access_key".utf8)
        let starts = (occurrences(of: name) + occurrences(of: Array("AWS_SECRET_ACCESS_KEY".utf8))).sorted()
        for start in starts {
            var index = start + name.count
            while index < bytes.count && (bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x22 || bytes[index] == 0x27) { index += 1 }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") || bytes[index] == UInt8(ascii: ":") else { continue }
            index += 1
            while index < bytes.count && (bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x22 || bytes[index] == 0x27) { index += 1 }
            var end = index
            while end < bytes.count && SecretContentRules.isBase64(bytes[end]) { end += 1 }
            guard end - index == 40, !SecretContentRules.looksFake(Array(bytes[index..<end])) else { continue }
            found.append(finding(.awsSecretAccessKey, index..<end, confidence: isExample ? .low : .high))
        }
        return found
    }

    /// Lines holding a 40-character base64 run with mixed case: what AWS secret keys look like.
    private func awsSecretCandidates() -> [Int] {
        var lines: [Int] = []
        var index = 0
        while index < bytes.count {
            guard SecretContentRules.isBase64(bytes[index]) else { index += 1; continue }
            var end = index
            var lower = false, upper = false
            while end < bytes.count && SecretContentRules.isBase64(bytes[end]) {
                lower = lower || (bytes[end] >= 0x61 && bytes[end] <= 0x7A)
                upper = upper || isUpper(bytes[end])
                end += 1
            }
            if end - index == 40 && lower && upper { lines.append(lineIndex(of: index)) }
            index = end
        }
        return lines
    }

    private func pemPrivateKeys(skippingLines: Set<Int>) -> [SecretFinding] {
        var found: [SecretFinding] = []
        let dashes = Array("-----".utf8)
        for start in occurrences(of: Array("-----BEGIN ".utf8)) {
            let labelStart = start + 11
            guard let close = firstOccurrence(of: dashes, from: labelStart, limit: 64) else { continue }
            let label = String(decoding: bytes[labelStart..<close], as: UTF8.self)
            guard label.hasSuffix("PRIVATE KEY") || label == "PGP PRIVATE KEY BLOCK" else { continue }
            let headerEnd = close + 5
            let line = lineIndex(of: start) + 1
            if skippingLines.contains(line) { continue }
            // The body: skip line breaks (real or `\n` escapes) and PEM headers, then base64.
            var bodyStart = headerEnd
            while bodyStart < bytes.count {
                if bytes[bodyStart] == 0x0A || bytes[bodyStart] == 0x0D || bytes[bodyStart] == 0x20 {
                    bodyStart += 1
                } else if bytes[bodyStart] == 0x5C && bodyStart + 1 < bytes.count && bytes[bodyStart + 1] == 0x6E {
                    bodyStart += 2
                } else {
                    break
                }
            }
            var bodyEnd = bodyStart
            while bodyEnd < bytes.count && SecretContentRules.isBase64(bytes[bodyEnd]) { bodyEnd += 1 }
            let hasBody = bodyEnd - bodyStart >= 16
            let header = String(decoding: bytes[start..<headerEnd], as: UTF8.self)
            let excerpt = hasBody ? "\(header) \(SecretContentRules.redact(Array(bytes[bodyStart..<bodyEnd])))" : header
            var result = finding(.privateKey, start..<headerEnd, confidence: hasBody && !isExample ? .high : .medium)
            result.excerpt = excerpt
            found.append(result)
        }
        return found
    }

    private func privateKeysInJSON() -> [SecretFinding] {
        var found: [SecretFinding] = []
        let anchor = Array("\"private_key\"".utf8)
        let begin = Array("\"-----BEGIN".utf8)
        for start in occurrences(of: anchor) {
            var index = start + anchor.count
            while index < bytes.count && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 }
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { continue }
            index += 1
            while index < bytes.count && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 }
            guard index + begin.count <= bytes.count, Array(bytes[index..<(index + begin.count)]) == begin else { continue }
            var end = index + 1
            while end < bytes.count && bytes[end] != 0x22 && bytes[end] != 0x0A { end += 1 }
            found.append(finding(.privateKeyInJSON, (index + 1)..<end, confidence: isExample ? .low : .high))
        }
        return found
    }

    private func urlPasswords() -> [SecretFinding] {
        var found: [SecretFinding] = []
        for separator in occurrences(of: Array("://".utf8)) {
            var schemeStart = separator
            while schemeStart > 0 && isSchemeByte(bytes[schemeStart - 1]) { schemeStart -= 1 }
            guard separator - schemeStart >= 2, isLetter(bytes[schemeStart]) else { continue }
            let userStart = separator + 3
            var index = userStart
            var colon: Int?
            var at: Int?
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "@") { at = index; break }
                if isURLTerminator(byte) { break }
                if byte == UInt8(ascii: ":") && colon == nil { colon = index }
                index += 1
            }
            guard let at, let colon, colon < at, at - colon > 1 else { continue }
            guard at + 1 < bytes.count, isAlphanumeric(bytes[at + 1]) || bytes[at + 1] == UInt8(ascii: "[") else { continue }
            let password = Array(bytes[(colon + 1)..<at])
            guard !SecretContentRules.isPlaceholder(password) else { continue }
            found.append(finding(.passwordInURL, (colon + 1)..<at, confidence: .medium))
        }
        return found
    }

    private static let secretKeyWords = ["PASSWORD", "PASSWD", "SECRET", "TOKEN", "API_KEY", "APIKEY", "ACCESS_KEY",
                                         "PRIVATE_KEY", "AUTH_KEY", "CREDENTIAL"]

    private func assignments() -> [SecretFinding] {
        var found: [SecretFinding] = []
        for (lineNumber, lineStart) in lineStarts.enumerated() {
            let lineEnd = lineNumber + 1 < lineStarts.count ? lineStarts[lineNumber + 1] - 1 : bytes.count
            var index = lineStart
            func skipSpace() { while index < lineEnd && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 } }
            skipSpace()
            let exportWord = Array("export ".utf8)
            if lineEnd - index > exportWord.count && Array(bytes[index..<(index + exportWord.count)]) == exportWord {
                index += exportWord.count
                skipSpace()
            }
            let keyStart = index
            while index < lineEnd && (isAlphanumeric(bytes[index]) || bytes[index] == 0x5F || bytes[index] == 0x2E || bytes[index] == 0x2D) { index += 1 }
            guard index > keyStart else { continue }
            let key = String(decoding: bytes[keyStart..<index], as: UTF8.self).uppercased()
            skipSpace()
            guard index < lineEnd, bytes[index] == UInt8(ascii: "=") || bytes[index] == UInt8(ascii: ":") else { continue }
            index += 1
            skipSpace()
            guard SecretContentRules.secretKeyWords.contains(where: { key.contains($0) }) else { continue }
            var valueStart = index
            var valueEnd = lineEnd
            if valueEnd > valueStart && bytes[valueEnd - 1] == 0x0D { valueEnd -= 1 }
            if valueStart < valueEnd, bytes[valueStart] == 0x22 || bytes[valueStart] == 0x27 {
                let quote = bytes[valueStart]
                valueStart += 1
                guard let close = bytes[valueStart..<valueEnd].firstIndex(of: quote) else { continue }
                valueEnd = close
            } else {
                var position = valueStart
                while position < valueEnd {
                    if bytes[position] == UInt8(ascii: "#") && position > valueStart && (bytes[position - 1] == 0x20 || bytes[position - 1] == 0x09) {
                        valueEnd = position
                        break
                    }
                    position += 1
                }
                while valueEnd > valueStart && (bytes[valueEnd - 1] == 0x20 || bytes[valueEnd - 1] == 0x09) { valueEnd -= 1 }
            }
            let value = Array(bytes[valueStart..<valueEnd])
            guard value.count >= 6, !SecretContentRules.isPlaceholder(value) else { continue }
            let classes = [value.contains(where: isDigit), value.contains(where: isUpper),
                           value.contains { $0 >= 0x61 && $0 <= 0x7A }, value.contains { !isAlphanumeric($0) }]
                .filter { $0 }.count
            let confidence: SecretFinding.Confidence = value.count >= 12 && classes >= 2 ? .medium : .low
            found.append(finding(.secretAssignment, valueStart..<valueEnd, confidence: confidence))
        }
        return found
    }

    // MARK: - Findings and redaction

    private func lineIndex(of offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// A finding whose secret occupies `span`; the excerpt is its line with the secret redacted.
    private func finding(_ kind: SecretKind, _ span: Range<Int>, confidence: SecretFinding.Confidence) -> SecretFinding {
        let line = lineIndex(of: span.lowerBound)
        let lineStart = lineStarts[line]
        var lineEnd = line + 1 < lineStarts.count ? lineStarts[line + 1] - 1 : bytes.count
        if lineEnd > lineStart && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
        let secretEnd = min(span.upperBound, lineEnd)
        let before = SecretContentRules.clip(String(decoding: bytes[lineStart..<span.lowerBound], as: UTF8.self), keepEnd: true)
        let after = SecretContentRules.clip(String(decoding: bytes[secretEnd..<max(secretEnd, lineEnd)], as: UTF8.self), keepEnd: false)
        let excerpt = before + SecretContentRules.redact(Array(bytes[span])) + after
        return SecretFinding(path: path, kind: kind, line: line + 1,
                             columns: (span.lowerBound - lineStart + 1)..<(secretEnd - lineStart + 1),
                             range: TextRange(span), excerpt: excerpt.trimmingSpace(), confidence: confidence)
    }

    /// The first characters of a secret, then `…`: four for secrets of 12 characters or more,
    /// fewer for short ones so that most of the secret is never shown.
    static func redact(_ secret: [UInt8]) -> String {
        let text = String(decoding: secret, as: UTF8.self)
        let keep = text.count >= 12 ? 4 : text.count / 4
        return String(text.prefix(keep)) + "…"
    }

    private static func clip(_ text: String, keepEnd: Bool) -> String {
        let limit = 40
        guard text.count > limit else { return text }
        return keepEnd ? "…" + String(text.suffix(limit)) : String(text.prefix(limit)) + "…"
    }

    // MARK: - Guards

    /// A token body that is a run of one character, a row of `x`, or says it is an example.
    static func looksFake(_ body: [UInt8]) -> Bool {
        guard let first = body.first else { return true }
        if body.allSatisfy({ $0 == first }) { return true }
        let lower = String(decoding: body, as: UTF8.self).lowercased()
        return lower.contains("xxxxxxxx") || lower.contains("example") || lower.contains("00000000")
    }

    private static let placeholders: Set<String> = [
        "changeme", "change_me", "change-me", "changeit", "password", "passwd", "pass", "secret", "example", "sample",
        "placeholder", "dummy", "test", "testing", "todo", "tbd", "none", "null", "nil", "undefined", "empty",
        "redacted", "replaceme", "replace_me", "fixme", "default", "token", "your_token", "mysecret", "mypassword",
    ]

    /// A value that stands for a secret rather than being one.
    static func isPlaceholder(_ value: [UInt8]) -> Bool {
        guard let first = value.first else { return true }
        let text = String(decoding: value, as: UTF8.self)
        let lower = text.lowercased()
        if placeholders.contains(lower) { return true }
        if value.allSatisfy({ $0 == first }) { return true }
        // References and templates: ${VAR}, $VAR, $(cmd), %VAR%, {{ var }}, <your-key>, [secret].
        if text.hasPrefix("$") || text.hasPrefix("%") || text.hasPrefix("{{") || text.hasPrefix("<") || text.hasPrefix("[") {
            return true
        }
        for marker in ["changeme", "change_me", "placeholder", "example", "your-", "your_", "yourpass", "replace",
                       "xxxx", "****", "...", "…", "dummy", "fixme", "<", "${"] where lower.contains(marker) {
            return true
        }
        return false
    }

    // MARK: - Byte search

    /// Every literal anchor a detector starts from.
    private static let anchors: [[UInt8]] = {
        var list: [String] = tokenRules.flatMap(\.prefixes)
        list += ["AKIA", "ASIA", "-----BEGIN ", "\"private_key\"", "://", "aws_secret_access_key", "AWS_SECRET_ACCESS_KEY"]
        return list.map { Array($0.utf8) }
    }()

    private static let anchorIndex: [[UInt8]: Int] = Dictionary(uniqueKeysWithValues: anchors.enumerated().map { ($1, $0) })

    /// For each first byte, the anchors starting with it.
    private static let anchorsByFirstByte: [[Int]] = {
        var table = [[Int]](repeating: [], count: 256)
        for (index, anchor) in anchors.enumerated() { table[Int(anchor[0])].append(index) }
        return table
    }()

    /// Whether some anchor starts with a given pair of bytes (index `first << 8 | second`).
    private static let anchorPairs: [Bool] = {
        var table = [Bool](repeating: false, count: 65_536)
        for anchor in anchors { table[Int(anchor[0]) << 8 | Int(anchor[1])] = true }
        return table
    }()

    private static func findAnchors(in bytes: [UInt8]) -> [[Int]] {
        var hits = [[Int]](repeating: [], count: anchors.count)
        guard bytes.count >= 2 else { return hits }
        bytes.withUnsafeBufferPointer { buffer in
            anchorPairs.withUnsafeBufferPointer { pairs in
                for index in 0..<(buffer.count - 1) {
                    guard pairs[Int(buffer[index]) << 8 | Int(buffer[index + 1])] else { continue }
                    let candidates = anchorsByFirstByte[Int(buffer[index])]
                    for anchor in candidates {
                        let needle = anchors[anchor]
                        guard index + needle.count <= buffer.count else { continue }
                        var equal = true
                        for offset in 1..<needle.count where buffer[index + offset] != needle[offset] {
                            equal = false
                            break
                        }
                        if equal { hits[anchor].append(index) }
                    }
                }
            }
        }
        return hits
    }

    private func occurrences(of needle: [UInt8]) -> [Int] {
        if let index = SecretContentRules.anchorIndex[needle] { return hits[index] }
        return scan(for: needle)
    }

    private func scan(for needle: [UInt8]) -> [Int] {
        guard !needle.isEmpty, bytes.count >= needle.count else { return [] }
        var result: [Int] = []
        let first = needle[0]
        var index = 0
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first {
                var equal = true
                for offset in 1..<needle.count where bytes[index + offset] != needle[offset] {
                    equal = false
                    break
                }
                if equal { result.append(index) }
            }
            index += 1
        }
        return result
    }

    private func firstOccurrence(of needle: [UInt8], from start: Int, limit: Int) -> Int? {
        let end = min(bytes.count - needle.count, start + limit)
        guard start <= end else { return nil }
        for index in start...end where Array(bytes[index..<(index + needle.count)]) == needle { return index }
        return nil
    }

    static func isBase64(_ byte: UInt8) -> Bool { isAlphanumeric(byte) || byte == 0x2B || byte == 0x2F }
}

private extension String {
    func trimmingSpace() -> String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return String(text)
    }
}

@inline(__always) private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
@inline(__always) private func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
@inline(__always) private func isLetter(_ byte: UInt8) -> Bool { isUpper(byte) || (byte >= 0x61 && byte <= 0x7A) }
@inline(__always) private func isAlphanumeric(_ byte: UInt8) -> Bool { isDigit(byte) || isLetter(byte) }
@inline(__always) private func isWordByte(_ byte: UInt8) -> Bool { isAlphanumeric(byte) || byte == 0x5F }
@inline(__always) private func isSchemeByte(_ byte: UInt8) -> Bool { isAlphanumeric(byte) || byte == 0x2B || byte == 0x2E || byte == 0x2D }
@inline(__always) private func isURLTerminator(_ byte: UInt8) -> Bool {
    byte <= 0x20 || byte == 0x2F || byte == 0x22 || byte == 0x27 || byte == 0x60 || byte == 0x3C || byte == 0x3E
        || byte == 0x3F || byte == 0x23 || byte == 0x7F
}
