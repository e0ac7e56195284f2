/// Go's `path.Match` for one path segment, as BuildKit's copy resolves COPY source wildcards
/// (`fsutil/copy.ResolveWildcards` matches each segment of the source with it): `*` and `?`
/// never match `/`, `[…]` classes with ranges and `^` negation, `\` escapes the next character.
enum GoPathMatch {
    /// Whether `name` matches `pattern`; nil when Go reports `ErrBadPattern`.
    static func match(_ pattern: String, _ name: String) -> Bool? {
        let pattern = Array(pattern.unicodeScalars)
        let name = Array(name.unicodeScalars)
        return match(pattern[...], name[...])
    }

    /// Whether `text` has a character `path.Match` gives a meaning to.
    static func hasMeta(_ text: String) -> Bool { text.contains { "*?[\\".contains($0) } }

    private static func match(_ pattern: ArraySlice<Unicode.Scalar>, _ name: ArraySlice<Unicode.Scalar>) -> Bool? {
        var p = pattern.startIndex
        var n = name.startIndex
        while p < pattern.endIndex {
            switch pattern[p] {
            case "*":
                var rest = p
                while rest < pattern.endIndex && pattern[rest] == "*" { rest += 1 }
                if rest == pattern.endIndex { return !name[n...].contains("/") }
                var start = n
                while true {
                    guard let result = match(pattern[rest...], name[start...]) else { return nil }
                    if result { return true }
                    if start == name.endIndex || name[start] == "/" { break }
                    start += 1
                }
                // Go still validates the rest of the pattern after a failed star.
                return validate(pattern[rest...]) ? false : nil
            case "?":
                guard n < name.endIndex, name[n] != "/" else { return validate(pattern[(p + 1)...]) ? false : nil }
                p += 1
                n += 1
            case "[":
                guard let (matched, next) = matchClass(pattern, at: p, name: n < name.endIndex ? name[n] : nil) else { return nil }
                guard matched, n < name.endIndex else { return validate(pattern[next...]) ? false : nil }
                p = next
                n += 1
            case "\\":
                guard p + 1 < pattern.endIndex else { return nil }
                guard n < name.endIndex, name[n] == pattern[p + 1] else { return validate(pattern[(p + 2)...]) ? false : nil }
                p += 2
                n += 1
            default:
                guard n < name.endIndex, name[n] == pattern[p] else { return validate(pattern[(p + 1)...]) ? false : nil }
                p += 1
                n += 1
            }
        }
        return n == name.endIndex
    }

    /// Matches a class at `start`; nil when malformed, else whether `character` is in it and
    /// the index after the closing `]`.
    private static func matchClass(_ pattern: ArraySlice<Unicode.Scalar>, at start: Int, name character: Unicode.Scalar?) -> (Bool, Int)? {
        var index = start + 1
        var negated = false
        if index < pattern.endIndex && pattern[index] == "^" { negated = true; index += 1 }
        var matched = false
        var items = 0
        func escaped(_ at: inout Int) -> Unicode.Scalar? {
            guard at < pattern.endIndex else { return nil }
            var scalar = pattern[at]
            if scalar == "-" || scalar == "]" { return nil }
            if scalar == "\\" {
                at += 1
                guard at < pattern.endIndex else { return nil }
                scalar = pattern[at]
            }
            at += 1
            return at < pattern.endIndex ? scalar : nil
        }
        while true {
            if index < pattern.endIndex && pattern[index] == "]" && items > 0 { index += 1; break }
            guard let low = escaped(&index) else { return nil }
            var high = low
            if pattern[index] == "-" {
                index += 1
                guard let upper = escaped(&index) else { return nil }
                high = upper
            }
            if let character, low.value <= character.value && character.value <= high.value { matched = true }
            items += 1
        }
        guard let character, character != "/" else { return (false, index) }
        return (matched != negated, index)
    }

    /// Whether the rest of a pattern is well formed (Go reports a bad pattern even after a
    /// mismatch).
    private static func validate(_ pattern: ArraySlice<Unicode.Scalar>) -> Bool {
        var index = pattern.startIndex
        while index < pattern.endIndex {
            switch pattern[index] {
            case "\\":
                guard index + 1 < pattern.endIndex else { return false }
                index += 2
            case "[":
                guard let (_, next) = matchClass(pattern, at: index, name: "a") else { return false }
                index = next
            default:
                index += 1
            }
        }
        return true
    }
}
