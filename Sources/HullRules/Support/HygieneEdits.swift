import HullCore
import HullShell

/// Edits on shell words, offered only where a word maps byte for byte into the Dockerfile.
enum HygieneEdits {
    /// Inserts `text` right after `word`.
    static func insert(_ text: String, after word: ShellWord) -> Edit? {
        guard word.source.isExact else { return nil }
        return .insert(text, at: word.fileRange.end)
    }

    /// Replaces `word` with `text`.
    static func replace(_ word: ShellWord, with text: String) -> Edit? {
        guard word.source.isExact else { return nil }
        return Edit(range: word.fileRange, replacement: text)
    }

    /// Deletes the words `first` through `last` (one option and its separate value, or a
    /// wrapper and its arguments) with the blanks that separate them from their neighbours,
    /// keeping line continuations and line endings.
    static func delete(from first: ShellWord, through last: ShellWord, in bytes: [UInt8]) -> Edit? {
        guard first.source.isExact, last.source.isExact else { return nil }
        var start = first.fileRange.start
        var end = last.fileRange.end
        guard start < end, end <= bytes.count else { return nil }
        func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        var after = end
        while after < bytes.count, isBlank(bytes[after]) { after += 1 }
        let atLineEnd = after >= bytes.count || [UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(bytes[after])
        if after > end, !atLineEnd {
            end = after
        } else {
            var before = start
            while before > 0, isBlank(bytes[before - 1]) { before -= 1 }
            guard before < start else { return nil }
            start = before
            // Alone on the instruction's last line: take the continuation before it too, or the
            // line above would continue into the next instruction.
            var lineBreak = before - 1
            if lineBreak >= 0, bytes[lineBreak] == UInt8(ascii: "\n") {
                if lineBreak > 0, bytes[lineBreak - 1] == UInt8(ascii: "\r") { lineBreak -= 1 }
                if lineBreak > 0, bytes[lineBreak - 1] == UInt8(ascii: "\\") {
                    var continuation = lineBreak - 1
                    while continuation > 0, isBlank(bytes[continuation - 1]) { continuation -= 1 }
                    start = continuation
                }
            }
        }
        return .delete(TextRange(start: start, end: end))
    }

    /// Deletes one option (with its value when that is a separate word), unless it shares its
    /// word with other options (`-qy`).
    static func delete(_ option: ParsedOption, in bytes: [UInt8]) -> Edit? {
        guard !option.isInCluster else { return nil }
        return delete(from: option.word, through: option.valueWord ?? option.word, in: bytes)
    }
}
