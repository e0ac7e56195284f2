import HullCore

/// A recursive-descent parser for POSIX sh with the bash extensions common in Dockerfiles.
///
/// The lexer is driven by the parser one token at a time, because what a token is depends on
/// where it stands: reserved words only count in command position, and here-document bodies
/// start after the next newline. Command substitutions are parsed in place, recursively, on the
/// same bytes, so every node's range is local to the one ``ShellSource``.
///
/// Robustness: every loop consumes input or stops; every nesting construct goes through
/// ``enter(at:)``, which stops the whole parse once ``ShellParseOptions/maximumDepth`` is
/// exceeded, so hostile input can neither hang the parser nor exhaust the stack.
final class ShellParser {
    let source: ShellSource
    let bytes: [UInt8]
    let maximumDepth: Int
    let isNested: Bool

    /// The next byte to lex.
    var position = 0
    /// Lexing stops here; lowered temporarily while parsing the inside of backquotes.
    var limit: Int
    /// The end of the last consumed token.
    var lastEnd = 0
    var peeked: ShellToken?
    var depth = 0
    /// Set once nesting is too deep; from then on the lexer only returns end of input.
    var aborted = false

    var errors: [ShellParseError] = []
    var comments: [Range<Int>] = []

    /// Here-documents whose bodies start after the next newline.
    var pendingHereDocuments: [PendingHereDocument] = []
    /// Bodies read so far, by the index stored in their redirection.
    var hereDocuments: [HereDocument?] = []

    struct PendingHereDocument {
        let index: Int
        let delimiter: String
        let isQuoted: Bool
        let stripsTabs: Bool
        let operatorRange: Range<Int>
    }

    init(source: ShellSource, maximumDepth: Int, isNested: Bool = false) {
        self.source = source
        self.bytes = source.bytes
        self.maximumDepth = maximumDepth
        self.isNested = isNested
        self.limit = source.bytes.count
    }

    // MARK: - Entry point

    /// Parses the whole source as a script.
    func parseProgram() -> ShellCommandList {
        let start = position
        var items: [ShellListItem] = []
        while true {
            let list = parseCompoundList()
            items.append(contentsOf: list.items)
            let token = peek()
            if token.isEndOfInput || aborted { break }
            error(.unexpectedToken, "unexpected `\(token.spelling(in: source))`", token.range)
            consume()
        }
        for pending in pendingHereDocuments {
            error(.unterminatedHereDocument, "here-document delimited by `\(pending.delimiter)` has no body", pending.operatorRange)
        }
        pendingHereDocuments.removeAll()
        return ShellCommandList(items: items, range: start..<Swift.max(start, lastEnd), source: source)
    }

    // MARK: - Diagnostics and depth

    func error(_ kind: ShellParseError.Kind, _ message: String, _ range: Range<Int>) {
        errors.append(ShellParseError(kind: kind, message: message, range: range, fileRange: source.fileRange(range), isInNestedScript: isNested))
    }

    /// Enters one nesting level; false (and the parse stops) when the limit is exceeded.
    func enter(at start: Int) -> Bool {
        if aborted { return false }
        depth += 1
        if depth > maximumDepth {
            aborted = true
            error(.nestingTooDeep, "nesting deeper than \(maximumDepth) levels; the rest was not parsed", start..<Swift.min(start + 1, bytes.count))
            peeked = nil
            return false
        }
        return true
    }

    func leave() { depth -= 1 }

    // MARK: - Token stream

    @discardableResult
    func peek() -> ShellToken {
        if let peeked { return peeked }
        let token = lex()
        peeked = token
        return token
    }

    @discardableResult
    func consume() -> ShellToken {
        let token = peek()
        peeked = nil
        if !token.isEndOfInput { lastEnd = token.range.upperBound }
        return token
    }

    /// Skips newline tokens (the grammar's `linebreak`).
    func skipNewlines() {
        while peek().isNewline { consume() }
    }

