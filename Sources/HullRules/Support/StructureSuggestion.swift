/// "Did you mean" suggestions for misspelt names, made the way BuildKit's `suggest` package
/// makes them: the closest candidate at most two edits away, and none for an exact match.
enum StructureSuggestion {
    /// The Levenshtein distance between two strings, over Unicode scalars.
    static func distance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs.unicodeScalars), b = Array(rhs.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The candidate closest to `name`, when one is within `maximumDistance` edits (and closer than the
    /// name is long, so that short names do not match everything). Nil when a candidate equals
    /// `name`: then the name is not misspelt.
    ///
    /// Case-insensitive matching returns the candidate in the case `name` was written in, when
    /// `name` is all upper or all lower case.
    static func closest(to name: String, among candidates: some Sequence<String>, caseSensitive: Bool = true, maximumDistance: Int = 2) -> String? {
        let needle = caseSensitive ? name : name.lowercased()
        var best: String?
        var bestDistance = maximumDistance + 1
        for candidate in candidates {
            let compared = caseSensitive ? candidate : candidate.lowercased()
            if compared == needle { return nil }
            let distance = distance(needle, compared)
            if distance < bestDistance && distance < needle.unicodeScalars.count {
                bestDistance = distance
                best = candidate
            }
        }
        guard let best, !caseSensitive else { return best }
        if name == name.lowercased() { return best.lowercased() }
        if name == name.uppercased() { return best.uppercased() }
        return best
    }

    /// ` (did you mean `x`?)` when there is a suggestion, else the empty string.
    static func clause(_ suggestion: String?) -> String {
        suggestion.map { " (did you mean `\($0)`?)" } ?? ""
    }
}
