/// A token of shell text, produced on demand by ``ShellParser``.
struct ShellToken {
    /// An operator token.
    enum Operator: Equatable {
        case and, or, pipe, pipeWithError, semicolon, ampersand
        case doubleSemicolon, semicolonAmpersand, doubleSemicolonAmpersand
        case leftParenthesis, rightParenthesis
        case redirection(ShellRedirection.Operator)

        var spelling: String {
            switch self {
            case .and: "&&"
            case .or: "||"
            case .pipe: "|"
            case .pipeWithError: "|&"
            case .semicolon: ";"
            case .ampersand: "&"
            case .doubleSemicolon: ";;"
            case .semicolonAmpersand: ";&"
            case .doubleSemicolonAmpersand: ";;&"
            case .leftParenthesis: "("
            case .rightParenthesis: ")"
            case .redirection(let op): op.rawValue
            }
        }
    }

    enum Kind {
        case word(ShellWord)
        case `operator`(Operator)
        /// A run of digits directly followed by `<` or `>`.
        case ioNumber(Int)
        case newline
        case endOfInput
    }

    let kind: Kind
    let range: Range<Int>

    var word: ShellWord? {
        if case .word(let word) = kind { return word }
        return nil
    }

    var `operator`: Operator? {
        if case .operator(let op) = kind { return op }
        return nil
    }

    var isEndOfInput: Bool {
        if case .endOfInput = kind { return true }
        return false
    }

    var isNewline: Bool {
        if case .newline = kind { return true }
        return false
    }

    /// The token as shown in messages.
    func spelling(in source: ShellSource) -> String {
        switch kind {
        case .word: source.text(range)
        case .operator(let op): op.spelling
        case .ioNumber(let number): String(number)
        case .newline: "newline"
        case .endOfInput: "end of input"
        }
    }
}
