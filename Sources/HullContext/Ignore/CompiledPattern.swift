/// One pattern as moby/patternmatcher v0.6.1 holds it: a match type chosen by scanning the
/// pattern (exact, prefix, suffix or regular expression) and, for the last, a compiled program.
///
/// patternmatcher compiles lazily and reports a bad regular expression only when the pattern is
/// first evaluated. Hull compiles eagerly but keeps the failure and reports it at the same
/// moment (``match(_:)`` returns the problem), which is observably identical and keeps the
/// value immutable and `Sendable`.
struct CompiledPattern: Sendable {
    enum Kind: Sendable {
        case exact
        case prefix
        case suffix
        case regex(RegexProgram)
        case invalid(PatternProblem)
    }

    /// The pattern after the `!` (patternmatcher's `cleanedPattern`).
    let cleaned: [UInt8]
    /// Whether this is a `!` exception (patternmatcher's "exclusion").
    let isException: Bool
    let kind: Kind

    init(cleaned: [UInt8], isException: Bool) {
        self.cleaned = cleaned
        self.isException = isException
        self.kind = CompiledPattern.classify(cleaned)
    }

    /// Whether `path` matches, or the problem BuildKit reports when it first evaluates the pattern.
    @inline(__always)
    func match(_ path: UnsafeBufferPointer<UInt8>) -> Result<Bool, PatternProblem> {
        switch kind {
        case .exact:
            return .success(path.elementsEqual(cleaned))
        case .prefix:
            let prefix = cleaned.count - 2
            guard path.count >= prefix else { return .success(false) }
            for index in 0..<prefix where path[index] != cleaned[index] { return .success(false) }
            return .success(true)
        case .suffix:
            let suffixLength = cleaned.count - 2
            if path.count >= suffixLength {
                var equal = true
                let offset = path.count - suffixLength
                for index in 0..<suffixLength where path[offset + index] != cleaned[2 + index] {
                    equal = false
                    break
                }
                if equal { return .success(true) }
            }
            // `**/foo` also matches `foo` itself.
            guard suffixLength > 0, cleaned[2] == UInt8(ascii: "/"), path.count == suffixLength - 1 else {
                return .success(false)
            }
            for index in 0..<(suffixLength - 1) where path[index] != cleaned[3 + index] { return .success(false) }
            return .success(true)
        case .regex(let program):
            return .success(program.matches(path))
        case .invalid(let problem):
            return .failure(problem)
        }
    }

    /// The regular expression text patternmatcher would build (for diagnostics and tests).
    var regularExpression: String? {
        let (type, runes) = CompiledPattern.translate(cleaned)
        guard type == .regex else { return nil }
        var text = ""
        for rune in runes { text.unicodeScalars.append(Unicode.Scalar(rune) ?? "\u{FFFD}") }
        return text
    }

    // MARK: - Translation (patternmatcher's `compile`)

    private enum MatchType { case exact, prefix, suffix, regex }

    private static func classify(_ cleaned: [UInt8]) -> Kind {
        let (type, runes) = translate(cleaned)
        switch type {
        case .exact: return .exact
        case .prefix: return .prefix
        case .suffix: return .suffix
        case .regex:
            do {
                return .regex(RegexProgram(try GoRegexParser.parse(runes)))
            } catch {
                return .invalid(error)
            }
        }
    }

    /// Scans the pattern rune by rune as patternmatcher does (Go's `text/scanner`: invalid bytes
    /// become U+FFFD and a leading byte-order mark is skipped) and builds the expression.
    private static func translate(_ cleaned: [UInt8]) -> (MatchType, [UInt32]) {
        var input = GoUTF8.runes(cleaned)
        if input.first == 0xFEFF { input.removeFirst() }
        let star: UInt32 = 0x2A, slash: UInt32 = 0x2F, question: UInt32 = 0x3F, backslash: UInt32 = 0x5C
        let escaped: Set<UInt32> = Set(".+()|{}$".unicodeScalars.map(\.value))
        var output: [UInt32] = [0x5E]  // ^
        func append(_ text: String) { output.append(contentsOf: text.unicodeScalars.map(\.value)) }
        var type = MatchType.exact
        var position = 0
        var iteration = 0
        while position < input.count {
            defer { iteration += 1 }
            let rune = input[position]
            position += 1
            if rune == star {
                if position < input.count && input[position] == star {
                    position += 1
                    if position < input.count && input[position] == slash { position += 1 }
                    if position == input.count {
                        if type == .exact {
                            type = .prefix
                        } else {
                            append(".*")
                            type = .regex
                        }
                    } else {
                        append("(.*/)?")
                        type = .regex
                    }
                    if iteration == 0 { type = .suffix }
                } else {
                    append("[^/]*")
                    type = .regex
                }
            } else if rune == question {
                append("[^/]")
                type = .regex
            } else if escaped.contains(rune) {
                output.append(backslash)
                output.append(rune)
            } else if rune == backslash {
                if position < input.count {
                    output.append(backslash)
                    output.append(input[position])
                    position += 1
                    type = .regex
                } else {
                    output.append(backslash)
                }
            } else if rune == 0x5B || rune == 0x5D {
                output.append(rune)
                type = .regex
            } else {
                output.append(rune)
            }
        }
        if type == .regex { output.append(0x24) }  // $
        return (type, output)
    }
}
