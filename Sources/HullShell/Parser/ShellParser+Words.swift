import HullCore

extension ShellParser {
    /// The contexts a run of word parts can be scanned in.
    enum WordContext {
        /// A plain word: ends at a metacharacter; globs and tildes are recognised.
        case unquoted
        /// Inside `"…"`: ends at the closing quote.
        case doubleQuoted
        /// The word after a `${name` operator: ends at `}`; blanks are part of it.
        case parameterArgument
        /// An unquoted here-document body: ends at the limit; quotes are ordinary characters.
        case hereDocument
    }

    /// Accumulates literal bytes and remembers where each came from.
    struct LiteralBuffer {
        var bytes: [UInt8] = []
        var offsets: [Int] = []
        var contiguous = true
        var start = 0
        var end = 0

        var isEmpty: Bool { bytes.isEmpty && end == start }

        mutating func begin(at position: Int) {
            if bytes.isEmpty, end == start { start = position; end = position }
        }

        mutating func append(_ byte: UInt8, from offset: Int, through end: Int) {
            if bytes.isEmpty, self.end == start { start = offset }
            if let last = offsets.last, last + 1 != offset { contiguous = false }
            if offsets.isEmpty, offset != start { contiguous = false }
            bytes.append(byte)
            offsets.append(offset)
            self.end = end
        }

        /// Marks source bytes that produce no value (a removed line continuation).
        mutating func skip(through end: Int) {
            contiguous = false
            self.end = end
        }
    }

    /// Scans a plain word starting at `position`.
    func scanUnquotedWord() -> [WordPart] {
        scanParts(context: .unquoted, wordStart: position)
    }

