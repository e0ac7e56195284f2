import HullCore

extension ShellParser {
    /// Consumes the reserved word `word` if it is next; otherwise records a missing-terminator
    /// error pointing at `opener` and returns false.
    @discardableResult
    func expectKeyword(_ word: String, closing construct: String, opener: Range<Int>) -> Bool {
        let token = peek()
        if keyword(token) == word {
            consume()
            return true
        }
        if !aborted {
            error(.missingTerminator, "`\(construct)` is missing its `\(word)` (found `\(token.spelling(in: source))`)", opener)
        }
        return false
    }

    /// Parses redirections after a compound command and wraps it.
    func finishCompound(_ kind: CompoundCommand.Kind, start: Int) -> ShellCommand {
        var redirections: [ShellRedirection] = []
        while !aborted {
            switch peek().kind {
            case .ioNumber, .operator(.redirection): redirections.append(parseRedirection())
            default: return .compound(CompoundCommand(kind: kind, redirections: redirections, range: start..<lastEnd, source: source))
            }
        }
        return .compound(CompoundCommand(kind: kind, redirections: redirections, range: start..<lastEnd, source: source))
    }

    /// Parses a nested list one level deeper.
    func nestedList(at start: Int) -> ShellCommandList {
        guard enter(at: start) else { return ShellCommandList(items: [], range: start..<start, source: source) }
        defer { leave() }
        return parseCompoundList()
    }

    func parseBraceGroup() -> ShellCommand? {
        let open = consume()
        let body = nestedList(at: open.range.lowerBound)
        expectKeyword("}", closing: "{", opener: open.range)
        return finishCompound(.braceGroup(body), start: open.range.lowerBound)
    }

    func parseSubshell() -> ShellCommand? {
        let open = consume()
        let body = nestedList(at: open.range.lowerBound)
        if peek().operator == .rightParenthesis {
            consume()
        } else if !aborted {
            error(.missingTerminator, "`(` is missing its `)` (found `\(peek().spelling(in: source))`)", open.range)
        }
        return finishCompound(.subshell(body), start: open.range.lowerBound)
    }

    func parseIf() -> ShellCommand? {
        let open = consume()
        let start = open.range.lowerBound
        guard enter(at: start) else { return nil }
        defer { leave() }
        var branches: [IfClause.Branch] = []
        var elseBody: ShellCommandList?
        var keywordRange = open.range
        while !aborted {
            let condition = parseCompoundList()
            guard expectKeyword("then", closing: "if", opener: keywordRange) else { break }
            let body = parseCompoundList()
            branches.append(IfClause.Branch(condition: condition, body: body))
            let next = peek()
            if keyword(next) == "elif" {
                keywordRange = next.range
                consume()
                continue
            }
            if keyword(next) == "else" {
                consume()
                elseBody = parseCompoundList()
            }
            expectKeyword("fi", closing: "if", opener: open.range)
            break
        }
        return finishCompound(.ifClause(IfClause(branches: branches, elseBody: elseBody)), start: start)
    }

    /// Parses `do list done` for a loop that started at `opener`.
    func parseDoGroup(opener: Range<Int>, construct: String) -> ShellCommandList {
        skipNewlines()
        let token = peek()
        if keyword(token) == "{" {
            // Bash accepts a brace group in place of `do … done` after `for`.
            consume()
            let body = parseCompoundList()
            expectKeyword("}", closing: "{", opener: token.range)
            return body
        }
        guard expectKeyword("do", closing: construct, opener: opener) else {
            return ShellCommandList(items: [], range: lastEnd..<lastEnd, source: source)
        }
        let body = parseCompoundList()
        expectKeyword("done", closing: construct, opener: opener)
        return body
    }

