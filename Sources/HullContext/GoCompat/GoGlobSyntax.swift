/// The syntax check patternmatcher runs when the matcher is built: Go's `filepath.Match(p, ".")`
/// on Unix, which reports `ErrBadPattern` for any malformed chunk of the pattern.
enum GoGlobSyntax {
    /// Returns the first problem in `pattern`, or `nil` when Go accepts it.
    static func problem(in pattern: [UInt8]) -> PatternProblem? {
        let backslash = UInt8(ascii: "\\"), open = UInt8(ascii: "["), close = UInt8(ascii: "]")
        let dash = UInt8(ascii: "-"), caret = UInt8(ascii: "^")
        var index = 0
        let count = pattern.count
        while index < count {
            let byte = pattern[index]
            if byte == backslash {
                guard index + 1 < count else { return .trailingBackslash }
                index += 2
                continue
            }
            guard byte == open else {
                index += 1
                continue
            }
            // A character class: `[`, optional `^`, one or more items, `]`.
            index += 1
            if index < count && pattern[index] == caret { index += 1 }
            var items = 0
            while true {
                if index < count && pattern[index] == close && items > 0 {
                    index += 1
                    break
                }
                // Low end of an item.
                switch classCharacter(pattern, at: index) {
                case .failure(let problem): return problem
                case .success(let next): index = next
                }
                if pattern[index] == dash {
                    switch classCharacter(pattern, at: index + 1) {
                    case .failure(let problem): return problem
                    case .success(let next): index = next
                    }
                }
                items += 1
            }
        }
        return nil
    }

    /// Go's `getEsc`: one (possibly escaped) class character; the class must go on after it.
    private static func classCharacter(_ pattern: [UInt8], at start: Int) -> Result<Int, PatternProblem> {
        let count = pattern.count
        var index = start
        guard index < count else { return .failure(.unclosedCharacterClass) }
        switch pattern[index] {
        case UInt8(ascii: "-"): return .failure(.misplacedRangeDash)
        case UInt8(ascii: "]"): return .failure(.emptyCharacterClass)
        case UInt8(ascii: "\\"):
            index += 1
            guard index < count else { return .failure(.trailingBackslash) }
        default: break
        }
        let (rune, length) = pattern.withUnsafeBufferPointer { GoUTF8.decode($0, at: index) }
        if rune == GoUTF8.runeError && length == 1 { return .failure(.invalidUTF8InCharacterClass) }
        index += length
        guard index < count else { return .failure(.unclosedCharacterClass) }
        return .success(index)
    }
}
