/// A set of runes as Go's regular expressions build it: ranges, plus Unicode general categories
/// that are tested by property rather than expanded.
struct CharacterClass: Sendable, Hashable {
    /// Inclusive rune ranges.
    var ranges: [ClosedRange<UInt32>] = []
    /// General-category groups, each possibly complemented (`\P{L}`, `\p{^L}`).
    var categories: [CategoryGroup] = []
    /// Whether the whole class is complemented (`[^...]`, `\D`, `[[:^alpha:]]` inside).
    var negated = false

    /// A `\p{...}` group inside a class.
    struct CategoryGroup: Sendable, Hashable {
        var category: UnicodeCategory
        var negated: Bool
    }

    /// Whether `rune` belongs to the class.
    @inline(__always)
    func contains(_ rune: UInt32) -> Bool {
        var found = false
        for range in ranges where range.contains(rune) {
            found = true
            break
        }
        if !found {
            for group in categories where group.category.contains(rune) != group.negated {
                found = true
                break
            }
        }
        return found != negated
    }

    /// Adds the ranges of `other` (which must not use categories or negation) to this class.
    mutating func add(_ other: [ClosedRange<UInt32>]) {
        ranges.append(contentsOf: other)
    }

    /// Adds the complement of `other` over all runes.
    mutating func addComplement(of other: [ClosedRange<UInt32>]) {
        ranges.append(contentsOf: CharacterClass.complement(other))
    }

    /// The complement of a set of ranges over `0...0x10FFFF`.
    static func complement(_ input: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        let sorted = input.sorted { $0.lowerBound < $1.lowerBound }
        var result: [ClosedRange<UInt32>] = []
        var next: UInt32 = 0
        for range in sorted {
            if range.lowerBound > next { result.append(next...(range.lowerBound - 1)) }
            if range.upperBound >= next { next = range.upperBound &+ 1 }
            if range.upperBound >= 0x10FFFF { return result }
        }
        if next <= 0x10FFFF { result.append(next...0x10FFFF) }
        return result
    }

    // MARK: - Named groups (ASCII, as in Go's regexp/syntax)

    private static func r(_ a: Character, _ b: Character) -> ClosedRange<UInt32> {
        a.unicodeScalars.first!.value...b.unicodeScalars.first!.value
    }

    /// Perl classes `\d`, `\s`, `\w` (lower-case letter), complemented by the upper-case letter.
    static func perl(_ letter: UInt32) -> [ClosedRange<UInt32>]? {
        switch letter {
        case UInt32(UInt8(ascii: "d")): return [r("0", "9")]
        case UInt32(UInt8(ascii: "s")): return [0x09...0x0A, 0x0C...0x0D, 0x20...0x20]
        case UInt32(UInt8(ascii: "w")): return [r("0", "9"), r("A", "Z"), r("_", "_"), r("a", "z")]
        default: return nil
        }
    }

    /// POSIX classes for `[:name:]`.
    static func posix(_ name: String) -> [ClosedRange<UInt32>]? {
        switch name {
        case "alnum": return [r("0", "9"), r("A", "Z"), r("a", "z")]
        case "alpha": return [r("A", "Z"), r("a", "z")]
        case "ascii": return [0x00...0x7F]
        case "blank": return [0x09...0x09, 0x20...0x20]
        case "cntrl": return [0x00...0x1F, 0x7F...0x7F]
        case "digit": return [r("0", "9")]
        case "graph": return [0x21...0x7E]
        case "lower": return [r("a", "z")]
        case "print": return [0x20...0x7E]
        case "punct": return [0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E]
        case "space": return [0x09...0x0D, 0x20...0x20]
        case "upper": return [r("A", "Z")]
        case "word": return [r("0", "9"), r("A", "Z"), r("_", "_"), r("a", "z")]
        case "xdigit": return [r("0", "9"), r("A", "F"), r("a", "f")]
        default: return nil
        }
    }
}