    func parseFor() -> ShellCommand? {
        let open = consume()
        let start = open.range.lowerBound
        let construct = keyword(open) ?? "for"
        guard enter(at: start) else { return nil }
        defer { leave() }
        // Bash's arithmetic form: for ((init; test; step))
        if peek().operator == .leftParenthesis, byte(at: peek().range.upperBound) == UInt8(ascii: "(") {
            let parenthesis = peek().range.lowerBound
            peeked = nil
            position = parenthesis + 2
            let header = scanArithmetic(from: position, opener: parenthesis..<(parenthesis + 2))
            lastEnd = position
            if peek().operator == .semicolon { consume() }
            let body = parseDoGroup(opener: open.range, construct: construct)
            return finishCompound(.forLoop(ForLoop(variable: nil, words: nil, arithmeticHeader: header, isSelect: false, body: body)), start: start)
        }
        var variable: String?
        if let word = peek().word {
            variable = word.literal ?? word.raw
            consume()
        } else {
            error(.unexpectedToken, "`\(construct)` needs a variable name", open.range)
        }
        var words: [ShellWord]?
        skipNewlines()
        if keyword(peek()) == "in" {
            consume()
            var list: [ShellWord] = []
            while !aborted, let word = peek().word {
                consume()
                list.append(word)
            }
            words = list
        }
        if peek().operator == .semicolon || peek().isNewline { consume() }
        let body = parseDoGroup(opener: open.range, construct: construct)
        return finishCompound(.forLoop(ForLoop(variable: variable, words: words, arithmeticHeader: nil, isSelect: construct == "select", body: body)), start: start)
    }

    func parseWhile() -> ShellCommand? {
        let open = consume()
        let start = open.range.lowerBound
        let construct = keyword(open) ?? "while"
        guard enter(at: start) else { return nil }
        defer { leave() }
        let condition = parseCompoundList()
        let body = parseDoGroup(opener: open.range, construct: construct)
        return finishCompound(.whileLoop(WhileLoop(isUntil: construct == "until", condition: condition, body: body)), start: start)
    }

    func parseCase() -> ShellCommand? {
        let open = consume()
        let start = open.range.lowerBound
        guard enter(at: start) else { return nil }
        defer { leave() }
        var subject: ShellWord?
        if let word = peek().word {
            subject = word
            consume()
        } else {
            error(.unexpectedToken, "`case` needs a word to match", open.range)
        }
        skipNewlines()
        var items: [CaseClause.Item] = []
        guard expectKeyword("in", closing: "case", opener: open.range) else {
            return finishCompound(.caseClause(CaseClause(subject: subject, items: items)), start: start)
        }
        skipNewlines()
        while !aborted {
            let token = peek()
            if keyword(token) == "esac" || token.isEndOfInput { break }
            let itemStart = token.range.lowerBound
            if token.operator == .leftParenthesis { consume() }
            var patterns: [ShellWord] = []
            while !aborted {
                guard let pattern = peek().word else { break }
                consume()
                patterns.append(pattern)
                if peek().operator == .pipe { consume() } else { break }
            }
            if peek().operator == .rightParenthesis {
                consume()
            } else {
                let found = peek()
                error(.unexpectedToken, "expected `)` after a `case` pattern, found `\(found.spelling(in: source))`", found.range)
                if patterns.isEmpty, !found.isEndOfInput { consume() }
                if found.isEndOfInput { break }
                continue
            }
            let body = parseCompoundList()
            var terminator: CaseClause.Item.Terminator?
            switch peek().operator {
            case .doubleSemicolon?: terminator = .break
            case .semicolonAmpersand?: terminator = .fallThrough
            case .doubleSemicolonAmpersand?: terminator = .testNext
            default: break
            }
            if terminator != nil { consume() }
            items.append(CaseClause.Item(patterns: patterns, body: body, terminator: terminator, range: itemStart..<lastEnd))
            skipNewlines()
            if terminator == nil {
                // Only the last arm may omit its terminator.
                if keyword(peek()) != "esac" {
                    let found = peek()
                    if !found.isEndOfInput {
                        error(.unexpectedToken, "unexpected `\(found.spelling(in: source))` in `case`", found.range)
                        consume()
                    }
                }
            }
        }
        expectKeyword("esac", closing: "case", opener: open.range)
        return finishCompound(.caseClause(CaseClause(subject: subject, items: items)), start: start)
    }