    /// The reserved word a token spells, when it is an unquoted word with nothing else in it.
    func keyword(_ token: ShellToken) -> String? {
        guard let word = token.word, word.parts.count == 1 else { return nil }
        let part = word.parts[0]
        guard case .literal = part.kind, part.valueOffsets == nil, let value = part.value,
              Self.reservedWords.contains(value) else { return nil }
        return value
    }

    static let reservedWords: Set<String> = [
        "if", "then", "else", "elif", "fi", "do", "done", "case", "esac", "while", "until",
        "for", "select", "in", "function", "{", "}", "!", "[[", "]]",
    ]

    /// Reserved words and operators that close an enclosing construct.
    static let closingWords: Set<String> = ["then", "else", "elif", "fi", "do", "done", "esac", "}"]

    func isClosing(_ token: ShellToken) -> Bool {
        switch token.kind {
        case .endOfInput: return true
        case .operator(let op):
            return op == .rightParenthesis || op == .doubleSemicolon || op == .semicolonAmpersand || op == .doubleSemicolonAmpersand
        case .word:
            if let word = keyword(token) { return Self.closingWords.contains(word) }
            return false
        default: return false
        }
    }

    // MARK: - Lexer

    static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    static func isMetacharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x3B, 0x26, 0x7C, 0x3C, 0x3E, 0x28, 0x29: true  // space tab \n ; & | < > ( )
        default: false
        }
    }

    func byte(at index: Int) -> UInt8? { index < limit && index >= 0 ? bytes[index] : nil }

    func lex() -> ShellToken {
        if aborted { return ShellToken(kind: .endOfInput, range: limit..<limit) }
        skipBlanksAndComments()
        let start = position
        guard let current = byte(at: position) else {
            return ShellToken(kind: .endOfInput, range: start..<start)
        }
        let next = byte(at: position + 1)
        switch current {
        case UInt8(ascii: "\n"):
            position += 1
            let token = ShellToken(kind: .newline, range: start..<position)
            if !pendingHereDocuments.isEmpty { readHereDocumentBodies() }
            return token
        case UInt8(ascii: "&"):
            if next == UInt8(ascii: "&") { return op(.and, 2) }
            if next == UInt8(ascii: ">") {
                if byte(at: position + 2) == UInt8(ascii: ">") { return op(.redirection(.appendOutputAndError), 3) }
                return op(.redirection(.outputAndError), 2)
            }
            return op(.ampersand, 1)
        case UInt8(ascii: "|"):
            if next == UInt8(ascii: "|") { return op(.or, 2) }
            if next == UInt8(ascii: "&") { return op(.pipeWithError, 2) }
            return op(.pipe, 1)
        case UInt8(ascii: ";"):
            if next == UInt8(ascii: ";") {
                if byte(at: position + 2) == UInt8(ascii: "&") { return op(.doubleSemicolonAmpersand, 3) }
                return op(.doubleSemicolon, 2)
            }
            if next == UInt8(ascii: "&") { return op(.semicolonAmpersand, 2) }
            return op(.semicolon, 1)
        case UInt8(ascii: "("):
            return op(.leftParenthesis, 1)
        case UInt8(ascii: ")"):
            return op(.rightParenthesis, 1)
        case UInt8(ascii: "<"):
            if next == UInt8(ascii: "(") { return lexWord() }
            if next == UInt8(ascii: "<") {
                if byte(at: position + 2) == UInt8(ascii: "<") { return op(.redirection(.hereString), 3) }
                if byte(at: position + 2) == UInt8(ascii: "-") { return op(.redirection(.hereDocumentStrippingTabs), 3) }
                return op(.redirection(.hereDocument), 2)
            }
            if next == UInt8(ascii: "&") { return op(.redirection(.duplicateInput), 2) }
            if next == UInt8(ascii: ">") { return op(.redirection(.readWrite), 2) }
            return op(.redirection(.input), 1)
        case UInt8(ascii: ">"):
            if next == UInt8(ascii: "(") { return lexWord() }
            if next == UInt8(ascii: ">") { return op(.redirection(.append), 2) }
            if next == UInt8(ascii: "&") { return op(.redirection(.duplicateOutput), 2) }
            if next == UInt8(ascii: "|") { return op(.redirection(.clobber), 2) }
            return op(.redirection(.output), 1)
        default:
            if current >= UInt8(ascii: "0"), current <= UInt8(ascii: "9") {
                var end = position
                while let digit = byte(at: end), digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") { end += 1 }
                if let after = byte(at: end), after == UInt8(ascii: "<") || after == UInt8(ascii: ">"), end - position <= 9,
                   byte(at: end + 1) != UInt8(ascii: "(") {
                    let number = Int(String(decoding: bytes[position..<end], as: UTF8.self)) ?? 0
                    position = end
                    return ShellToken(kind: .ioNumber(number), range: start..<end)
                }
            }
            return lexWord()
        }
    }

    private func op(_ op: ShellToken.Operator, _ length: Int) -> ShellToken {
        let start = position
        position += length
        return ShellToken(kind: .operator(op), range: start..<position)
    }

    /// Skips blanks, line continuations, carriage returns before newlines, and comments.
    func skipBlanksAndComments() {
        while let current = byte(at: position) {
            if Self.isBlank(current) {
                position += 1
            } else if current == UInt8(ascii: "\\"), byte(at: position + 1) == UInt8(ascii: "\n") {
                position += 2
            } else if current == UInt8(ascii: "\\"), byte(at: position + 1) == UInt8(ascii: "\r"), byte(at: position + 2) == UInt8(ascii: "\n") {
                position += 3
            } else if current == UInt8(ascii: "\r"), byte(at: position + 1) == UInt8(ascii: "\n") {
                position += 1
            } else if current == UInt8(ascii: "#") {
                let start = position
                while let byte = byte(at: position), byte != UInt8(ascii: "\n") { position += 1 }
                comments.append(start..<position)
            } else {
                return
            }
        }
    }

    private func lexWord() -> ShellToken {
        let start = position
        let parts = scanUnquotedWord()
        if position == start {
            // Nothing could be scanned (cannot normally happen); take one byte so the lexer
            // always advances.
            position += 1
            let part = WordPart(kind: .literal, range: start..<position, fileRange: source.fileRange(start..<position),
                                value: source.text(start..<position), valueStart: start)
            return ShellToken(kind: .word(ShellWord(range: start..<position, parts: [part], source: source)), range: start..<position)
        }
        let word = ShellWord(range: start..<position, parts: parts, source: source)
        return ShellToken(kind: .word(word), range: start..<position)
    }

    // MARK: - Lists

    /// Parses and-or lists separated by `;`, `&` and newlines, stopping before a closing
    /// token (`)`, `;;`, `fi`, `done`, `}` …) or the end of input.
    func parseCompoundList() -> ShellCommandList {
        skipNewlines()
        let start = peek().range.lowerBound
        var items: [ShellListItem] = []
        var end = start
        while !aborted {
            let token = peek()
            if isClosing(token) { break }
            guard let andOr = parseAndOr() else {
                if aborted { break }
                error(.unexpectedToken, "unexpected `\(token.spelling(in: source))`", token.range)
                consume()
                continue
            }
            end = andOr.range.upperBound
            let next = peek()
            var separator: ShellListItem.Separator?
            var separatorRange: Range<Int>?
            switch next.kind {
            case .operator(.semicolon):
                separator = .semicolon
            case .operator(.ampersand):
                separator = .ampersand
            case .newline:
                separator = .newline
            default:
                break
            }
            if separator != nil {
                separatorRange = next.range
                consume()
                end = next.range.upperBound
            }
            items.append(ShellListItem(andOr: andOr, separator: separator, separatorRange: separatorRange))
            skipNewlines()
            if separator == nil {
                let following = peek()
                if !isClosing(following) {
                    error(.unexpectedToken, "unexpected `\(following.spelling(in: source))` after a command", following.range)
                    consume()
                }
            }
        }
        return ShellCommandList(items: items, range: start..<Swift.max(start, end), source: source)
    }

    func parseAndOr() -> ShellAndOrList? {
        guard let first = parsePipeline() else { return nil }
        var elements = [ShellAndOrList.Element(connector: nil, connectorRange: nil, pipeline: first)]
        var end = first.range.upperBound
        while !aborted {
            let token = peek()
            let connector: ShellAndOrList.LogicalOperator
            switch token.operator {
            case .and?: connector = .and
            case .or?: connector = .or
            default: return ShellAndOrList(elements: elements, range: first.range.lowerBound..<end, source: source)
            }
            consume()
            skipNewlines()
            guard let pipeline = parsePipeline() else {
                error(.unexpectedToken, "expected a command after `\(connector.rawValue)`", token.range)
                break
            }
            elements.append(ShellAndOrList.Element(connector: connector, connectorRange: token.range, pipeline: pipeline))
            end = pipeline.range.upperBound
        }
        return ShellAndOrList(elements: elements, range: first.range.lowerBound..<end, source: source)
    }

    func parsePipeline() -> ShellPipeline? {
        let start = peek().range.lowerBound
        var negated = false
        var timed = false
        while !aborted {
            let token = peek()
            if keyword(token) == "!" {
                negated.toggle()
                consume()
            } else if !timed, let word = token.word, word.literal == "time", word.parts.count == 1, isTimeKeyword(after: token.range.upperBound) {
                timed = true
                consume()
                if let option = peek().word, option.literal == "-p" { consume() }
            } else {
                break
            }
        }
        guard let first = parseCommand() else {
            if negated || timed {
                let token = peek()
                error(.unexpectedToken, "expected a command, found `\(token.spelling(in: source))`", token.range)
                return ShellPipeline(isNegated: negated, isTimed: timed, commands: [], operators: [], range: start..<lastEnd, source: source)
            }
            return nil
        }
        var commands = [first]
        var operators: [ShellPipeline.PipeOperator] = []
        while !aborted {
            let token = peek()
            let pipe: ShellPipeline.PipeOperator
            switch token.operator {
            case .pipe?: pipe = .pipe
            case .pipeWithError?: pipe = .pipeWithError
            default: return ShellPipeline(isNegated: negated, isTimed: timed, commands: commands, operators: operators, range: start..<lastEnd, source: source)
            }
            consume()
            skipNewlines()
            guard let command = parseCommand() else {
                error(.unexpectedToken, "expected a command after `\(pipe.rawValue)`", token.range)
                break
            }
            operators.append(pipe)
            commands.append(command)
        }
        return ShellPipeline(isNegated: negated, isTimed: timed, commands: commands, operators: operators, range: start..<lastEnd, source: source)
    }

    /// Whether `time` at `offset` is bash's pipeline keyword: it is when what follows cannot
    /// start a plain command (`{`, `(`, `!`, a compound keyword) or is `-p` followed by one.
    private func isTimeKeyword(after offset: Int) -> Bool {
        var index = offset
        func skipBlanks() { while let byte = byte(at: index), Self.isBlank(byte) { index += 1 } }
        func startsWord(_ word: String) -> Bool {
            let utf8 = Array(word.utf8)
            for (offset, expected) in utf8.enumerated() where byte(at: index + offset) != expected { return false }
            guard let after = byte(at: index + utf8.count) else { return true }
            return Self.isMetacharacter(after)
        }
        skipBlanks()
        if startsWord("-p") {
            index += 2
            skipBlanks()
        }
        if let next = byte(at: index), next == UInt8(ascii: "(") { return true }
        return ["{", "!", "if", "for", "while", "until", "case", "select", "[["].contains(where: startsWord)
    }

    // MARK: - Commands

    func parseCommand() -> ShellCommand? {
        let token = peek()
        switch token.kind {
        case .word:
            if let keyword = keyword(token) {
                switch keyword {
                case "{": return parseBraceGroup()
                case "if": return parseIf()
                case "for", "select": return parseFor()
                case "while", "until": return parseWhile()
                case "case": return parseCase()
                case "function": return parseFunctionKeyword()
                case "[[": return parseConditional()
                case "then", "else", "elif", "fi", "do", "done", "esac", "}": return nil
                default: break
                }
            }
            return parseSimpleCommand()
        case .operator(.leftParenthesis):
            if byte(at: token.range.upperBound) == UInt8(ascii: "("), let arithmetic = parseArithmeticCommand(at: token.range.lowerBound) {
                return arithmetic
            }
            return parseSubshell()
        case .operator(.redirection), .ioNumber:
            return parseSimpleCommand()
        default:
            return nil
        }
    }

    func parseSimpleCommand() -> ShellCommand? {
        let start = peek().range.lowerBound
        var assignments: [ShellAssignment] = []
        var words: [ShellWord] = []
        var redirections: [ShellRedirection] = []
        loop: while !aborted {
            let token = peek()
            switch token.kind {
            case .ioNumber, .operator(.redirection):
                redirections.append(parseRedirection())
            case .word(let word):
                if words.isEmpty, let assignment = parseAssignment(word) {
                    assignments.append(assignment)
                    continue
                }
                consume()
                if words.isEmpty, assignments.isEmpty, redirections.isEmpty, peek().operator == .leftParenthesis,
                   let name = word.literal, Self.isFunctionName(name) {
                    return parseFunctionBody(name: name, nameRange: word.range, start: start)
                }
                words.append(arrayArgument(after: word) ?? word)
            default:
                break loop
            }
        }
        if assignments.isEmpty, words.isEmpty, redirections.isEmpty { return nil }
        let command = SimpleCommand(assignments: assignments, words: words, redirections: redirections, range: start..<lastEnd, source: source)
        return .simple(command)
    }

    /// `declare -A map=([key]=value …)`: an argument ending in `=` directly followed by `(` takes
    /// the parenthesised list into the same word, kept as literal text.
    func arrayArgument(after word: ShellWord) -> ShellWord? {
        guard let last = word.parts.last, case .literal = last.kind, last.value?.hasSuffix("=") == true else { return nil }
        let open = peek()
        guard open.operator == .leftParenthesis, open.range.lowerBound == word.range.upperBound else { return nil }
        consume()
        while !aborted {
            let token = peek()
            if token.isNewline || token.word != nil { consume(); continue }
            break
        }
        if peek().operator == .rightParenthesis {
            consume()
        } else {
            error(.missingTerminator, "array value lacks its closing `)`", open.range)
        }
        let listRange = open.range.lowerBound..<lastEnd
        let list = WordPart(kind: .literal, range: listRange, fileRange: source.fileRange(listRange), value: source.text(listRange), valueStart: listRange.lowerBound)
        return ShellWord(range: word.range.lowerBound..<lastEnd, parts: word.parts + [list], source: source)
    }

    static func isFunctionName(_ name: String) -> Bool {
        guard let first = name.utf8.first, !name.isEmpty else { return false }
        if first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9") { return false }
        return name.utf8.allSatisfy { byte in
            !isMetacharacter(byte) && byte != UInt8(ascii: "=") && byte != UInt8(ascii: "$") && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "'")
        }
    }

    /// Recognises `NAME=value`, `NAME+=value`, `NAME[sub]=value` and `NAME=(a b c)`.
    func parseAssignment(_ word: ShellWord) -> ShellAssignment? {
        guard let first = word.parts.first, case .literal = first.kind, let value = first.value else { return nil }
        let utf8 = Array(value.utf8)
        guard let head = utf8.first, head == UInt8(ascii: "_") || Self.isLetter(head) else { return nil }
        var index = 1
        while index < utf8.count, utf8[index] == UInt8(ascii: "_") || Self.isLetter(utf8[index]) || Self.isDigit(utf8[index]) { index += 1 }
        let nameEnd = index
        var arraySubscript: String?
        if index < utf8.count, utf8[index] == UInt8(ascii: "[") {
            guard let close = utf8[index...].firstIndex(of: UInt8(ascii: "]")) else { return nil }
            arraySubscript = String(decoding: utf8[(index + 1)..<close], as: UTF8.self)
            index = close + 1
        }
        var isAppend = false
        if index < utf8.count, utf8[index] == UInt8(ascii: "+") {
            isAppend = true
            index += 1
        }
        guard index < utf8.count, utf8[index] == UInt8(ascii: "=") else { return nil }
        consume()
        let name = String(decoding: utf8[0..<nameEnd], as: UTF8.self)
        let nameRange = word.localRange(ofValueBytes: 0..<nameEnd)
        let valueByteStart = index + 1
        let valueStartOffset = word.sourceOffset(ofValueByte: valueByteStart) ?? word.range.upperBound
        // Split the first part after `=`; the rest of the word's parts follow unchanged.
        var valueParts: [WordPart] = []
        if valueByteStart < utf8.count {
            let rest = String(decoding: utf8[valueByteStart...], as: UTF8.self)
            let restRange = valueStartOffset..<first.range.upperBound
            let offsets = first.valueOffsets.map { Array($0[valueByteStart...]) }
            valueParts.append(WordPart(kind: .literal, range: restRange, fileRange: source.fileRange(restRange), value: rest,
                                       valueStart: valueStartOffset, valueOffsets: offsets))
        }
        valueParts.append(contentsOf: word.parts.dropFirst())
        let valueRange = (valueParts.first?.range.lowerBound ?? word.range.upperBound)..<word.range.upperBound
        // `NAME=(…)` directly followed by a parenthesis is an array.
        let next = peek()
        if valueParts.isEmpty, next.operator == .leftParenthesis, next.range.lowerBound == word.range.upperBound {
            consume()
            var elements: [ShellWord] = []
            while !aborted {
                let token = peek()
                if token.isNewline { consume(); continue }
                guard let element = token.word else { break }
                consume()
                elements.append(element)
            }
            if peek().operator == .rightParenthesis {
                consume()
            } else {
                error(.missingTerminator, "array assignment to `\(name)` lacks its closing `)`", word.range)
            }
            return ShellAssignment(name: name, arraySubscript: arraySubscript, isAppend: isAppend, value: nil, arrayElements: elements,
                                   nameRange: nameRange, range: word.range.lowerBound..<lastEnd, source: source)
        }
        let valueWord = ShellWord(range: valueRange, parts: valueParts, source: source)
        return ShellAssignment(name: name, arraySubscript: arraySubscript, isAppend: isAppend, value: valueWord, arrayElements: nil,
                               nameRange: nameRange, range: word.range, source: source)
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    func parseRedirection() -> ShellRedirection {
        let first = consume()
        var fileDescriptor: Int?
        var operatorToken = first
        if case .ioNumber(let number) = first.kind {
            fileDescriptor = number
            operatorToken = consume()
        }
        guard case .operator(.redirection(let op)) = operatorToken.kind else {
            // An io-number is always followed by a redirection operator, by construction.
            return ShellRedirection(fileDescriptor: fileDescriptor, operator: .output, target: nil, range: first.range.lowerBound..<lastEnd, source: source, hereDocumentIndex: nil)
        }
        let targetToken = peek()
        guard let target = targetToken.word else {
            error(.missingRedirectionTarget, "`\(op.rawValue)` needs a target, found `\(targetToken.spelling(in: source))`", operatorToken.range)
            return ShellRedirection(fileDescriptor: fileDescriptor, operator: op, target: nil, range: first.range.lowerBound..<lastEnd, source: source, hereDocumentIndex: nil)
        }
        consume()
        var hereDocumentIndex: Int?
        if op.isHereDocument {
            let index = hereDocuments.count
            hereDocuments.append(nil)
            hereDocumentIndex = index
            pendingHereDocuments.append(PendingHereDocument(
                index: index, delimiter: Self.delimiterText(target), isQuoted: target.isQuoted,
                stripsTabs: op == .hereDocumentStrippingTabs, operatorRange: first.range.lowerBound..<target.range.upperBound))
        }
        return ShellRedirection(fileDescriptor: fileDescriptor, operator: op, target: target, range: first.range.lowerBound..<lastEnd, source: source, hereDocumentIndex: hereDocumentIndex)
    }

    /// A here-document delimiter after quote removal; expansions in it are taken literally.
    static func delimiterText(_ word: ShellWord) -> String {
        if let literal = word.literal { return literal }
        var bytes: [UInt8] = []
        for byte in word.source.bytes[word.range] where byte != UInt8(ascii: "'") && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
