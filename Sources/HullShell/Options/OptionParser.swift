/// Reads a command line with an ``OptionGrammar``.
enum OptionParser {
    static func parse(name: String, nameWord: ShellWord, arguments: [ShellWord], grammar: OptionGrammar) -> CommandInvocation {
        var state = State(grammar: grammar, arguments: arguments)
        state.run()
        return CommandInvocation(name: name, nameWord: nameWord, grammar: grammar, arguments: arguments,
                                 subcommands: state.subcommands, options: state.options, operands: state.operands,
                                 endOfOptions: state.endOfOptions)
    }

    private struct State {
        let grammar: OptionGrammar
        let arguments: [ShellWord]
        /// The option tables in force: the grammar's, then each subcommand's.
        var tables: [[String: OptionSpec]]
        var subcommandList: [SubcommandSpec]
        var subcommands: [CommandInvocation.Subcommand] = []
        var options: [ParsedOption] = []
        var operands: [ShellWord] = []
        var endOfOptions: ShellWord?
        var index = 0

        init(grammar: OptionGrammar, arguments: [ShellWord]) {
            self.grammar = grammar
            self.arguments = arguments
            self.subcommandList = grammar.subcommands
            self.tables = [grammar.optionTable]
        }

        /// The spec for a spelling; a subcommand's options win over the tool's.
        func known(_ name: String) -> OptionSpec? {
            for table in tables.reversed() {
                if let spec = table[name] { return spec }
            }
            return nil
        }

        /// Whether the next operand may still be a subcommand.
        var expectsSubcommand: Bool {
            guard operands.isEmpty, grammar.subcommandStyle != .none else { return false }
            return subcommands.isEmpty || !subcommandList.isEmpty
        }

        mutating func run() {
            if grammar.acceptsOldStyleOptions, let first = arguments.first, let text = first.literal,
               !text.hasPrefix("-"), !text.isEmpty, text.utf8.allSatisfy(ShellParser.isLetter) {
                readOldStyleCluster(first, text: text)
            }
            while index < arguments.count {
                let word = arguments[index]
                let text = word.literal ?? word.staticPrefix
                if endOfOptions != nil {
                    operands.append(word)
                    index += 1
                    continue
                }
                if word.literal == "--" {
                    endOfOptions = word
                    index += 1
                    continue
                }
                if text.hasPrefix("-"), text.utf8.count > 1, readOption(word, text: text, isStatic: word.literal != nil) {
                    continue
                }
                if expectsSubcommand, let spelling = word.literal {
                    if let spec = subcommandList.first(where: { $0.matches(spelling) }) {
                        subcommands.append(.init(name: spec.name, word: word, isKnown: true))
                        if !spec.optionTable.isEmpty { tables.append(spec.optionTable) }
                        subcommandList = spec.subcommands
                        index += 1
                        continue
                    }
                    if subcommands.isEmpty {
                        subcommands.append(.init(name: spelling, word: word, isKnown: false))
                        subcommandList = []
                        index += 1
                        continue
                    }
                }
                operands.append(word)
                index += 1
            }
        }

        /// `tar xzf archive.tgz`: each letter is an option; those taking a value take the next
        /// words in turn.
        mutating func readOldStyleCluster(_ word: ShellWord, text: String) {
            index = 1
            for (offset, byte) in text.utf8.enumerated() {
                let spelling = "-" + String(UnicodeScalar(byte))
                let spec = known(spelling)
                var value: String?
                var valueWord: ShellWord?
                var valueRange: Range<Int>?
                if spec?.argument == .required, index < arguments.count {
                    valueWord = arguments[index]
                    value = valueWord?.literal
                    valueRange = valueWord?.range
                    index += 1
                }
                options.append(ParsedOption(spelling: spelling, spec: spec, value: value, hasValue: valueWord != nil, word: word, wordIndex: 0,
                                            valueWord: valueWord, isInCluster: text.utf8.count > 1,
                                            nameRange: word.localRange(ofValueBytes: offset..<(offset + 1)), valueRange: valueRange))
            }
        }