    /// `function name [()] compound-command`
    func parseFunctionKeyword() -> ShellCommand? {
        let open = consume()
        guard let nameWord = peek().word else {
            error(.unexpectedToken, "`function` needs a name", open.range)
            return nil
        }
        consume()
        let name = nameWord.literal ?? nameWord.raw
        if peek().operator == .leftParenthesis {
            return parseFunctionBody(name: name, nameRange: nameWord.range, start: open.range.lowerBound)
        }
        return parseFunctionBodyCommand(name: name, nameRange: nameWord.range, start: open.range.lowerBound)
    }

    /// After `name` with `(` next: `name ( ) compound-command`.
    func parseFunctionBody(name: String, nameRange: Range<Int>, start: Int) -> ShellCommand? {
        let open = consume()
        if peek().operator == .rightParenthesis {
            consume()
        } else {
            error(.unexpectedToken, "expected `)` in the definition of `\(name)`", open.range)
        }
        return parseFunctionBodyCommand(name: name, nameRange: nameRange, start: start)
    }

    private func parseFunctionBodyCommand(name: String, nameRange: Range<Int>, start: Int) -> ShellCommand? {
        skipNewlines()
        guard enter(at: start) else { return nil }
        defer { leave() }
        guard let body = parseCommand() else {
            let token = peek()
            error(.unexpectedToken, "function `\(name)` needs a body, found `\(token.spelling(in: source))`", token.range)
            return nil
        }
        let compound: CompoundCommand
        switch body {
        case .compound(let command):
            compound = command
        default:
            // Not valid sh, but keep the commands: wrap the body in a group.
            let item = ShellListItem(andOr: ShellAndOrList(elements: [.init(connector: nil, connectorRange: nil, pipeline: ShellPipeline(isNegated: false, isTimed: false, commands: [body], operators: [], range: body.range, source: source))], range: body.range, source: source), separator: nil, separatorRange: nil)
            compound = CompoundCommand(kind: .braceGroup(ShellCommandList(items: [item], range: body.range, source: source)), redirections: [], range: body.range, source: source)
            error(.unexpectedToken, "the body of function `\(name)` is not a compound command", body.range)
        }
        return .function(FunctionDefinition(name: name, nameRange: nameRange, body: compound, range: start..<lastEnd, source: source))
    }

    /// `[[ … ]]`: words up to `]]`, with operators taken as words.
    func parseConditional() -> ShellCommand? {
        let open = consume()
        var words: [ShellWord] = []
        var closed = false
        while !aborted {
            let token = peek()
            if token.isEndOfInput { break }
            if keyword(token) == "]]" {
                consume()
                closed = true
                break
            }
            consume()
            switch token.kind {
            case .word(let word):
                words.append(word)
            case .newline:
                continue
            default:
                let text = source.text(token.range)
                let part = WordPart(kind: .literal, range: token.range, fileRange: source.fileRange(token.range), value: text, valueStart: token.range.lowerBound)
                words.append(ShellWord(range: token.range, parts: [part], source: source))
            }
        }
        if !closed, !aborted {
            error(.missingTerminator, "`[[` is missing its `]]`", open.range)
        }
        return finishCompound(.conditional(words), start: open.range.lowerBound)
    }

    /// `(( expression ))` in command position; nil when the parentheses turn out to be two
    /// subshells, in which case nothing is consumed.
    func parseArithmeticCommand(at start: Int) -> ShellCommand? {
        guard let end = findArithmeticEnd(from: start + 2) else { return nil }
        peeked = nil
        position = start + 2
        let expression = scanArithmetic(from: position, opener: start..<(start + 2))
        _ = end
        lastEnd = position
        return finishCompound(.arithmetic(expression), start: start)
    }
}