    /// Scans word parts in `context` until the context's end; leaves `position` on the
    /// terminator (the closing quote or brace is not consumed).
    func scanParts(context: WordContext, wordStart: Int) -> [WordPart] {
        var parts: [WordPart] = []
        var literal = LiteralBuffer()
        literal.begin(at: position)

        func flush() {
            guard !literal.isEmpty else { return }
            let range = literal.start..<literal.end
            let value = String(decoding: literal.bytes, as: UTF8.self)
            parts.append(WordPart(kind: .literal, range: range, fileRange: source.fileRange(range), value: value,
                                  valueStart: literal.offsets.first ?? literal.start,
                                  valueOffsets: literal.contiguous ? nil : literal.offsets))
            literal = LiteralBuffer()
            literal.begin(at: position)
        }

        while !aborted, let current = byte(at: position) {
            let next = byte(at: position + 1)
            switch context {
            case .unquoted:
                if (current == UInt8(ascii: "<") || current == UInt8(ascii: ">")), next == UInt8(ascii: "("), position == wordStart {
                    flush()
                    if let part = scanProcessSubstitution(isInput: current == UInt8(ascii: "<")) { parts.append(part) }
                    literal.begin(at: position)
                    continue
                }
                if Self.isMetacharacter(current) { flush(); return parts }
                if current == UInt8(ascii: "\r"), next == UInt8(ascii: "\n") { flush(); return parts }
            case .doubleQuoted:
                if current == UInt8(ascii: "\"") { flush(); return parts }
            case .parameterArgument:
                if current == UInt8(ascii: "}") { flush(); return parts }
            case .hereDocument:
                break
            }

            switch current {
            case UInt8(ascii: "\\"):
                guard let escaped = next else {
                    literal.append(current, from: position, through: position + 1)
                    position += 1
                    continue
                }
                if escaped == UInt8(ascii: "\n") {
                    position += 2
                    literal.skip(through: position)
                    continue
                }
                let escapes: Bool
                switch context {
                case .unquoted, .parameterArgument:
                    escapes = true
                case .doubleQuoted:
                    escapes = escaped == UInt8(ascii: "$") || escaped == UInt8(ascii: "`") || escaped == UInt8(ascii: "\"") || escaped == UInt8(ascii: "\\")
                case .hereDocument:
                    escapes = escaped == UInt8(ascii: "$") || escaped == UInt8(ascii: "`") || escaped == UInt8(ascii: "\\")
                }
                if escapes {
                    literal.append(escaped, from: position + 1, through: position + 2)
                    literal.contiguous = false
                } else {
                    literal.append(current, from: position, through: position + 1)
                    literal.append(escaped, from: position + 1, through: position + 2)
                }
                position += 2
            case UInt8(ascii: "'") where context == .unquoted || context == .parameterArgument:
                flush()
                parts.append(scanSingleQuoted())
                literal.begin(at: position)
            case UInt8(ascii: "\"") where context == .unquoted || context == .parameterArgument:
                flush()
                parts.append(scanDoubleQuoted(openingAt: position, prefixLength: 1))
                literal.begin(at: position)
            case UInt8(ascii: "$"):
                let literalEnd = position
                if let part = scanDollar(context: context) {
                    // scanDollar leaves position unchanged when it returns nil.
                    let after = position
                    position = literalEnd
                    flush()
                    position = after
                    parts.append(part)
                    literal.begin(at: position)
                } else {
                    literal.append(current, from: position, through: position + 1)
                    position += 1
                }
            case UInt8(ascii: "`"):
                flush()
                parts.append(scanBackquoted())
                literal.begin(at: position)
            case UInt8(ascii: "*") where context == .unquoted, UInt8(ascii: "?") where context == .unquoted:
                flush()
                let range = position..<(position + 1)
                parts.append(WordPart(kind: .glob, range: range, fileRange: source.fileRange(range), value: source.text(range), valueStart: position))
                position += 1
                literal.begin(at: position)
            case UInt8(ascii: "[") where context == .unquoted:
                if let close = bracketExpressionEnd(from: position), !isAssignmentSubscript(wordStart: wordStart, open: position, close: close) {
                    flush()
                    let range = position..<(close + 1)
                    parts.append(WordPart(kind: .glob, range: range, fileRange: source.fileRange(range), value: source.text(range), valueStart: position))
                    position = close + 1
                    literal.begin(at: position)
                } else {
                    literal.append(current, from: position, through: position + 1)
                    position += 1
                }
            case UInt8(ascii: "~") where context == .unquoted && position == wordStart:
                var end = position + 1
                while let byte = byte(at: end), byte != UInt8(ascii: "/"), !Self.isMetacharacter(byte),
                      Self.isLetter(byte) || Self.isDigit(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "+") {
                    end += 1
                }
                let range = position..<end
                parts.append(WordPart(kind: .tilde, range: range, fileRange: source.fileRange(range), value: source.text(range), valueStart: position))
                position = end
                literal.begin(at: position)
            default:
                literal.append(current, from: position, through: position + 1)
                position += 1
            }
        }
        flush()
        return parts
    }

    /// Whether `[…]` is the subscript of an array assignment (`map[key]=value`), not a pattern.
    private func isAssignmentSubscript(wordStart: Int, open: Int, close: Int) -> Bool {
        guard open > wordStart else { return false }
        let first = bytes[wordStart]
        guard first == UInt8(ascii: "_") || Self.isLetter(first) else { return false }
        for index in wordStart..<open where !(bytes[index] == UInt8(ascii: "_") || Self.isLetter(bytes[index]) || Self.isDigit(bytes[index])) {
            return false
        }
        let after = byte(at: close + 1)
        return after == UInt8(ascii: "=") || (after == UInt8(ascii: "+") && byte(at: close + 2) == UInt8(ascii: "="))
    }

