import HullCore

/// Parses Dockerfiles the way BuildKit's `parser.Parse` does, with exact byte ranges.
///
/// The grammar, limits, messages and quirks follow BuildKit: parser directives only in the
/// leading comment block, continuation with the escape token, comments and empty lines
/// inside continuations, heredocs on RUN/COPY/ADD (and ONBUILD wrapping them), JSON versus
/// shell form, builder flags, 65,535-byte lines. Unlike BuildKit, parsing continues after an
/// instruction-level error so that tools can still look at the rest of the file; `error`
/// holds the first problem, which is the one BuildKit reports.
public enum DockerfileParser {
    /// BuildKit's limit on a physical line, newline excluded.
    public static let maximumLineLength = 65_535

    /// Parses `source`.
    public static func parse(_ source: SourceFile) -> DockerfileSyntax {
        var parser = Parser(source: source)
        return parser.run()
    }

    /// Parses text given as a string.
    public static func parse(_ text: String, path: String = "Dockerfile") -> DockerfileSyntax {
        parse(SourceFile(path: path, text: text))
    }
}

// MARK: - Implementation

private struct PhysicalLine {
    var start: Int
    /// The end of the line's content, before `\n`.
    var contentEnd: Int
    /// After the `\n`, or the end of the file.
    var end: Int
    /// The content end with trailing `\r` removed (BuildKit's `trimNewline`).
    var trimmedEnd: Int
    /// 1-based.
    var number: Int
}

private struct Parser {
    let source: SourceFile
    let bytes: [UInt8]
    var cursor = 0
    var lineNumber = 0
    var stoppedAtLongLine: PhysicalLine?
    var escape: EscapeToken = .backslash
    var directiveScanner = DirectiveScanner()

    var directives: [ParserDirective] = []
    var instructions: [InstructionSyntax] = []
    var comments: [CommentSyntax] = []
    var warnings: [ParseWarning] = []
    var firstError: ParseError?
    var segments: [SyntaxSegment] = []

    init(source: SourceFile) {
        self.source = source
        self.bytes = source.bytes
    }

    mutating func nextLine() -> PhysicalLine? {
        guard cursor < bytes.count, stoppedAtLongLine == nil else { return nil }
        let start = cursor
        var contentEnd = bytes.count
        var end = bytes.count
        if let newline = bytes[start...].firstIndex(of: 0x0A) {
            contentEnd = newline
            end = newline + 1
        }
        var trimmedEnd = contentEnd
        while trimmedEnd > start, bytes[trimmedEnd - 1] == 0x0D { trimmedEnd -= 1 }
        let line = PhysicalLine(start: start, contentEnd: contentEnd, end: end, trimmedEnd: trimmedEnd, number: lineNumber + 1)
        if contentEnd - start > DockerfileParser.maximumLineLength {
            stoppedAtLongLine = line
            return nil
        }
        cursor = end
        lineNumber += 1
        return line
    }

    mutating func record(_ error: ParseError) {
        if firstError == nil { firstError = error }
    }

    func isCommentLine(_ start: Int, _ end: Int) -> Bool {
        let first = GoText.skipSpaces(bytes, from: start, to: end)
        return first < end && bytes[first] == UInt8(ascii: "#")
    }

    /// BuildKit's continuation test: the escape token, then only spaces and tabs, at the end,
    /// not itself escaped. Returns the end of the kept text and whether the line continues.
    func trimContinuation(_ start: Int, _ end: Int) -> (end: Int, continues: Bool) {
        var index = end
        while index > start, bytes[index - 1] == 0x20 || bytes[index - 1] == 0x09 { index -= 1 }
        guard index > start, bytes[index - 1] == escape.rawValue else { return (end, false) }
        let tokenAt = index - 1
        if tokenAt == start || bytes[tokenAt - 1] != escape.rawValue { return (tokenAt, true) }
        return (end, false)
    }

