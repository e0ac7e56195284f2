import HullCore

/// Splits one logical line into keyword, flags and argument nodes, following BuildKit's
/// `splitCommand`, `extractBuilderFlags` and per-instruction line parsers.
struct LineParser {
    let line: LogicalLine
    let escape: EscapeToken
    var bytes: [UInt8] { line.bytes }

    struct Failure: Error {
        var message: String
    }

    struct Head {
        var keyword: Range<Int>
        var flags: [FlagSyntax]
        var rest: Range<Int>
    }

    /// Keyword, flags and the trimmed rest of `range`.
    func head(_ range: Range<Int>) -> Head {
        let trimmed = GoText.trimSpace(bytes, range)
        var keywordEnd = trimmed.lowerBound
        while keywordEnd < trimmed.upperBound, !GoText.isSplitWhitespace(bytes[keywordEnd]) { keywordEnd += 1 }
        var afterKeyword = keywordEnd
        while afterKeyword < trimmed.upperBound, GoText.isSplitWhitespace(bytes[afterKeyword]) { afterKeyword += 1 }
        var flags: [FlagSyntax] = []
        var restStart = trimmed.upperBound
        if afterKeyword < trimmed.upperBound || keywordEnd < trimmed.upperBound {
            (flags, restStart) = builderFlags(afterKeyword..<trimmed.upperBound)
        }
        let rest = GoText.trimSpace(bytes, restStart..<trimmed.upperBound)
        return Head(keyword: trimmed.lowerBound..<keywordEnd, flags: flags, rest: rest)
    }

    /// BuildKit's flag scanner: leading words that start with `--`, read byte by byte.
    /// Returns the flags and where the arguments begin.
    func builderFlags(_ range: Range<Int>) -> ([FlagSyntax], Int) {
        var flags: [FlagSyntax] = []
        var word: [UInt8] = []
        var wordStart = range.lowerBound
        var lastConsumed = range.lowerBound
        var inWord = false
        var quote: UInt8 = 0
        var inQuote = false
        var blankOK = false
        let end = range.upperBound
        let token = escape.rawValue

        func finish(_ upTo: Int) {
            flags.append(makeFlag(word, TextRange(start: line.fileOffset(at: wordStart), end: line.fileOffset(at: max(wordStart, upTo - 1)) + 1)))
        }

        var pos = range.lowerBound
        while pos <= end {
            if !inWord && !inQuote {
                if pos == end { break }
                let ch = bytes[pos]
                if GoText.isSpaceByte(ch) { pos += 1; continue }
                if ch != UInt8(ascii: "-") || pos + 1 == end || bytes[pos + 1] != UInt8(ascii: "-") {
                    return (flags, pos)
                }
                inWord = true
                wordStart = pos
                word = []
                blankOK = false
            }
            if pos == end {
                if word != [0x2D, 0x2D] && (blankOK || !word.isEmpty) { finish(lastConsumed) }
                break
            }
            var ch = bytes[pos]
            if inQuote {
                if ch == quote {
                    inQuote = false
                    lastConsumed = pos + 1
                    pos += 1
                    continue
                }
                if ch == token {
                    if pos + 1 == end {
                        inQuote = false
                        lastConsumed = pos + 1
                        pos += 1
                        continue
                    }
                    pos += 1
                    ch = bytes[pos]
                }
                word.append(ch)
                lastConsumed = pos + 1
                pos += 1
                continue
            }
            // In a word.
            if GoText.isSpaceByte(ch) {
                inWord = false
                if word == [0x2D, 0x2D] { return (flags, pos) }
                if blankOK || !word.isEmpty { finish(lastConsumed) }
                pos += 1
                continue
            }
            if ch == UInt8(ascii: "'") || ch == UInt8(ascii: "\"") {
                quote = ch
                blankOK = true
                inQuote = true
                lastConsumed = pos + 1
                pos += 1
                continue
            }
            if ch == token {
                if pos + 1 == end {
                    lastConsumed = pos + 1
                    pos += 1
                    continue
                }
                pos += 1
                ch = bytes[pos]
            }
            word.append(ch)
            lastConsumed = pos + 1
            pos += 1
        }
        return (flags, end)
    }

