/// BuildKit's directive look-ups that work on raw file bytes without a full parse: the
/// `syntax` detection the frontend uses to pick a parser image (which also accepts `//`
/// comments and a JSON object, and skips a `#!` line), and the `check` directive.
public enum DirectiveDetection {
    /// A directive found by a look-up.
    public struct Found: Sendable, Hashable {
        /// The value up to its first space (for `syntax`, the frontend image reference).
        public var reference: String
        /// The whole value.
        public var commandLine: String
        /// BuildKit's 1-based line of the directive (0 for the JSON form without a `#!` line).
        public var line: Int
    }

    /// A directive as the leading-block scan reports it.
    public struct Directive: Sendable, Hashable {
        /// The lower-cased name.
        public var name: String
        /// The value.
        public var value: String
        /// The 1-based line.
        public var line: Int
    }

    /// BuildKit's `DetectSyntax`.
    public static func detectSyntax(_ bytes: [UInt8]) -> Found? { find("syntax", in: bytes, anyFormat: true) }

    /// BuildKit's `ParseDirective(key, …)`: the `#` form only.
    public static func directive(_ key: String, in bytes: [UInt8]) -> Found? { find(key, in: bytes, anyFormat: false) }

    /// BuildKit's `DirectiveParser.ParseAll` over lines with a `#` prefix: the directives of the
    /// leading block and, when a directive repeats, BuildKit's error message.
    public static func leadingDirectives(_ bytes: [UInt8], commentPrefix: String = "#", firstLine: Int = 0) -> (directives: [Directive], error: String?) {
        var scanner = DirectiveScanner()
        scanner.commentPrefix = Array(commentPrefix.utf8)
        var found: [Directive] = []
        var lineNumber = firstLine
        var start = 0
        while start < bytes.count, !scanner.done {
            var end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            let next = end + 1
            if end > start, bytes[end - 1] == 0x0D { end -= 1 }
            lineNumber += 1
            do {
                if let match = try scanner.scan(bytes, start..<end) {
                    found.append(Directive(name: match.name, value: match.value, line: lineNumber))
                }
            } catch {
                return (found, error.message)
            }
            start = next
        }
        return (found, nil)
    }

    private static func find(_ key: String, in input: [UInt8], anyFormat: Bool) -> Found? {
        var bytes = input
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var firstLine = 0
        if bytes.starts(with: Array("#!".utf8)) {
            let newline = bytes.firstIndex(of: 0x0A) ?? bytes.count
            bytes = newline < bytes.count ? Array(bytes[(newline + 1)...]) : []
            firstLine = 1
        }
        for prefix in anyFormat ? ["#", "//"] : ["#"] {
            let scan = leadingDirectives(bytes, commentPrefix: prefix, firstLine: firstLine)
            if let hit = scan.directives.first(where: { $0.name == key }) {
                let reference = hit.value.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
                return Found(reference: reference, commandLine: hit.value, line: hit.line)
            }
        }
        guard anyFormat, let value = JSONStringArray.topLevelString(bytes, key: key) else { return nil }
        return Found(reference: value, commandLine: value, line: firstLine)
    }
}
