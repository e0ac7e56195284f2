/// Parses the regular expressions patternmatcher generates with the rules of Go's `regexp/syntax`
/// under `syntax.Perl` (what `regexp.Compile` uses): `^`/`$` anchor the whole text, `.` does not
/// match a newline, negated classes do, Perl escapes (`\d`, `\b`, `\Q…\E`, `\x{…}`) are active,
/// and anything Go rejects is a ``PatternProblem``.
///
/// Only `^`, `[`, `]` and backslash escapes reach the expression unchanged from a pattern, but
/// they can combine with the generated `[^/]*`, `[^/]` and `(.*/)?` in surprising ways (`[*]`
/// becomes `[[^/]*]`), so the parser handles the general syntax rather than the expected shapes.
struct GoRegexParser {
    private let runes: [UInt32]
    private var index = 0

    private init(_ runes: [UInt32]) { self.runes = runes }

    /// Parses `runes` into a syntax tree.
    static func parse(_ runes: [UInt32]) throws(PatternProblem) -> RegexNode {
        var parser = GoRegexParser(runes)
        let node = try parser.parseAlternation(depth: 0)
        if parser.index < runes.count {
            // Only a stray `)` stops the top-level alternation early.
            throw .unbalancedParenthesis
        }
        return node
    }

    // MARK: - Structure

    private static let maxDepth = 1000

