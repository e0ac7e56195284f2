import HullCore

/// Turns BuildKit's argument nodes into typed payloads, as BuildKit's `instructions` package does.
enum InstructionPayloadBuilder {
    static func payload(for node: InstructionSyntax) -> InstructionPayload {
        let fallback = node.restFileRange.start
        let words = node.arguments.map { $0.word(fallback: fallback) }
        let flags = BuilderFlags(node.flags, kind: node.kind)
        switch node.kind {
        case .from:
            var from = FromInstruction(image: words.first ?? Word(text: "", range: .empty(at: fallback)), platform: flags.value("platform"))
            switch words.count {
            case 1: break
            case 3 where words[1].text.lowercased() == "as":
                from.asKeyword = words[1]
                from.stageName = words[2]
                let name = words[2].text.lowercased()
                if !isValidStageName(name) {
                    from.problem = "invalid name for build stage: \(GoQuote.quote(words[2].text)), name can't start with a number or contain symbols"
                }
            default:
                from.problem = "FROM requires either one or three arguments"
            }
            return .from(from)
        case .run:
            return .run(RunInstruction(command: commandForm(node, words) ?? .shell(ShellText(line: node.line, lineRange: node.restRange)),
                                       mounts: node.flags.filter { $0.name == "mount" }.map(RunMount.init(flag:)),
                                       network: flags.value("network"), security: flags.value("security"), heredocs: node.heredocs))
        case .cmd:
            return .cmd(CommandInstruction(command: commandForm(node, words)))
        case .entrypoint:
            return .entrypoint(CommandInstruction(command: commandForm(node, words)))
        case .copy, .add:
            var copy = CopyInstruction(
                sources: Array(words.dropLast()), destination: words.count >= 2 ? words.last : nil,
                from: node.kind == .copy ? flags.value("from") : nil, chown: flags.value("chown"), chmod: flags.value("chmod"),
                link: flags.isSet("link"), parents: flags.isSet("parents"), excludes: flags.values("exclude"),
                checksum: node.kind == .add ? flags.value("checksum") : nil, keepGitDirectory: flags.isSet("keep-git-dir"),
                isJSON: node.isJSON, heredocs: node.heredocs)
            if words.count < 2 && node.heredocs.isEmpty {
                copy.sources = words
                copy.problem = "\(node.kind.keyword) requires at least two arguments, but only one was provided. Destination could not be determined"
            }
            return node.kind == .copy ? .copy(copy) : .add(copy)
        case .env, .label:
            var pairs: [KeyValueInstruction.Pair] = []
            var index = 0
            while index + 2 < node.arguments.count {
                let separator = node.arguments[index + 2]
                pairs.append(.init(key: words[index], value: words[index + 1], isLegacyForm: separator.value.isEmpty))
                index += 3
            }
            let payload = KeyValueInstruction(pairs: pairs)
            return node.kind == .env ? .env(payload) : .label(payload)
        case .arg:
            return .arg(ArgInstruction(declarations: words.map { word in
                guard let equals = word.text.firstIndex(of: "=") else {
                    return .init(name: word, defaultValue: nil, word: word)
                }
                let nameLength = word.text.utf8.distance(from: word.text.startIndex, to: equals)
                let name = Word(text: String(word.text[..<equals]), range: TextRange(start: word.range.start, end: word.range.start + nameLength))
                let value = Word(text: String(word.text[word.text.index(after: equals)...]), range: TextRange(start: word.range.start + nameLength + 1, end: max(word.range.start + nameLength + 1, word.range.end)))
                return .init(name: name, defaultValue: value, word: word)
            }))
        case .expose:
            return .expose(ExposeInstruction(ports: words))
        case .workdir:
            return .workdir(WorkdirInstruction(path: words.first))
        case .user:
            return .user(UserInstruction(user: words.first))
        case .volume:
            return .volume(VolumeInstruction(paths: words))
        case .shell:
            return .shell(ShellInstruction(arguments: words, isJSON: node.isJSON))
        case .stopsignal:
            return .stopSignal(StopSignalInstruction(signal: words.first))
        case .maintainer:
            return .maintainer(MaintainerInstruction(name: words.first))
        case .healthcheck:
            var options: [String: String] = [:]
            for flag in node.flags { options[flag.name] = flag.value ?? "" }
            guard let type = words.first else { return .healthcheck(HealthcheckInstruction(isNone: false, command: nil, typeWord: nil, options: options)) }
            let isNone = type.text.uppercased() == "NONE"
            var command: CommandForm?
            if !isNone, words.count > 1 {
                if node.isJSON {
                    command = .exec(Array(words.dropFirst()))
                } else if let range = node.arguments[1].range {
                    let start = node.line.index(ofFileOffset: range.start) ?? node.restRange.lowerBound
                    command = .shell(ShellText(line: node.line, lineRange: start..<node.restRange.upperBound))
                }
            }
            return .healthcheck(HealthcheckInstruction(isNone: isNone, command: command, typeWord: type, options: options))
        case .onbuild:
            return .onbuild(OnbuildInstruction(trigger: node.onbuildInstruction))
        case .unknown:
            return .unknown
        }
    }

    static func commandForm(_ node: InstructionSyntax, _ words: [Word]) -> CommandForm? {
        if node.isJSON { return .exec(words) }
        if node.restRange.isEmpty { return nil }
        return .shell(ShellText(line: node.line, lineRange: node.restRange))
    }

    /// BuildKit's stage-name pattern: `^[a-z][a-z0-9-_.]*$` on the lower-cased name.
    static func isValidStageName(_ name: String) -> Bool {
        guard let first = name.utf8.first, first >= 0x61 && first <= 0x7A else { return false }
        return name.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E }
    }
}