        /// Reads the option word at `index`; false when it turns out to be an operand.
        mutating func readOption(_ word: ShellWord, text: String, isStatic: Bool) -> Bool {
            let utf8 = Array(text.utf8)
            let wordIndex = index
            let equals = utf8.firstIndex(of: UInt8(ascii: "="))
            let head = String(decoding: utf8[0..<(equals ?? utf8.count)], as: UTF8.self)

            // Long options, single-dash long options, and exact multi-letter spellings (`-nv`).
            let isLong = text.hasPrefix("--")
            let exact = known(head).flatMap { spec -> OptionSpec? in head.utf8.count > 2 || isLong ? spec : nil }
            if isLong || exact != nil || grammar.optionStyle == .singleDashLong {
                let spec = known(head)
                var value: String?
                var hasValue = false
                var valueWord: ShellWord?
                var valueRange: Range<Int>?
                index += 1
                if let equals {
                    hasValue = true
                    value = isStatic ? String(decoding: utf8[(equals + 1)...], as: UTF8.self) : nil
                    valueRange = word.localRange(ofValueBytes: (equals + 1)..<utf8.count)
                    if !isStatic { valueRange = (word.localRange(ofValueBytes: equals..<(equals + 1)).upperBound)..<word.range.upperBound }
                } else if !isStatic {
                    // `--opt$X`: the name itself is not static; keep it as a dynamic operand.
                    index = wordIndex
                    return false
                } else if spec?.argument == .required, index < arguments.count {
                    valueWord = arguments[index]
                    value = valueWord?.literal
                    valueRange = valueWord?.range
                    hasValue = true
                    index += 1
                }
                let nameRange = word.localRange(ofValueBytes: 0..<head.utf8.count)
                options.append(ParsedOption(spelling: head, spec: spec, value: value, hasValue: hasValue, word: word, wordIndex: wordIndex,
                                            valueWord: valueWord, isInCluster: false, nameRange: nameRange, valueRange: valueRange))
                return true
            }

            // A negative number is an operand unless the grammar knows its first digit.
            if utf8.dropFirst().allSatisfy(ShellParser.isDigit), known("-" + String(UnicodeScalar(utf8[1]))) == nil {
                return false
            }
            if grammar.unknownShortOptionsAreOperands,
               utf8.dropFirst().contains(where: { known("-" + String(UnicodeScalar($0))) == nil }) {
                return false
            }

            // A cluster of short options.
            var parsed: [ParsedOption] = []
            var offset = 1
            index += 1
            let clustered = utf8.count > 2
            while offset < utf8.count {
                let letter = utf8[offset]
                let spelling = "-" + String(UnicodeScalar(letter))
                let spec = known(spelling)
                let nameBytes = (offset == 1 ? 0 : offset)..<(offset + 1)
                let rest = (offset + 1)..<utf8.count
                switch spec?.argument {
                case .required?, .optional?:
                    var value: String?
                    var hasValue = false
                    var valueWord: ShellWord?
                    var valueRange: Range<Int>?
                    if !rest.isEmpty || !isStatic {
                        let valueStart = !rest.isEmpty && utf8[rest.lowerBound] == UInt8(ascii: "=") && spec?.argument == .optional ? rest.lowerBound + 1 : rest.lowerBound
                        hasValue = true
                        value = isStatic ? String(decoding: utf8[valueStart...], as: UTF8.self) : nil
                        valueRange = isStatic ? word.localRange(ofValueBytes: valueStart..<utf8.count)
                            : word.localRange(ofValueBytes: valueStart..<valueStart).lowerBound..<word.range.upperBound
                    } else if spec?.argument == .required, index < arguments.count {
                        valueWord = arguments[index]
                        value = valueWord?.literal
                        valueRange = valueWord?.range
                        hasValue = true
                        index += 1
                    }
                    parsed.append(ParsedOption(spelling: spelling, spec: spec, value: value, hasValue: hasValue, word: word, wordIndex: wordIndex,
                                               valueWord: valueWord, isInCluster: clustered, nameRange: word.localRange(ofValueBytes: nameBytes),
                                               valueRange: valueRange))
                    offset = utf8.count
                case .counted? where !rest.isEmpty && utf8[rest.lowerBound] == UInt8(ascii: "="):
                    let valueStart = rest.lowerBound + 1
                    parsed.append(ParsedOption(spelling: spelling, spec: spec, value: isStatic ? String(decoding: utf8[valueStart...], as: UTF8.self) : nil,
                                               hasValue: true, word: word, wordIndex: wordIndex, valueWord: nil, isInCluster: clustered,
                                               nameRange: word.localRange(ofValueBytes: nameBytes),
                                               valueRange: word.localRange(ofValueBytes: valueStart..<utf8.count)))
                    offset = utf8.count
                default:
                    if letter == UInt8(ascii: "=") {
                        // `-x=value` on an unknown option: keep the value with the option before it.
                        offset = utf8.count
                        continue
                    }
                    parsed.append(ParsedOption(spelling: spelling, spec: spec, value: nil, hasValue: false, word: word, wordIndex: wordIndex,
                                               valueWord: nil, isInCluster: clustered, nameRange: word.localRange(ofValueBytes: nameBytes),
                                               valueRange: nil))
                    offset += 1
                }
            }
            if !isStatic, parsed.isEmpty {
                index = wordIndex
                return false
            }
            options.append(contentsOf: parsed)
            return true
        }
    }
}
