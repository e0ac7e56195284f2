extension ShellLexer {
    /// One pass over one input: a cursor over its scalars plus what the pass has learnt.
    ///
    /// Every branch consumes at least one scalar before it loops or descends, so a pass ends
    /// on any input. Nesting depth follows `${…}` nesting in the input.
    struct Expander {
        private let escape: Unicode.Scalar
        private let rawQuotes: Bool
        private let skipUnsetEnv: Bool
        private let processesQuotes: Bool
        private let environment: ShellEnvironment
        private let tracksMatches: Bool
        private let input: [Unicode.Scalar]
        private var position: Int
        /// How many `${` are open.
        private var nesting = 0
        /// Referenced names that were set.
        private(set) var matched: Set<String> = []
        /// Referenced names that were unset.
        private(set) var unmatched: Set<String> = []

        init(lexer: ShellLexer, input: String, environment: ShellEnvironment, tracksMatches: Bool) {
            escape = Unicode.Scalar(lexer.escapeToken.rawValue)
            rawQuotes = lexer.rawQuotes
            skipUnsetEnv = lexer.skipUnsetEnv
            processesQuotes = !lexer.skipProcessQuotes
            self.environment = environment
            self.tracksMatches = tracksMatches
            self.input = Array(input.unicodeScalars)
            // Go's text/scanner, which BuildKit reads the word with, drops a leading byte order mark.
            position = self.input.first == "\u{FEFF}" ? 1 : 0
        }

        private var peek: Unicode.Scalar? { position < input.count ? input[position] : nil }

        private mutating func next() -> Unicode.Scalar? {
            guard position < input.count else { return nil }
            position += 1
            return input[position - 1]
        }

        /// Expands up to `stop` (consumed) or, when `stop` is nil, to the end of the input.
        /// Returns nil when the input ends before `stop`.
        mutating func expand(
            until stop: Unicode.Scalar?, rawEscapes: Bool, words: inout WordSplitter?
        ) throws(Reason) -> String? {
            var result = UTF8Buffer()
            while position < input.count {
                switch role(of: input[position], stop: stop) {
                case .stop:
                    position += 1
                    return result.string
                case .dollar:
                    let value = try dollar()
                    result.append(value)
                    words?.addExpansion(value)
                case .singleQuote:
                    let value = try singleQuoted()
                    result.append(value)
                    words?.addQuoted(value)
                case .doubleQuote:
                    let value = try doubleQuoted(rawEscapes: rawEscapes)
                    result.append(value)
                    words?.addQuoted(value)
                case .text:
                    consumeText(rawEscapes: rawEscapes, into: &result, words: &words)
                }
            }
            return stop == nil ? result.string : nil
        }

        private enum Role {
            case stop, dollar, singleQuote, doubleQuote, text
        }

        private func role(of scalar: Unicode.Scalar, stop: Unicode.Scalar?) -> Role {
            if scalar == stop { return .stop }
            if scalar == "$" { return .dollar }
            if processesQuotes && scalar == "'" { return .singleQuote }
            if processesQuotes && scalar == "\"" { return .doubleQuote }
            return .text
        }

        /// One unquoted scalar, or an escape token and the scalar it escapes. A lone escape
        /// token at the end is dropped (or kept, when raw).
        private mutating func consumeText(rawEscapes: Bool, into result: inout UTF8Buffer, words: inout WordSplitter?) {
            let scalar = input[position]
            position += 1
            guard scalar == escape else {
                result.append(scalar)
                words?.addUnquoted(scalar)
                return
            }
            if rawEscapes {
                result.append(scalar)
                words?.addLiteral(scalar)
            }
            guard let escaped = next() else { return }
            result.append(escaped)
            words?.addLiteral(escaped)
        }

        /// A nested expansion up to `stop`. Running out of input, or failing anywhere once the
        /// input is exhausted, is reported as `reason`, as BuildKit does.
        private mutating func expandNested(
            until stop: Unicode.Scalar, rawEscapes: Bool, orElse reason: Reason
        ) throws(Reason) -> String {
            var noWords: WordSplitter? = nil
            do throws(Reason) {
                if let word = try expand(until: stop, rawEscapes: rawEscapes, words: &noWords) { return word }
            } catch {
                if peek != nil { throw error }
            }
            throw reason
        }

        private mutating func singleQuoted() throws(Reason) -> String {
            position += 1
            guard let close = input[position...].firstIndex(of: "'") else {
                position = input.count
                throw .unterminatedSingleQuote
            }
            var text = UTF8Buffer()
            if rawQuotes { text.append("'") }
            text.append(contentsOf: input[position..<close])
            if rawQuotes { text.append("'") }
            position = close + 1
            return text.string
        }

        private mutating func doubleQuoted(rawEscapes: Bool) throws(Reason) -> String {
            position += 1
            var text = UTF8Buffer()
            if rawQuotes { text.append("\"") }
            while true {
                guard let scalar = peek else { throw .unterminatedDoubleQuote }
                if scalar == "\"" {
                    position += 1
                    if rawQuotes { text.append("\"") }
                    return text.string
                }
                if scalar == "$" {
                    text.append(try dollar())
                    continue
                }
                position += 1
                guard scalar == escape else {
                    text.append(scalar)
                    continue
                }
                if rawEscapes { text.append(scalar) }
                guard let following = peek else { continue }
                // Only `"`, `$` and the escape token itself can be escaped; before anything
                // else the token is literal (and, when raw, therefore appears twice).
                if following == "\"" || following == "$" || following == escape {
                    position += 1
                    text.append(following)
                } else {
                    text.append(scalar)
                }
            }
        }

        // `expand` → `dollar` → `braced` → `modified` / `substituted` → `expandNested` →
        // `expand` recurse once per nested `${…}`. They keep few locals and hand the work to
        // non-recursive functions, so a level costs about 1 KiB of stack optimised (4 KiB unoptimised), and
        // `braced` stops at `ShellLexer.maximumNesting`.

        private mutating func dollar() throws(Reason) -> String {
            position += 1
            if peek == "{" {
                position += 1
                return try braced()
            }
            return simpleParameter()
        }

        /// `$NAME`, or a lone `$` when no name follows.
        private mutating func simpleParameter() -> String {
            let name = parameterName()
            if name.isEmpty { return "$" }
            if let value = lookUp(name) { return value }
            return skipUnsetEnv ? "$" + name : ""
        }

        /// After `${`.
        private mutating func braced() throws(Reason) -> String {
            guard nesting < ShellLexer.maximumNesting else { throw .nestingTooDeep(limit: ShellLexer.maximumNesting) }
            nesting += 1
            defer { nesting -= 1 }
            switch peek {
            case nil: throw .missingClosingBrace
            case "{", "}", ":": throw .badSubstitution
            default: break
            }
            let name = parameterName()
            let operation = next()
            switch Self.braceOperation(operation) {
            case .close: return plainParameter(name)
            case .modifier: return try modified(name, operation: operation)
            case .substitution: return try substituted(name)
            case .unsupported: throw .unsupportedModifier(Self.text(of: operation))
            }
        }

        private enum BraceOperation {
            case close, modifier, substitution, unsupported
        }

        private static func braceOperation(_ scalar: Unicode.Scalar?) -> BraceOperation {
            switch scalar {
            case "}": .close
            case ":", "+", "-", "?", "#", "%": .modifier
            case "/": .substitution
            default: .unsupported
            }
        }

        /// `${NAME}`.
        private mutating func plainParameter(_ name: String) -> String {
            if let value = lookUp(name) { return value }
            return skipUnsetEnv ? "${\(name)}" : ""
        }

        /// `${NAME<modifier>word}` for the modifiers `- + ? # %`, optionally after `:`.
        private mutating func modified(_ name: String, operation: Unicode.Scalar?) throws(Reason) -> String {
            let emptyIsUnset = operation == ":"
            let kind = emptyIsUnset ? next() : operation
            let trims = kind == "#" || kind == "%"
            if emptyIsUnset && trims { throw .unsupportedModifier(Self.modifierText(operation, kind)) }
            let word = try expandNested(until: "}", rawEscapes: trims, orElse: .missingClosingBrace)
            return try applyModifier(name: name, operation: operation, kind: kind, word: word)
        }

        private mutating func applyModifier(
            name: String, operation: Unicode.Scalar?, kind: Unicode.Scalar?, word: String
        ) throws(Reason) -> String {
            let emptyIsUnset = operation == ":"
            let value = lookUp(name)
            if skipUnsetEnv && value == nil { return "${\(name)\(Self.modifierText(operation, kind))\(word)}" }
            let isNull = value == nil || (emptyIsUnset && value == "")
            switch kind {
            case "-":
                return isNull ? word : value ?? ""
            case "+":
                return isNull ? "" : word
            case "?":
                guard let value else {
                    throw .unsetParameter(name: name, message: word.isEmpty ? "is not allowed to be unset" : word)
                }
                if isNull {
                    throw .emptyParameter(name: name, message: word.isEmpty ? "is not allowed to be empty" : word)
                }
                return value
            case "#", "%":
                var pattern = word
                let longest = pattern.unicodeScalars.first == kind
                if longest { pattern.unicodeScalars.removeFirst() }
                return kind == "%"
                    ? try ShellPattern.removingSuffix(pattern, from: value ?? "", longest: longest)
                    : try ShellPattern.removingPrefix(pattern, from: value ?? "", longest: longest)
            default:
                throw .unsupportedModifier(Self.modifierText(operation, kind))
            }
        }

        /// `${NAME/pattern/replacement}` and `${NAME//pattern/replacement}`.
        private mutating func substituted(_ name: String) throws(Reason) -> String {
            let replacesAll = peek == "/"
            if replacesAll { position += 1 }
            let pattern = try expandNested(until: "/", rawEscapes: true, orElse: .missingPatternSeparator)
            let replacement = try expandNested(until: "}", rawEscapes: true, orElse: .missingClosingBrace)
            return try applySubstitution(name: name, pattern: pattern, replacement: replacement, all: replacesAll)
        }

        private mutating func applySubstitution(name: String, pattern: String, replacement: String, all: Bool) throws(Reason) -> String {
            let value = lookUp(name)
            // BuildKit writes the unexpanded form back with one `/`, even for `//`.
            if skipUnsetEnv && value == nil { return "${\(name)/\(pattern)/\(replacement)}" }
            return try ShellPattern.replacing(pattern, with: replacement, in: value ?? "", all: all)
        }

        /// A parameter name: a run of digits, one special parameter, or letters, digits and `_`.
        private mutating func parameterName() -> String {
            var name = UTF8Buffer()
            while let scalar = peek {
                if name.isEmpty && Self.isDigit(scalar) {
                    while let digit = peek, Self.isDigit(digit) {
                        name.append(digit)
                        position += 1
                    }
                    break
                }
                if name.isEmpty && Self.isSpecialParameter(scalar) {
                    position += 1
                    return String(scalar)
                }
                guard Self.isLetter(scalar) || Self.isDigit(scalar) || scalar == "_" else { break }
                name.append(scalar)
                position += 1
            }
            return name.string
        }

        private mutating func lookUp(_ name: String) -> String? {
            let value = environment[name]
            if tracksMatches {
                if value == nil { unmatched.insert(name) } else { matched.insert(name) }
            }
            return value
        }

        /// The modifier text BuildKit prints: the scalar, or U+FFFD for the end of the input.
        private static func text(of scalar: Unicode.Scalar?) -> String {
            String(scalar ?? "\u{FFFD}")
        }

        /// The modifier as written: the operation, then the scalar after a `:`.
        private static func modifierText(_ operation: Unicode.Scalar?, _ kind: Unicode.Scalar?) -> String {
            operation == ":" ? text(of: operation) + text(of: kind) : text(of: operation)
        }

        private static func isSpecialParameter(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar {
            case "@", "*", "#", "?", "-", "$", "!", "0": true
            default: false
            }
        }

        /// Go's `unicode.IsDigit`: general category Nd.
        static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
            if scalar.isASCII { return scalar >= "0" && scalar <= "9" }
            return scalar.properties.generalCategory == .decimalNumber
        }

        /// Go's `unicode.IsLetter`: general category L.
        static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
            if scalar.isASCII { return (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") }
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
            default: return false
            }
        }

        /// Go's `unicode.IsSpace`: the Unicode White_Space property.
        static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
            default: false
            }
        }
    }
}

extension ShellLexer {
    /// Shorthand inside the lexer for the public failure reasons.
    typealias Reason = ShellLexerError.Reason
}