    func makeFlag(_ word: [UInt8], _ range: TextRange) -> FlagSyntax {
        let text = GoText.latin1(word)
        var body = Substring(text)
        if body.hasPrefix("--") { body = body.dropFirst(2) }
        if let equals = body.firstIndex(of: "=") {
            return FlagSyntax(text: text, name: String(body[..<equals]), value: String(body[body.index(after: equals)...]), range: range)
        }
        return FlagSyntax(text: text, name: String(body), value: nil, range: range)
    }

    /// Parses the instruction in `range` of the line.
    func instruction(in range: Range<Int>) throws(Failure) -> InstructionSyntax {
        let head = head(range)
        let keyword = line.text(head.keyword)
        let kind = InstructionKind(keyword: keyword)
        var result = shell(keyword: keyword, kind: kind, head: head, range: range)
        let rest = head.rest
        switch kind {
        case .add, .copy, .volume:
            try maybeJSONToList(rest, into: &result)
        case .run, .cmd, .entrypoint, .shell:
            try maybeJSON(rest, into: &result)
        case .from, .expose:
            result.arguments = whitespaceSplit(rest)
        case .maintainer, .stopsignal, .user, .workdir:
            if !rest.isEmpty { result.arguments = [argument(rest)] }
        case .arg:
            result.arguments = words(rest).map(argument)
        case .env:
            result.arguments = try nameValues(rest, key: "ENV")
        case .label:
            result.arguments = try nameValues(rest, key: "LABEL")
        case .healthcheck:
            try healthcheck(rest, into: &result)
        case .onbuild:
            if !rest.isEmpty {
                var inner = try instruction(in: rest)
                inner.startLine = 0
                inner.endLine = 0
                result.wrapped = [inner]
            }
        case .unknown:
            result.arguments = [ArgumentSyntax(value: "", range: nil)]
        }
        return result
    }

    /// The keyword and flags of an instruction whose arguments BuildKit rejects.
    func unparsedInstruction(in range: Range<Int>) -> InstructionSyntax {
        let head = head(range)
        let keyword = line.text(head.keyword)
        return shell(keyword: keyword, kind: InstructionKind(keyword: keyword), head: head, range: range)
    }

    private func shell(keyword: String, kind: InstructionKind, head: Head, range: Range<Int>) -> InstructionSyntax {
        InstructionSyntax(
            keyword: keyword, keywordRange: line.fileRange(head.keyword), kind: kind, flags: head.flags,
            arguments: [], isJSON: false, heredocs: [], line: line, textRange: range, restRange: head.rest,
            range: line.fileRange(GoText.trimSpace(bytes, range)), linesRange: line.fileRange(range),
            startLine: 0, endLine: 0, previousComments: [], innerComments: [], emptyContinuationLines: [], wrapped: [])
    }

    private func argument(_ range: Range<Int>) -> ArgumentSyntax {
        ArgumentSyntax(value: line.text(range), range: line.fileRange(range))
    }

    /// BuildKit's `parseMaybeJSON` (RUN, CMD, ENTRYPOINT, SHELL): the JSON form, else the rest as one string.
    private func maybeJSON(_ rest: Range<Int>, into result: inout InstructionSyntax) throws(Failure) {
        if rest.isEmpty { return }
        try jsonOr(rest, into: &result) { [argument($0)] }
    }

    /// BuildKit's `parseMaybeJSONToList` (ADD, COPY, VOLUME): the JSON form, else whitespace-split words.
    private func maybeJSONToList(_ rest: Range<Int>, into result: inout InstructionSyntax) throws(Failure) {
        try jsonOr(rest, into: &result, fallback: whitespaceSplit)
    }

    private func jsonOr(_ rest: Range<Int>, into result: inout InstructionSyntax, fallback: (Range<Int>) -> [ArgumentSyntax]) throws(Failure) {
        switch JSONStringArray.parse(bytes, rest) {
        case .array(let elements):
            result.isJSON = true
            result.arguments = elements.map { ArgumentSyntax(value: $0.value, range: line.fileRange($0.range)) }
        case .notStringArray:
            throw Failure(message: "when using JSON array syntax, arrays must be comprised of strings only")
        case .notJSON:
            result.arguments = fallback(rest)
        }
    }

