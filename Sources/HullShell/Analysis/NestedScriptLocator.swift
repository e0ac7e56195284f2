/// Finds the script a command runs as a string (`sh -c '…'`, `su -c '…'`) or as a
/// here-document or here-string fed to a shell (`bash <<EOF`), and builds its source.
enum NestedScriptLocator {
    struct Found {
        /// The text to parse, mapped into the Dockerfile.
        let source: ShellSource
        /// The shell's name (`sh`, `bash`, `su`).
        let shell: String
        /// The options the shell was started with, for its initial `set` state.
        let shellArguments: [String]
    }

    static let shells: Set<String> = ["sh", "bash", "dash", "ash", "zsh", "ksh", "mksh", "yash", "posh"]

    static func locate(in command: SimpleCommand) -> Found? {
        guard let name = command.effectiveName else { return nil }
        let arguments = Array(command.arguments)
        if shells.contains(name) { return shellScript(name: name, arguments: arguments, command: command) }
        if name == "su" || name == "runuser" { return suScript(name: name, arguments: arguments) }
        return nil
    }

    private static func shellScript(name: String, arguments: [ShellWord], command: SimpleCommand) -> Found? {
        var flags: [String] = []
        var readsString = false
        var index = 0
        while index < arguments.count {
            guard let text = arguments[index].literal else { break }
            if text == "--" || text == "-" {
                index += 1
                break
            }
            if text.hasPrefix("--") {
                flags.append(text)
                index += (text == "--rcfile" || text == "--init-file") ? 2 : 1
                continue
            }
            guard (text.hasPrefix("-") || text.hasPrefix("+")), text.count > 1 else { break }
            flags.append(text)
            var valueCount = 0
            for letter in text.dropFirst() {
                if letter == "c" { readsString = true }
                if letter == "o" || letter == "O" { valueCount += 1 }
            }
            for offset in 0..<valueCount where index + 1 + offset < arguments.count {
                flags.append(arguments[index + 1 + offset].literal ?? "")
            }
            index += 1 + valueCount
        }
        if readsString {
            guard index < arguments.count else { return nil }
            return Found(source: source(of: arguments[index]), shell: name, shellArguments: flags)
        }
        guard index >= arguments.count else { return nil }
        // No script file and no -c: the shell reads standard input.
        for redirection in command.redirections where redirection.effectiveFileDescriptor == 0 {
            if let document = redirection.hereDocument, !document.bodyRange.isEmpty {
                let range = document.bodyRange
                let nested = command.source.derived(bytes: Array(command.source.bytes[range]), localIndices: Array(range), exact: true, collapseTo: range)
                return Found(source: nested, shell: name, shellArguments: flags)
            }
            if redirection.operator == .hereString, let word = redirection.target {
                return Found(source: source(of: word), shell: name, shellArguments: flags)
            }
        }
        return nil
    }

    private static let suValueOptions: Set<String> = ["-s", "--shell", "-g", "--group", "-G", "--supp-group", "-w", "--whitelist-environment", "-u", "--user"]

    private static func suScript(name: String, arguments: [ShellWord]) -> Found? {
        var index = 0
        while index < arguments.count {
            guard let text = arguments[index].literal else {
                index += 1
                continue
            }
            if text == "--" { return nil }
            if text == "-c" || text == "--command" {
                guard index + 1 < arguments.count else { return nil }
                return Found(source: source(of: arguments[index + 1]), shell: name, shellArguments: [])
            }
            if text.hasPrefix("--command=") {
                let word = arguments[index]
                let prefixLength = "--command=".utf8.count
                let content = Array(text.utf8.dropFirst(prefixLength))
                let range = word.localRange(ofValueBytes: prefixLength..<text.utf8.count)
                let nested = word.source.derived(bytes: content, localIndices: [], exact: false, collapseTo: range)
                return Found(source: nested, shell: name, shellArguments: [])
            }
            index += suValueOptions.contains(text) ? 2 : 1
        }
        return nil
    }

    /// The script held by a word, mapped byte for byte into the Dockerfile when no escape had to
    /// be removed, and collapsed onto the whole word otherwise.
    static func source(of word: ShellWord) -> ShellSource {
        let bytes = word.source.bytes
        var text: [UInt8] = []
        var indices: [Int] = []
        var exact = true
        func appendRaw(_ range: Range<Int>) {
            guard !range.isEmpty else { return }
            text.append(contentsOf: bytes[range])
            indices.append(contentsOf: range)
        }
        func appendStatic(_ part: WordPart) {
            if let offsets = part.valueOffsets {
                text.append(contentsOf: offsets.map { bytes[$0] })
                indices.append(contentsOf: offsets)
                if zip(offsets, offsets.dropFirst()).contains(where: { $0 + 1 != $1 }) { exact = false }
                return
            }
            switch part.kind {
            case .ansiCQuoted:
                let utf8 = Array((part.value ?? "").utf8)
                text.append(contentsOf: utf8)
                indices.append(contentsOf: Array(repeating: part.range.lowerBound, count: utf8.count))
                exact = false
            case .singleQuoted:
                let closed = part.range.count >= 2 && bytes[part.range.upperBound - 1] == UInt8(ascii: "'")
                appendRaw((part.range.lowerBound + 1)..<(closed ? part.range.upperBound - 1 : part.range.upperBound))
            default:
                appendRaw(part.range)
            }
        }
        for part in word.parts {
            switch part.kind {
            case .singleQuoted, .literal, .ansiCQuoted:
                appendStatic(part)
            case .doubleQuoted(let inner):
                let prefix = bytes[part.range.lowerBound] == UInt8(ascii: "$") ? 2 : 1
                let contentStart = part.range.lowerBound + prefix
                var contentEnd = part.range.upperBound
                if contentEnd - 1 >= contentStart, bytes[contentEnd - 1] == UInt8(ascii: "\"") { contentEnd -= 1 }
                if bytes[contentStart..<contentEnd].contains(UInt8(ascii: "\\")) {
                    for piece in inner {
                        if case .literal = piece.kind { appendStatic(piece) } else { appendRaw(piece.range) }
                    }
                    exact = false
                } else {
                    appendRaw(contentStart..<contentEnd)
                }
            default:
                appendRaw(part.range)
            }
        }
        return word.source.derived(bytes: text, localIndices: indices, exact: exact, collapseTo: word.range)
    }
}
