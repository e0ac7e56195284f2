import HullCore
import HullDockerfile
import HullLint

/// Values of instruction arguments as BuildKit will see them, for the metadata rules (ports,
/// paths, labels, users, signals): expanded with the variables in scope, and only when no
/// value has to come from outside the file.
enum MetadataExpansion {
    /// The value of `word` at instruction `index`, or nil when it depends on a variable that is
    /// unset (an `ARG` without a default, an `ENV` from the base image) or does not expand.
    /// References that supply their own value for an unset variable (`${TAG:-1.0}`) count as
    /// resolved.
    static func value(of word: Word, at index: Int, in input: AnalyzedDockerfile) -> String? {
        value(of: word.text, at: index, in: input)
    }

    /// The value of `text` at instruction `index`, as ``value(of:at:in:)-(Word,_,_)``.
    static func value(of text: String, at index: Int, in input: AnalyzedDockerfile) -> String? {
        if !text.contains("$") && !text.contains("\"") && !text.contains("'") && !text.contains(Character(Unicode.Scalar(input.dockerfile.syntax.escapeToken.rawValue))) {
            return text
        }
        let expansion = input.expand(text, at: index)
        guard expansion.error == nil else { return nil }
        for name in expansion.unmatched where !allReferencesSupplyValue(name, in: text) { return nil }
        return expansion.value
    }

    /// The words BuildKit makes of `text` at instruction `index` (variables expanded, then split
    /// on unquoted white space, as for `EXPOSE`), or nil when a value is unknown.
    static func words(of text: String, at index: Int, in input: AnalyzedDockerfile) -> [String]? {
        let expansion = input.expand(text, at: index)
        guard expansion.error == nil else { return nil }
        for name in expansion.unmatched where !allReferencesSupplyValue(name, in: text) { return nil }
        let lexer = ShellLexer(escapeToken: input.dockerfile.syntax.escapeToken)
        return try? lexer.processWords(text, environment: input.semantics.scope(at: index).environment)
    }

    /// Whether `text` is written literally: what BuildKit reads is exactly what is written,
    /// so an edit of the source changes the value in the same way.
    static func isLiteral(_ word: Word, in input: AnalyzedDockerfile) -> Bool {
        let escape = input.dockerfile.syntax.escapeToken.rawValue
        guard !word.range.isEmpty, input.source.text(word.range) == word.text else { return false }
        return !word.text.utf8.contains { $0 == UInt8(ascii: "$") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") || $0 == escape }
    }

    /// Whether every reference to `name` in `text` is braced with an operator that supplies a
    /// value when the variable is unset (`${NAME:-x}`, `${NAME-x}`, `${NAME:+x}`, `${NAME+x}`).
    private static func allReferencesSupplyValue(_ name: String, in text: String) -> Bool {
        let bytes = Array(text.utf8)
        let needle = Array(name.utf8)
        var found = false
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "$") else { index += 1; continue }
            let braced = index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "{")
            let start = index + (braced ? 2 : 1)
            let end = start + needle.count
            guard end <= bytes.count, Array(bytes[start..<end]) == needle,
                  end == bytes.count || !isNameByte(bytes[end]) else { index += 1; continue }
            found = true
            guard braced else { return false }
            var operatorIndex = end
            if operatorIndex < bytes.count && bytes[operatorIndex] == UInt8(ascii: ":") { operatorIndex += 1 }
            guard operatorIndex < bytes.count, bytes[operatorIndex] == UInt8(ascii: "-") || bytes[operatorIndex] == UInt8(ascii: "+") else { return false }
            index = end
        }
        return found
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F
    }
}
