import HullLint

/// A `COPY`/`ADD` source pattern matched against build-context paths as BuildKit does: `*`
/// and `?` within one path segment, `[…]` character classes (with `^` or `!` negation and
/// ranges), `\` escaping the next character.
struct ContextPathPattern: Sendable {
    /// The pattern, without a leading `./` or `/`.
    let pattern: [Character]

    /// Creates a pattern from a source as written after expansion.
    init(_ source: String) {
        pattern = Array(BuildContextView.normalize(source))
    }

    /// Whether the source uses wildcards at all.
    static func hasWildcards(_ source: String) -> Bool { source.contains { $0 == "*" || $0 == "?" || $0 == "[" } }

    /// Whether `path` (a context-relative file path) matches.
    func matches(_ path: String) -> Bool {
        let text = Array(path)
        func match(_ i: Int, _ j: Int) -> Bool {
            if j == pattern.count { return i == text.count }
            switch pattern[j] {
            case "*":
                var k = i
                while true {
                    if match(k, j + 1) { return true }
                    if k == text.count || text[k] == "/" { return false }
                    k += 1
                }
            case "?":
                return i < text.count && text[i] != "/" && match(i + 1, j + 1)
            case "[":
                guard i < text.count, text[i] != "/", let (matched, next) = matchClass(text[i], from: j + 1) else { return false }
                return matched && match(i + 1, next)
            case "\\" where j + 1 < pattern.count:
                return i < text.count && text[i] == pattern[j + 1] && match(i + 1, j + 2)
            default:
                return i < text.count && text[i] == pattern[j] && match(i + 1, j + 1)
            }
        }
        return match(0, 0)
    }

    /// Matches `character` against the class starting after `[` at `start`; returns whether it
    /// matched and the index after `]`, or nil for a malformed class.
    private func matchClass(_ character: Character, from start: Int) -> (Bool, Int)? {
        var j = start
        var negated = false
        if j < pattern.count, pattern[j] == "^" || pattern[j] == "!" { negated = true; j += 1 }
        var matched = false
        var first = true
        while j < pattern.count, pattern[j] != "]" || first {
            first = false
            var low = pattern[j]
            if low == "\\", j + 1 < pattern.count { j += 1; low = pattern[j] }
            var high = low
            if j + 2 < pattern.count, pattern[j + 1] == "-", pattern[j + 2] != "]" {
                high = pattern[j + 2]
                j += 2
            }
            if low <= character && character <= high { matched = true }
            j += 1
        }
        guard j < pattern.count else { return nil }
        return (matched != negated, j + 1)
    }
}
