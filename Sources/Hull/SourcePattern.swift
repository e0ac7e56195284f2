import HullContext

/// Which context paths one ``ContextReference`` takes in: the source itself and everything
/// below it, with the instruction's `--exclude` patterns applied.
///
/// Wildcards follow Go's `filepath.Match` as BuildKit's copy resolves them: `*` and `?` stay
/// within one path component, `[…]` is a class (`^` negates), `\` escapes. A match may be a
/// folder, which is then taken in whole. With `COPY --parents` a wildcard source is matched the
/// way `.dockerignore` patterns are (`**` crosses folders). `--exclude` patterns are matched
/// against paths relative to each matched source, as BuildKit's copier does; the matched
/// source itself is never excluded.
struct SourcePattern: Sendable {
    let reference: ContextReference
    private let path: [UInt8]
    private let wildcard: Bool
    private let components: Int
    private let parentsMatcher: IgnoreMatcher?
    private let excludes: IgnoreMatcher?

    init(_ reference: ContextReference) {
        self.reference = reference
        path = Array(reference.path.utf8)
        wildcard = reference.hasWildcards
        components = reference.path.split(separator: "/").count
        parentsMatcher = reference.parents && reference.hasWildcards
            ? try? IgnoreMatcher(patterns: [IgnorePattern(reference.path)], policy: .dropInvalid) : nil
        let patterns = reference.excludes.map { IgnorePattern($0) }
        excludes = patterns.isEmpty ? nil : try? IgnoreMatcher(patterns: patterns, policy: .dropInvalid)
    }

    /// The matched source `path` falls under (itself or an ancestor), or nil when the source
    /// does not reach it.
    func root(of candidate: [UInt8]) -> ArraySlice<UInt8>? {
        if path.isEmpty { return candidate[0..<0] }
        if let parentsMatcher {
            let text = String(decoding: candidate, as: UTF8.self)
            return ((try? parentsMatcher.isExcluded(text)) ?? false) ? candidate[0..<0] : nil
        }
        if !wildcard {
            guard candidate.count >= path.count, candidate.starts(with: path) else { return nil }
            guard candidate.count == path.count || candidate[path.count] == UInt8(ascii: "/") else { return nil }
            return candidate[..<path.count]
        }
        var seen = 0
        var end = candidate.count
        for index in candidate.indices where candidate[index] == UInt8(ascii: "/") {
            seen += 1
            if seen == components { end = index; break }
        }
        if seen < components - 1 { return nil }
        let prefix = candidate[..<end]
        return SourcePattern.match(path[...], prefix) ? prefix : nil
    }

    /// Whether the source takes in `candidate` (a sent path).
    func covers(_ candidate: [UInt8]) -> Bool {
        guard let root = root(of: candidate) else { return false }
        guard let excludes, candidate.count > root.count else { return true }
        let relative = candidate[(root.isEmpty ? 0 : root.count + 1)...]
        let text = String(decoding: relative, as: UTF8.self)
        return !((try? excludes.isExcluded(text)) ?? false)
    }

    // MARK: - filepath.Match

    /// Go's `filepath.Match` over bytes (classes compare bytes, which is exact for ASCII).
    static func match(_ pattern: ArraySlice<UInt8>, _ text: ArraySlice<UInt8>) -> Bool {
        var p = pattern.startIndex, t = text.startIndex
        var starP = -1, starT = -1
        while t < text.endIndex {
            if p < pattern.endIndex {
                let byte = pattern[p]
                if byte == UInt8(ascii: "*") {
                    starP = p
                    starT = t
                    p += 1
                    continue
                }
                if byte == UInt8(ascii: "?") && text[t] != UInt8(ascii: "/") {
                    p += 1
                    t += 1
                    continue
                }
                if byte == UInt8(ascii: "["), let (matched, next) = matchClass(pattern, from: p + 1, text[t]) {
                    if matched && text[t] != UInt8(ascii: "/") {
                        p = next
                        t += 1
                        continue
                    }
                } else if byte == UInt8(ascii: "\\") && p + 1 < pattern.endIndex {
                    if pattern[p + 1] == text[t] {
                        p += 2
                        t += 1
                        continue
                    }
                } else if byte != UInt8(ascii: "?") && byte != UInt8(ascii: "[") && byte == text[t] {
                    p += 1
                    t += 1
                    continue
                }
            }
            // Backtrack: the last `*` takes one more byte, never a separator.
            guard starP >= 0, text[starT] != UInt8(ascii: "/") else { return false }
            starT += 1
            t = starT
            p = starP + 1
        }
        while p < pattern.endIndex && pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.endIndex
    }

    private static func matchClass(_ pattern: ArraySlice<UInt8>, from start: Int, _ byte: UInt8) -> (Bool, Int)? {
        var j = start
        var negated = false
        if j < pattern.endIndex && pattern[j] == UInt8(ascii: "^") { negated = true; j += 1 }
        var matched = false
        var first = true
        while j < pattern.endIndex && (pattern[j] != UInt8(ascii: "]") || first) {
            first = false
            var low = pattern[j]
            if low == UInt8(ascii: "\\") && j + 1 < pattern.endIndex { j += 1; low = pattern[j] }
            var high = low
            if j + 2 < pattern.endIndex && pattern[j + 1] == UInt8(ascii: "-") && pattern[j + 2] != UInt8(ascii: "]") {
                high = pattern[j + 2]
                if high == UInt8(ascii: "\\") && j + 3 < pattern.endIndex { high = pattern[j + 3]; j += 1 }
                j += 2
            }
            if low <= byte && byte <= high { matched = true }
            j += 1
        }
        guard j < pattern.endIndex else { return nil }
        return (matched != negated, j + 1)
    }
}
