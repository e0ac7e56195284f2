/// The subset of COPY's path patterns (Go's `filepath.Match`) the dependency rules need:
/// `*`, `?` and bracket expressions within one path component.
enum DependencyGlob {
    /// Whether `text` has pattern characters.
    static func isPattern(_ text: String) -> Bool {
        text.contains { $0 == "*" || $0 == "?" || $0 == "[" }
    }

    /// Whether `name` (one path component) matches `pattern`.
    static func matches(_ name: String, _ pattern: String) -> Bool {
        let text = Array(name), glob = Array(pattern)
        func match(_ i: Int, _ j: Int) -> Bool {
            if j == glob.count { return i == text.count }
            switch glob[j] {
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
                guard let close = glob[(j + 1)...].firstIndex(of: "]"), i < text.count else { return false }
                var set = glob[(j + 1)..<close]
                let negated = set.first == "^" || set.first == "!"
                if negated { set = set.dropFirst() }
                var found = false
                var index = set.startIndex
                while index < set.endIndex {
                    if index + 2 < set.endIndex, set[index + 1] == "-" {
                        if set[index] <= text[i] && text[i] <= set[index + 2] { found = true }
                        index += 3
                    } else {
                        if set[index] == text[i] { found = true }
                        index += 1
                    }
                }
                return found != negated && match(i + 1, close + 1)
            default:
                return i < text.count && text[i] == glob[j] && match(i + 1, j + 1)
            }
        }
        return match(0, 0)
    }
}