    /// The index of the `]` closing a bracket expression that starts at `start`, if it closes
    /// within the same word.
    private func bracketExpressionEnd(from start: Int) -> Int? {
        var index = start + 1
        if byte(at: index) == UInt8(ascii: "!") || byte(at: index) == UInt8(ascii: "^") { index += 1 }
        if byte(at: index) == UInt8(ascii: "]") { index += 1 }
        while let byte = byte(at: index) {
            if byte == UInt8(ascii: "]") { return index > start + 1 ? index : nil }
            if Self.isMetacharacter(byte) || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "$") || byte == UInt8(ascii: "`") || byte == UInt8(ascii: "\\") { return nil }
            if byte == UInt8(ascii: "[") && self.byte(at: index + 1) != UInt8(ascii: ":") && self.byte(at: index + 1) != UInt8(ascii: ".") && self.byte(at: index + 1) != UInt8(ascii: "=") { return nil }
            index += 1
        }
        return nil
    }

    func scanSingleQuoted() -> WordPart {
        let start = position
        position += 1
        while let byte = byte(at: position), byte != UInt8(ascii: "'") { position += 1 }
        let contentEnd = position
        if byte(at: position) == UInt8(ascii: "'") {
            position += 1
        } else if !aborted {
            error(.unterminatedSingleQuote, "`'` is never closed", start..<(start + 1))
        }
        let range = start..<position
        return WordPart(kind: .singleQuoted, range: range, fileRange: source.fileRange(range),
                        value: source.text((start + 1)..<contentEnd), valueStart: start + 1)
    }

    /// Scans `"…"` (or `$"…"` with `prefixLength` 2) starting at `start`.
    func scanDoubleQuoted(openingAt start: Int, prefixLength: Int) -> WordPart {
        position = start + prefixLength
        guard enter(at: start) else {
            let range = start..<position
            return WordPart(kind: .doubleQuoted([]), range: range, fileRange: source.fileRange(range), value: nil, valueStart: position)
        }
        let inner = scanParts(context: .doubleQuoted, wordStart: position)
        leave()
        if byte(at: position) == UInt8(ascii: "\"") {
            position += 1
        } else if !aborted {
            error(.unterminatedDoubleQuote, "`\"` is never closed", start..<(start + prefixLength))
        }
        let range = start..<position
        var value: String? = ""
        for part in inner {
            guard let piece = part.value, let soFar = value else { value = nil; break }
            value = soFar + piece
        }
        return WordPart(kind: .doubleQuoted(inner), range: range, fileRange: source.fileRange(range), value: value, valueStart: start + prefixLength)
    }

    /// Scans what follows a `$`; nil (position unchanged) when the `$` is literal.
    func scanDollar(context: WordContext) -> WordPart? {
        let start = position
        guard let next = byte(at: position + 1) else { return nil }
        switch next {
        case UInt8(ascii: "'") where context == .unquoted || context == .parameterArgument:
            return scanAnsiC()
        case UInt8(ascii: "\"") where context == .unquoted || context == .parameterArgument:
            return scanDoubleQuoted(openingAt: start, prefixLength: 2)
        case UInt8(ascii: "("):
            if byte(at: start + 2) == UInt8(ascii: "("), findArithmeticEnd(from: start + 3) != nil || arithmeticReachesEnd(from: start + 3) {
                position = start + 3
                let expression = scanArithmetic(from: position, opener: start..<(start + 3))
                let range = start..<position
                return WordPart(kind: .arithmetic(expression), range: range, fileRange: source.fileRange(range), value: nil, valueStart: start)
            }
            return scanCommandSubstitution()
        case UInt8(ascii: "{"):
            return scanBracedParameter()
        case UInt8(ascii: "["):
            // The obsolete `$[expression]` arithmetic form.
            var end = start + 2
            var nesting = 0
            while let byte = byte(at: end) {
                if byte == UInt8(ascii: "[") { nesting += 1 }
                if byte == UInt8(ascii: "]") { if nesting == 0 { break }; nesting -= 1 }
                end += 1
            }
            guard byte(at: end) == UInt8(ascii: "]") else { return nil }
            position = end + 1
            let range = start..<position
            return WordPart(kind: .arithmetic(source.text((start + 2)..<end)), range: range, fileRange: source.fileRange(range), value: nil, valueStart: start)
        default:
            if next == UInt8(ascii: "_") || Self.isLetter(next) {
                var end = start + 2
                while let byte = byte(at: end), byte == UInt8(ascii: "_") || Self.isLetter(byte) || Self.isDigit(byte) { end += 1 }
                return simpleParameter(start: start, nameEnd: end)
            }
            if Self.isDigit(next) || Self.specialParameters.contains(next) {
                return simpleParameter(start: start, nameEnd: start + 2)
            }
            return nil
        }
    }

    static let specialParameters: Set<UInt8> = Set("@*#?-$!".utf8)

    private func simpleParameter(start: Int, nameEnd: Int) -> WordPart {
        position = nameEnd
        let range = start..<nameEnd
        let expansion = ParameterExpansion(name: source.text((start + 1)..<nameEnd), isBraced: false)
        return WordPart(kind: .parameter(expansion), range: range, fileRange: source.fileRange(range), value: nil, valueStart: start)
    }

    /// `$'…'`: decodes the C-style escapes bash supports.
    func scanAnsiC() -> WordPart {
        let start = position
        position += 2
        var value: [UInt8] = []
        var closed = false
        while let current = byte(at: position) {
            if current == UInt8(ascii: "'") {
                closed = true
                position += 1
                break
            }
            if current == UInt8(ascii: "\\"), let escaped = byte(at: position + 1) {
                position += 2
                switch escaped {
                case UInt8(ascii: "n"): value.append(0x0A)
                case UInt8(ascii: "t"): value.append(0x09)
                case UInt8(ascii: "r"): value.append(0x0D)
                case UInt8(ascii: "a"): value.append(0x07)
                case UInt8(ascii: "b"): value.append(0x08)
                case UInt8(ascii: "e"), UInt8(ascii: "E"): value.append(0x1B)
                case UInt8(ascii: "f"): value.append(0x0C)
                case UInt8(ascii: "v"): value.append(0x0B)
                case UInt8(ascii: "x"):
                    var digits = 0
                    var code = 0
                    while digits < 2, let hex = byte(at: position), let digit = Self.hexValue(hex) {
                        code = code * 16 + digit
                        digits += 1
                        position += 1
                    }
                    if digits == 0 { value.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "x")]) } else { value.append(UInt8(code)) }
                case UInt8(ascii: "0")...UInt8(ascii: "7"):
                    var code = Int(escaped - UInt8(ascii: "0"))
                    var digits = 1
                    while digits < 3, let octal = byte(at: position), octal >= UInt8(ascii: "0"), octal <= UInt8(ascii: "7") {
                        code = code * 8 + Int(octal - UInt8(ascii: "0"))
                        digits += 1
                        position += 1
                    }
                    value.append(UInt8(truncatingIfNeeded: code))
                default:
                    if escaped == UInt8(ascii: "\\") || escaped == UInt8(ascii: "'") || escaped == UInt8(ascii: "\"") || escaped == UInt8(ascii: "?") {
                        value.append(escaped)
                    } else {
                        value.append(contentsOf: [UInt8(ascii: "\\"), escaped])
                    }
                }
                continue
            }
            value.append(current)
            position += 1
        }
        if !closed, !aborted {
            error(.unterminatedSingleQuote, "`$'` is never closed", start..<(start + 2))
        }
        let range = start..<position
        let contentEnd = closed ? position - 1 : position
        let decoded = String(decoding: value, as: UTF8.self)
        // When nothing was escaped the value is a plain slice and can be traced byte by byte.
        let plain = contentEnd - (start + 2) == value.count && !bytes[(start + 2)..<contentEnd].contains(UInt8(ascii: "\\"))
        return WordPart(kind: .ansiCQuoted, range: range, fileRange: source.fileRange(range), value: decoded,
                        valueStart: start + 2, valueOffsets: plain ? Array((start + 2)..<contentEnd) : nil)
    }

    static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A")) + 10
        default: nil
        }
    }

    /// `${…}`
    func scanBracedParameter() -> WordPart {
        let start = position
        position += 2
        guard enter(at: start) else {
            return WordPart(kind: .parameter(ParameterExpansion(name: "", isBraced: true)), range: start..<position, fileRange: source.fileRange(start..<position), value: nil, valueStart: start)
        }
        defer { leave() }
        var prefix: String?
        if let first = byte(at: position), first == UInt8(ascii: "#") || first == UInt8(ascii: "!"),
           let second = byte(at: position + 1), second != UInt8(ascii: "}") {
            // `${#}` and `${!}` are the special parameters; `${#x}` and `${!x}` are prefixes.
            let isOperatorAfterSpecial = first == UInt8(ascii: "#") && (second == UInt8(ascii: ":") || second == UInt8(ascii: "-") || second == UInt8(ascii: "=") || second == UInt8(ascii: "?") || second == UInt8(ascii: "+"))
            if !isOperatorAfterSpecial {
                prefix = first == UInt8(ascii: "#") ? "#" : "!"
                position += 1
            }
        }
        let nameStart = position
        if let first = byte(at: position) {
            if first == UInt8(ascii: "_") || Self.isLetter(first) {
                while let byte = byte(at: position), byte == UInt8(ascii: "_") || Self.isLetter(byte) || Self.isDigit(byte) { position += 1 }
            } else if Self.isDigit(first) {
                while let byte = byte(at: position), Self.isDigit(byte) { position += 1 }
            } else if Self.specialParameters.contains(first) || first == UInt8(ascii: "0") {
                position += 1
            }
        }
        let name = source.text(nameStart..<position)
        var subscriptText: String?
        if byte(at: position) == UInt8(ascii: "[") {
            var end = position + 1
            var nesting = 0
            while let byte = byte(at: end) {
                if byte == UInt8(ascii: "[") { nesting += 1 }
                if byte == UInt8(ascii: "]") { if nesting == 0 { break }; nesting -= 1 }
                if byte == UInt8(ascii: "}") { break }
                end += 1
            }
            if byte(at: end) == UInt8(ascii: "]") {
                subscriptText = source.text((position + 1)..<end)
                position = end + 1
            }
        }
        var op: String?
        for candidate in Self.parameterOperators {
            let utf8 = Array(candidate.utf8)
            if utf8.enumerated().allSatisfy({ byte(at: position + $0.offset) == $0.element }) {
                op = candidate
                position += utf8.count
                break
            }
        }
        let argument = scanParts(context: .parameterArgument, wordStart: position)
        if byte(at: position) == UInt8(ascii: "}") {
            position += 1
        } else if !aborted {
            error(.unterminatedParameterExpansion, "`${` is never closed", start..<(start + 2))
        }
        let range = start..<position
        let expansion = ParameterExpansion(name: name, isBraced: true, prefix: prefix, arraySubscript: subscriptText, operator: op, argument: argument)
        return WordPart(kind: .parameter(expansion), range: range, fileRange: source.fileRange(range), value: nil, valueStart: start)
    }

    static let parameterOperators = [
        ":-", ":=", ":?", ":+", "##", "%%", "//", "/#", "/%", "^^", ",,",
        "-", "=", "?", "+", "#", "%", "/", "^", ",", ":", "@",
    ]

    /// `$( … )`
    func scanCommandSubstitution() -> WordPart {
        let start = position
        position += 2
        let body = parseParenthesisedBody(opener: start..<(start + 2), kind: .unterminatedCommandSubstitution, what: "$(")
        let range = start..<position
        return WordPart(kind: .commandSubstitution(body, backquoted: false), range: range, fileRange: source.fileRange(range), value: nil, valueStart: start)
    }

    /// `<( … )` or `>( … )`
    func scanProcessSubstitution(isInput: Bool) -> WordPart? {
        let start = position
        position += 2
        let body = parseParenthesisedBody(opener: start..<(start + 2), kind: .unterminatedCommandSubstitution, what: isInput ? "<(" : ">(")
        let range = start..<position
        return WordPart(kind: .processSubstitution(body, isInput: isInput), range: range, fileRange: source.fileRange(range), value: nil, valueStart: start)
    }

    /// Parses a command list up to its `)`; leaves `position` after the parenthesis.
    private func parseParenthesisedBody(opener: Range<Int>, kind: ShellParseError.Kind, what: String) -> ShellCommandList {
        peeked = nil
        guard enter(at: opener.lowerBound) else {
            return ShellCommandList(items: [], range: opener, source: source)
        }
        defer { leave() }
        var items: [ShellListItem] = []
        let bodyStart = position
        while !aborted {
            let list = parseCompoundList()
            items.append(contentsOf: list.items)
            let token = peek()
            if token.operator == .rightParenthesis {
                peeked = nil
                position = token.range.upperBound
                break
            }
            if token.isEndOfInput {
                peeked = nil
                if !aborted { error(kind, "`\(what)` is never closed", opener) }
                break
            }
            error(.unexpectedToken, "unexpected `\(token.spelling(in: source))` inside `\(what)…)`", token.range)
            consume()
        }
        let end = Swift.max(bodyStart, Swift.min(position, limit))
        return ShellCommandList(items: items, range: bodyStart..<end, source: source)
    }

    /// `` `…` ``, parsed in place with the lexer's limit lowered to the closing backquote.
    ///
    /// Backslash escapes inside backquotes (`` \` ``, `\$`, `\\`) are not undone first, so a
    /// nested backquote written as `` \` `` reads as an escaped character rather than a nested
    /// substitution; the commands and their ranges are otherwise exact.
    func scanBackquoted() -> WordPart {
        let start = position
        var close = start + 1
        var found = false
        while let byte = byte(at: close) {
            if byte == UInt8(ascii: "\\") { close += 2; continue }
            if byte == UInt8(ascii: "`") { found = true; break }
            close += 1
        }
        close = Swift.min(close, limit)
        if !found, !aborted {
            error(.unterminatedBackquote, "`` ` `` is never closed", start..<(start + 1))
        }
        let savedLimit = limit
        let savedPeek = peeked
        let savedLastEnd = lastEnd
        peeked = nil
        position = start + 1
        limit = close
        var items: [ShellListItem] = []
        if enter(at: start) {
            while !aborted {
                let list = parseCompoundList()
                items.append(contentsOf: list.items)
                let token = peek()
                if token.isEndOfInput { break }
                error(.unexpectedToken, "unexpected `\(token.spelling(in: source))` inside backquotes", token.range)
                consume()
            }
            leave()
        }
        let body = ShellCommandList(items: items, range: (start + 1)..<close, source: source)
        peeked = savedPeek
        limit = savedLimit
        lastEnd = savedLastEnd
        position = found ? close + 1 : close
        let range = start..<position
        return WordPart(kind: .commandSubstitution(body, backquoted: true), range: range, fileRange: source.fileRange(range), value: nil, valueStart: start)
    }

    // MARK: - Arithmetic

    /// The index after the `))` closing arithmetic that starts at `start` (after its opening
    /// parentheses), or nil when a lone `)` closes it first or the input ends.
    func findArithmeticEnd(from start: Int) -> Int? {
        var index = start
        var nesting = 0
        while let current = byte(at: index) {
            switch current {
            case UInt8(ascii: "("):
                nesting += 1
            case UInt8(ascii: ")"):
                if nesting > 0 {
                    nesting -= 1
                } else {
                    return byte(at: index + 1) == UInt8(ascii: ")") ? index + 2 : nil
                }
            case UInt8(ascii: "\\"):
                index += 1
            default:
                break
            }
            index += 1
        }
        return nil
    }

    /// Whether arithmetic starting at `start` runs to the end of input without a lone `)`.
    func arithmeticReachesEnd(from start: Int) -> Bool {
        var index = start
        var nesting = 0
        while let current = byte(at: index) {
            if current == UInt8(ascii: "(") { nesting += 1 }
            if current == UInt8(ascii: ")") {
                if nesting == 0 { return false }
                nesting -= 1
            }
            if current == UInt8(ascii: "\\") { index += 1 }
            index += 1
        }
        return true
    }

    /// Reads an arithmetic expression from `start` up to its `))`, leaving `position` after
    /// them, and returns the expression text.
    func scanArithmetic(from start: Int, opener: Range<Int>) -> String {
        if let end = findArithmeticEnd(from: start) {
            position = end
            return source.text(start..<(end - 2))
        }
        if !aborted {
            error(.unterminatedArithmetic, "`\(source.text(opener))` is never closed with `))`", opener)
        }
        position = limit
        return source.text(start..<limit)
    }
}