    /// Splits on runs of `[\t\v\f\r ]`, as BuildKit's `reWhitespace.Split(rest, -1)`.
    private func whitespaceSplit(_ rest: Range<Int>) -> [ArgumentSyntax] {
        if rest.isEmpty { return [] }
        var pieces: [ArgumentSyntax] = []
        var start = rest.lowerBound
        var index = rest.lowerBound
        while index < rest.upperBound {
            if GoText.isSplitWhitespace(bytes[index]) {
                pieces.append(argument(start..<index))
                while index < rest.upperBound, GoText.isSplitWhitespace(bytes[index]) { index += 1 }
                start = index
            } else {
                index += 1
            }
        }
        pieces.append(argument(start..<rest.upperBound))
        return pieces
    }

    /// BuildKit's `parseWords`: words split on Unicode spaces, quotes and escapes kept.
    func words(_ rest: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = -1
        var inQuote = false
        var quote: UInt32 = 0
        var blankOK = false
        var length = 0
        var pos = rest.lowerBound
        let end = rest.upperBound
        let token = UInt32(escape.rawValue)
        var lastEnd = pos
        while pos < end {
            var (ch, width) = GoText.decode(bytes, at: pos, end: end)
            if start < 0 {
                if GoText.isSpace(ch) { pos += width; continue }
                start = pos
                length = 0
                blankOK = false
            }
            if !inQuote {
                if GoText.isSpace(ch) {
                    if blankOK || length > 0 { result.append(start..<lastEnd) }
                    start = -1
                    pos += width
                    continue
                }
                if ch == UInt32(UInt8(ascii: "'")) || ch == UInt32(UInt8(ascii: "\"")) {
                    quote = ch
                    blankOK = true
                    inQuote = true
                }
                if ch == token {
                    // A lone escape at the very end is dropped from the word.
                    if pos + width == end { pos += width; continue }
                    length += 1
                    pos += width
                    (ch, width) = GoText.decode(bytes, at: pos, end: end)
                }
                length += 1
                pos += width
                lastEnd = pos
                continue
            }
            if ch == quote { inQuote = false }
            if ch == token && quote != UInt32(UInt8(ascii: "'")) {
                if pos + width == end { inQuote = false; pos += width; continue }
                pos += width
                length += 1
                (ch, width) = GoText.decode(bytes, at: pos, end: end)
            }
            length += 1
            pos += width
            lastEnd = pos
        }
        if start >= 0, blankOK || length > 0 { result.append(start..<lastEnd) }
        return result
    }

    /// ENV and LABEL: `key value` (legacy) or `key=value …`.
    private func nameValues(_ rest: Range<Int>, key: String) throws(Failure) -> [ArgumentSyntax] {
        let words = words(rest)
        guard let firstWord = words.first else { return [] }
        if !bytes[firstWord].contains(UInt8(ascii: "=")) {
            var index = rest.lowerBound
            while index < rest.upperBound, !GoText.isSplitWhitespace(bytes[index]) { index += 1 }
            guard index < rest.upperBound else { throw Failure(message: "\(key) must have two arguments") }
            let keyRange = rest.lowerBound..<index
            while index < rest.upperBound, GoText.isSplitWhitespace(bytes[index]) { index += 1 }
            return [argument(keyRange), argument(index..<rest.upperBound), ArgumentSyntax(value: "", range: nil)]
        }
        var nodes: [ArgumentSyntax] = []
        for word in words {
            guard let equals = bytes[word].firstIndex(of: UInt8(ascii: "=")) else {
                throw Failure(message: "Syntax error - can't find = in \(GoQuote.quote(line.text(word))). Must be of the form: name=value")
            }
            nodes.append(argument(word.lowerBound..<equals))
            nodes.append(argument((equals + 1)..<word.upperBound))
            nodes.append(argument(equals..<(equals + 1)))
        }
        return nodes
    }

    /// HEALTHCHECK: a type word (`CMD`, `NONE`), then the rest as RUN parses it.
    private func healthcheck(_ rest: Range<Int>, into result: inout InstructionSyntax) throws(Failure) {
        var separator = rest.lowerBound
        while separator < rest.upperBound, !GoText.isSpaceByte(bytes[separator]) { separator += 1 }
        if separator == rest.lowerBound { return }
        var next = separator
        while next < rest.upperBound, GoText.isSpaceByte(bytes[next]) { next += 1 }
        var command = result
        command.arguments = []
        try maybeJSON(next..<rest.upperBound, into: &command)
        result.isJSON = command.isJSON
        result.arguments = [argument(rest.lowerBound..<separator)] + command.arguments
    }
}
