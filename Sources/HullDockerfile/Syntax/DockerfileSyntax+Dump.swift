extension DockerfileSyntax {
    /// BuildKit's AST dump (`Node.Dump()`): one parenthesised line per instruction, keywords
    /// lower-cased, flags as a Go `%q` slice, argument nodes Go-quoted. Heredocs are not shown,
    /// as in BuildKit. Nil when BuildKit rejects the file.
    public func astDump() -> String? {
        guard error == nil else { return nil }
        return instructions.map { "(" + $0.astDump() + ")" }.joined(separator: "\n")
    }
}

extension InstructionSyntax {
    /// This instruction's node in BuildKit's dump format, without the surrounding parentheses.
    public func astDump() -> String {
        var text = keyword.lowercased()
        if !flags.isEmpty { text += " " + GoQuote.quoteSlice(flags.map(\.text)) }
        if let inner = onbuildInstruction { text += " (" + inner.astDump() + ")" }
        for argument in arguments { text += " " + GoQuote.quote(argument.value) }
        return text.trimmingGoSpace()
    }
}

extension String {
    /// `strings.TrimSpace` on a Swift string.
    func trimmingGoSpace() -> String {
        let bytes = Array(utf8)
        let range = GoText.trimSpace(bytes, 0..<bytes.count)
        if range == 0..<bytes.count { return self }
        return GoText.string(bytes, range)
    }
}