    private mutating func parseAlternation(depth: Int) throws(PatternProblem) -> RegexNode {
        guard depth < GoRegexParser.maxDepth else { throw .unsupported("nesting deeper than \(GoRegexParser.maxDepth)") }
        var branches = [try parseConcatenation(depth: depth)]
        while index < runes.count && runes[index] == ascii("|") {
            index += 1
            branches.append(try parseConcatenation(depth: depth))
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func parseConcatenation(depth: Int) throws(PatternProblem) -> RegexNode {
        var items: [RegexNode] = []
        var lastWasRepetition = false
        while index < runes.count {
            let rune = runes[index]
            if rune == ascii("|") || rune == ascii(")") { break }
            var isRepetition = false
            switch rune {
            case ascii("("):
                if index + 1 < runes.count && runes[index + 1] == ascii("?") {
                    throw .unsupported("`(?` groups")
                }
                index += 1
                let inner = try parseAlternation(depth: depth + 1)
                guard index < runes.count && runes[index] == ascii(")") else { throw .unbalancedParenthesis }
                index += 1
                items.append(inner)
            case ascii("*"), ascii("+"), ascii("?"):
                let start = index
                index += 1
                if index < runes.count && runes[index] == ascii("?") { index += 1 }
                let text = string(start..<index)
                guard !lastWasRepetition else { throw .invalidRepetition(text) }
                guard let last = items.popLast() else { throw .invalidRepetition(text) }
                switch rune {
                case ascii("*"): items.append(.repetition(last, min: 0, max: nil))
                case ascii("+"): items.append(.repetition(last, min: 1, max: nil))
                default: items.append(.repetition(last, min: 0, max: 1))
                }
                isRepetition = true
            case ascii("{"):
                if let (minimum, maximum, end) = braceRepetition(at: index) {
                    let text = string(index..<end)
                    index = end
                    if index < runes.count && runes[index] == ascii("?") { index += 1 }
                    guard !lastWasRepetition, let last = items.popLast() else { throw .invalidRepetition(text) }
                    guard minimum <= 1000, (maximum ?? 0) <= 1000, maximum.map({ $0 >= minimum }) ?? true else {
                        throw .invalidRepetition(text)
                    }
                    items.append(.repetition(last, min: minimum, max: maximum))
                    isRepetition = true
                } else {
                    items.append(.literal(rune))
                    index += 1
                }
            case ascii("^"):
                items.append(.assertion(.beginText))
                index += 1
            case ascii("$"):
                items.append(.assertion(.endText))
                index += 1
            case ascii("."):
                items.append(.anyExceptNewline)
                index += 1
            case ascii("["):
                items.append(.characterClass(try parseClass()))
            case ascii("\\"):
                try parseEscapeOutsideClass(into: &items)
            default:
                items.append(.literal(rune))
                index += 1
            }
            lastWasRepetition = isRepetition
        }
        switch items.count {
        case 0: return .empty
        case 1: return items[0]
        default: return .concatenation(items)
        }
    }

    /// `{n}`, `{n,}` or `{n,m}` at `start`; `nil` when the text is a literal `{`.
    private func braceRepetition(at start: Int) -> (Int, Int?, Int)? {
        var position = start + 1
        func number() -> Int? {
            let begin = position
            var value = 0
            while position < runes.count, let digit = digitValue(runes[position]) {
                value = min(value * 10 + digit, 1_000_000)
                position += 1
            }
            return position > begin ? value : nil
        }
        guard let minimum = number() else { return nil }
        var maximum: Int? = minimum
        if position < runes.count && runes[position] == ascii(",") {
            position += 1
            maximum = number()
        }
        guard position < runes.count && runes[position] == ascii("}") else { return nil }
        return (minimum, maximum, position + 1)
    }

    // MARK: - Escapes

    private mutating func parseEscapeOutsideClass(into items: inout [RegexNode]) throws(PatternProblem) {
        if index + 1 < runes.count {
            switch runes[index + 1] {
            case ascii("A"):
                items.append(.assertion(.beginText)); index += 2; return
            case ascii("z"):
                items.append(.assertion(.endText)); index += 2; return
            case ascii("b"):
                items.append(.assertion(.wordBoundary)); index += 2; return
            case ascii("B"):
                items.append(.assertion(.notWordBoundary)); index += 2; return
            case ascii("C"):
                throw .invalidEscape("\\C")
            case ascii("Q"):
                // Everything up to `\E` (or the end) is literal text.
                index += 2
                while index < runes.count {
                    if runes[index] == ascii("\\") && index + 1 < runes.count && runes[index + 1] == ascii("E") {
                        index += 2
                        return
                    }
                    items.append(.literal(runes[index]))
                    index += 1
                }
                return
            default:
                break
            }
        }
        var set = CharacterClass()
        if try parseUnicodeClass(into: &set) || parsePerlClass(into: &set) {
            items.append(.characterClass(set))
            return
        }
        items.append(.literal(try parseEscape()))
    }

    /// Go's `parseEscape`: the rune a single backslash escape stands for.
    private mutating func parseEscape() throws(PatternProblem) -> UInt32 {
        let start = index
        index += 1
        guard index < runes.count else { throw .invalidEscape("\\") }
        let rune = runes[index]
        index += 1
        if rune < 0x80 && !isAlphanumeric(rune) { return rune }
        switch rune {
        case ascii("1")...ascii("7"), ascii("0"):
            // A lone non-zero digit would be a back-reference, which Go does not support.
            if rune != ascii("0") && !(index < runes.count && isOctal(runes[index])) { break }
            var value = rune - ascii("0")
            var digits = 1
            while digits < 3 && index < runes.count && isOctal(runes[index]) {
                value = value * 8 + (runes[index] - ascii("0"))
                index += 1
                digits += 1
            }
            return value
        case ascii("x"):
            guard index < runes.count else { break }
            let first = runes[index]
            index += 1
            if first == ascii("{") {
                var value: UInt32 = 0
                var digits = 0
                while true {
                    guard index < runes.count else { throw .invalidEscape(string(start..<index)) }
                    let c = runes[index]
                    index += 1
                    if c == ascii("}") { break }
                    guard let digit = hexValue(c) else { throw .invalidEscape(string(start..<index)) }
                    value = value * 16 + UInt32(digit)
                    guard value <= 0x10FFFF else { throw .invalidEscape(string(start..<index)) }
                    digits += 1
                }
                guard digits > 0 else { throw .invalidEscape(string(start..<index)) }
                return value
            }
            guard index < runes.count, let high = hexValue(first), let low = hexValue(runes[index]) else {
                index = min(index + 1, runes.count)
                throw .invalidEscape(string(start..<index))
            }
            index += 1
            return UInt32(high * 16 + low)
        case ascii("a"): return 0x07
        case ascii("f"): return 0x0C
        case ascii("n"): return 0x0A
        case ascii("r"): return 0x0D
        case ascii("t"): return 0x09
        case ascii("v"): return 0x0B
        default: break
        }
        throw .invalidEscape(string(start..<index))
    }

    /// `\d`, `\D`, `\s`, `\S`, `\w`, `\W` at the current index.
    private mutating func parsePerlClass(into set: inout CharacterClass) -> Bool {
        guard index + 1 < runes.count, runes[index] == ascii("\\") else { return false }
        let letter = runes[index + 1]
        let lower = letter | 0x20
        guard letter < 0x80, let ranges = CharacterClass.perl(lower) else { return false }
        if letter == lower { set.add(ranges) } else { set.addComplement(of: ranges) }
        index += 2
        return true
    }

    /// `\pL`, `\p{Name}`, `\P{…}`, `\p{^…}` at the current index.
    private mutating func parseUnicodeClass(into set: inout CharacterClass) throws(PatternProblem) -> Bool {
        guard index + 1 < runes.count, runes[index] == ascii("\\"),
              runes[index + 1] == ascii("p") || runes[index + 1] == ascii("P") else { return false }
        var negated = runes[index + 1] == ascii("P")
        let start = index
        var position = index + 2
        var name: String
        if position < runes.count && runes[position] == ascii("{") {
            guard let close = runes[position...].firstIndex(of: ascii("}")) else {
                throw .unknownCharacterClassName(string(start..<runes.count))
            }
            name = string((position + 1)..<close)
            position = close + 1
        } else {
            guard position < runes.count else { throw .unknownCharacterClassName(string(start..<runes.count)) }
            name = string(position..<(position + 1))
            position += 1
        }
        if name.hasPrefix("^") {
            negated.toggle()
            name.removeFirst()
        }
        guard let category = UnicodeCategory(name: name) else {
            throw .unknownCharacterClassName(string(start..<position))
        }
        set.categories.append(.init(category: category, negated: negated))
        index = position
        return true
    }

    // MARK: - Classes

    /// Go's `parseClass`, starting at `[`.
    private mutating func parseClass() throws(PatternProblem) -> CharacterClass {
        let classStart = index
        index += 1
        var set = CharacterClass()
        if index < runes.count && runes[index] == ascii("^") {
            set.negated = true
            index += 1
        }
        var first = true
        while index >= runes.count || runes[index] != ascii("]") || first {
            first = false
            // POSIX `[:alpha:]`, `[:^alpha:]`.
            if runes.count - index > 2 && runes[index] == ascii("[") && runes[index + 1] == ascii(":") {
                if let end = findColonBracket(from: index + 2) {
                    let name = string((index + 2)..<end)
                    let negated = name.hasPrefix("^")
                    guard let ranges = CharacterClass.posix(negated ? String(name.dropFirst()) : name) else {
                        throw .unknownCharacterClassName(string(index..<(end + 2)))
                    }
                    if negated { set.addComplement(of: ranges) } else { set.add(ranges) }
                    index = end + 2
                    continue
                }
            }
            var group = CharacterClass()
            if try parseUnicodeClass(into: &group) {
                set.categories.append(contentsOf: group.categories)
                continue
            }
            if parsePerlClass(into: &set) { continue }
            let rangeStart = index
            let low = try classCharacter(classStart: classStart)
            var high = low
            if runes.count - index >= 2 && runes[index] == ascii("-") && runes[index + 1] != ascii("]") {
                index += 1
                high = try classCharacter(classStart: classStart)
                guard high >= low else { throw .invalidCharacterClassRange(string(rangeStart..<index)) }
            }
            set.ranges.append(low...high)
        }
        index += 1
        return set
    }

    private mutating func classCharacter(classStart: Int) throws(PatternProblem) -> UInt32 {
        guard index < runes.count else { throw .unclosedCharacterClass }
        if runes[index] == ascii("\\") { return try parseEscape() }
        defer { index += 1 }
        return runes[index]
    }

    private func findColonBracket(from start: Int) -> Int? {
        var position = start
        while position + 1 < runes.count {
            if runes[position] == ascii(":") && runes[position + 1] == ascii("]") { return position }
            position += 1
        }
        return nil
    }

    // MARK: - Text

    private func string(_ range: Range<Int>) -> String {
        var text = ""
        for rune in runes[range] { text.unicodeScalars.append(Unicode.Scalar(rune) ?? "\u{FFFD}") }
        return text
    }
}

@inline(__always) private func ascii(_ character: Unicode.Scalar) -> UInt32 { character.value }
@inline(__always) private func isOctal(_ rune: UInt32) -> Bool { rune >= 0x30 && rune <= 0x37 }
@inline(__always) private func digitValue(_ rune: UInt32) -> Int? { rune >= 0x30 && rune <= 0x39 ? Int(rune - 0x30) : nil }
private func hexValue(_ rune: UInt32) -> Int? {
    switch rune {
    case 0x30...0x39: return Int(rune - 0x30)
    case 0x41...0x46: return Int(rune - 0x41 + 10)
    case 0x61...0x66: return Int(rune - 0x61 + 10)
    default: return nil
    }
}
private func isAlphanumeric(_ rune: UInt32) -> Bool {
    (0x30...0x39).contains(rune) || (0x41...0x5A).contains(rune) || (0x61...0x7A).contains(rune)
}