    mutating func run() -> DockerfileSyntax {
        var previousComments: [String] = []
        var first = true
        while let line = nextLine() {
            var start = line.start
            if first {
                first = false
                if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
                    segments.append(SyntaxSegment(kind: .byteOrderMark, range: TextRange(start: 0, end: 3)))
                    start = 3
                }
            }
            let isComment = isCommentLine(start, line.contentEnd)
            if isComment {
                let text = GoText.trimSpace(bytes, (start + 1)..<line.end)
                if text.isEmpty { previousComments = [] } else { previousComments.append(GoText.string(bytes, text)) }
            }
            let tokenStart = GoText.skipSpaces(bytes, from: start, to: line.trimmedEnd)
            var isDirective = false
            do {
                if let match = try directiveScanner.scan(bytes, tokenStart..<line.trimmedEnd) {
                    isDirective = true
                    if !previousComments.isEmpty { previousComments.removeLast() }
                    if match.name == "escape" {
                        switch match.value {
                        case "\\": escape = .backslash
                        case "`": escape = .backtick
                        default:
                            record(ParseError(message: "invalid escape token '\(match.value)' does not match ` or \\", range: TextRange(start: tokenStart, end: line.trimmedEnd), startLine: line.number, endLine: line.number))
                        }
                    }
                    directives.append(ParserDirective(name: match.name, value: match.value, range: TextRange(start: tokenStart, end: line.trimmedEnd), valueRange: TextRange(match.valueRange), line: line.number))
                }
            } catch {
                record(ParseError(message: error.message, range: TextRange(start: tokenStart, end: line.trimmedEnd), startLine: line.number, endLine: line.number))
            }
            let lineRange = TextRange(start: start, end: line.end)
            if isComment {
                if isDirective {
                    segments.append(SyntaxSegment(kind: .directive(directives.count - 1), range: lineRange))
                } else {
                    let text = GoText.trimSpace(bytes, (tokenStart + 1)..<line.trimmedEnd)
                    comments.append(CommentSyntax(text: GoText.string(bytes, text), range: TextRange(start: tokenStart, end: line.trimmedEnd), line: line.number))
                    segments.append(SyntaxSegment(kind: .comment(comments.count - 1), range: lineRange))
                }
                continue
            }
            let (keptEnd, continues) = trimContinuation(tokenStart, line.trimmedEnd)
            if !continues && keptEnd == tokenStart {
                segments.append(SyntaxSegment(kind: .blank, range: lineRange))
                continue
            }
            parseInstruction(firstLine: line, segmentStart: start, tokenStart: tokenStart, keptEnd: keptEnd, continues: continues, previousComments: previousComments)
            previousComments = []
        }
        if let long = stoppedAtLongLine {
            segments.append(SyntaxSegment(kind: .unparsed, range: TextRange(start: long.start, end: bytes.count)))
            let range = TextRange(start: long.start, end: long.contentEnd)
            if instructions.isEmpty {
                record(ParseError(message: "file with no instructions", range: range, startLine: long.number, endLine: long.number))
            } else {
                record(ParseError(message: "dockerfile line greater than max allowed size of \(DockerfileParser.maximumLineLength)", range: range, startLine: long.number, endLine: long.number))
            }
        } else if instructions.isEmpty {
            record(ParseError(message: "file with no instructions", range: .empty(at: bytes.count), startLine: lineNumber, endLine: lineNumber))
        }
        return DockerfileSyntax(source: source, escapeToken: escape, directives: directives, instructions: instructions, comments: comments, warnings: warnings, error: firstError, segments: segments)
    }

    mutating func parseInstruction(firstLine: PhysicalLine, segmentStart: Int, tokenStart: Int, keptEnd: Int, continues: Bool, previousComments: [String]) {
        var logical: [UInt8] = []
        var runs: [LogicalLine.Run] = []
        logical.reserveCapacity(keptEnd - tokenStart)
        func append(_ range: Range<Int>) {
            guard !range.isEmpty else { return }
            // A new run unless the text continues the previous one, so that runs stay canonical.
            let continuesRun = runs.last.map { $0.fileStart + (logical.count - $0.lineStart) == range.lowerBound } ?? false
            if !continuesRun { runs.append(LogicalLine.Run(lineStart: logical.count, fileStart: range.lowerBound)) }
            logical.append(contentsOf: bytes[range])
        }
        append(tokenStart..<keptEnd)
        var lastLine = firstLine
        var more = continues
        var innerComments: [TextRange] = []
        var emptyLines: [TextRange] = []
        while more, let next = nextLine() {
            lastLine = next
            if isCommentLine(next.start, next.contentEnd) {
                let hash = GoText.skipSpaces(bytes, from: next.start, to: next.trimmedEnd)
                innerComments.append(TextRange(start: hash, end: next.trimmedEnd))
                continue
            }
            if GoText.skipSpaces(bytes, from: next.start, to: next.trimmedEnd) == next.trimmedEnd {
                emptyLines.append(TextRange(start: next.start, end: next.trimmedEnd))
                continue
            }
            let (end, again) = trimContinuation(next.start, next.trimmedEnd)
            append(next.start..<end)
            more = again
        }
        let line = LogicalLine(bytes: logical, runs: runs)
        if !emptyLines.isEmpty {
            warnings.append(ParseWarning(message: "Empty continuation line found in: " + line.text, range: emptyLines[0], line: lastLine.number))
        }
        var instruction: InstructionSyntax
        do {
            instruction = try LineParser(line: line, escape: escape).instruction(in: 0..<logical.count)
        } catch {
            record(ParseError(message: error.message, range: TextRange(start: tokenStart, end: lastLine.trimmedEnd), startLine: firstLine.number, endLine: lastLine.number))
            instruction = LineParser(line: line, escape: escape).unparsedInstruction(in: 0..<logical.count)
        }
        instruction.previousComments = previousComments
        instruction.innerComments = innerComments
        instruction.emptyContinuationLines = emptyLines
        instruction.startLine = firstLine.number

        // Kind and form of the instruction that may carry heredocs, read without copying it.
        let heredocTarget = instruction.kind == .onbuild
            ? instruction.wrapped.first.map { (kind: $0.kind, isJSON: $0.isJSON) }
            : (kind: instruction.kind, isJSON: instruction.isJSON)
        if let target = heredocTarget, target.kind.acceptsHeredocs, !target.isJSON, containsHeredocMarker(logical) {
            do {
                let words = try Self.heredocWords(in: line)
                var searchFrom = 0
                for word in words {
                    let marker = Self.locate(word.text, in: logical, from: &searchFrom).map { line.fileRange($0) }
                    guard let body = readHeredocBody(word.heredoc, chomp: word.heredoc.chomp) else {
                        record(ParseError(message: "unterminated heredoc", range: TextRange(start: tokenStart, end: lastLine.trimmedEnd), startLine: firstLine.number, endLine: lineNumber))
                        break
                    }
                    lastLine = body.terminatorLine
                    instruction.heredocs.append(HeredocSyntax(
                        name: word.heredoc.name, fileDescriptor: word.heredoc.fileDescriptor, expand: word.heredoc.expand,
                        chomp: word.heredoc.chomp, content: GoText.string(bytes, body.body), markerRange: marker,
                        bodyRange: TextRange(body.body), terminatorRange: body.terminator))
                }
            } catch {
                record(ParseError(message: error.description, range: TextRange(start: tokenStart, end: lastLine.trimmedEnd), startLine: firstLine.number, endLine: lastLine.number))
            }
        }
        instruction.endLine = max(lastLine.number, lineNumber)
        let endOfText = max(lastLine.trimmedEnd, instruction.heredocs.last?.terminatorRange.end ?? 0)
        instruction.range = TextRange(start: tokenStart, end: max(tokenStart, endOfText))
        // Everything read for this instruction, through the last line consumed.
        instruction.linesRange = TextRange(start: segmentStart, end: cursor)
        segments.append(SyntaxSegment(kind: .instruction(instructions.count), range: instruction.linesRange))
        instructions.append(instruction)
    }

    func containsHeredocMarker(_ logical: [UInt8]) -> Bool {
        logical.withUnsafeBufferPointer { buffer in
            var index = 1
            while index < buffer.count {
                if buffer[index] == 0x3C && buffer[index - 1] == 0x3C { return true }
                index += 1
            }
            return false
        }
    }

    struct HeredocBody {
        var body: Range<Int>
        var terminator: TextRange
        var terminatorLine: PhysicalLine
    }

    mutating func readHeredocBody(_ heredoc: HeredocWord, chomp: Bool) -> HeredocBody? {
        let name = Array(heredoc.name.utf8)
        let bodyStart = cursor
        while let next = nextLine() {
            var compareStart = next.start
            var compareEnd = next.contentEnd
            while compareEnd > compareStart, bytes[compareEnd - 1] == 0x0D || bytes[compareEnd - 1] == 0x0A { compareEnd -= 1 }
            if chomp { while compareStart < compareEnd, bytes[compareStart] == 0x09 { compareStart += 1 } }
            if bytes[compareStart..<compareEnd].elementsEqual(name) {
                return HeredocBody(body: bodyStart..<next.start, terminator: TextRange(start: next.start, end: compareEnd), terminatorLine: next)
            }
        }
        return nil
    }

    struct LocatedHeredoc {
        var text: String
        var heredoc: HeredocWord
    }

    /// Heredoc words on an instruction line, found as BuildKit finds them: the line is split
    /// into shell words (quotes and escapes kept, unset variables left as written) and each
    /// word of the form `[n]<<[-]NAME` names a heredoc.
    static func heredocWords(in line: LogicalLine) throws(ShellLexerError) -> [LocatedHeredoc] {
        var lexer = ShellLexer(escapeToken: .backslash)
        lexer.rawQuotes = true
        lexer.rawEscapes = true
        lexer.skipUnsetEnv = true
        guard let words = try? lexer.processWords(line.text, environment: .empty) else { return [] }
        var found: [LocatedHeredoc] = []
        for word in words {
            if let heredoc = try HeredocWord.parse(word) {
                found.append(LocatedHeredoc(text: word, heredoc: heredoc))
            }
        }
        return found
    }

    static func locate(_ word: String, in bytes: [UInt8], from start: inout Int) -> Range<Int>? {
        let needle = Array(word.utf8)
        guard !needle.isEmpty, bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
        for index in start...(bytes.count - needle.count) where bytes[index] == needle[0] {
            if bytes[index..<(index + needle.count)].elementsEqual(needle) {
                start = index + needle.count
                return index..<(index + needle.count)
            }
        }
        return nil
    }
}
