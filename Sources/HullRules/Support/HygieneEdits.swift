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
            // Alone on a line that only continues the instruction (`    --nodigest \`): the whole
            // line goes, rather than leaving one with nothing but the escape character.
            if let line = wholeContinuedLine(from: start, escapeAt: after, in: bytes) { return .delete(line) }
        } else {
            var before = start
            while before > 0, isBlank(bytes[before - 1]) { before -= 1 }
            guard before < start else { return nil }
            start = before
            // Alone on the instruction's last line: take the continuation before it too, or the
            // line above would continue into the next instruction. Lines between that hold only
            // the escape character or blanks (left by earlier deletions) go with it, since the
            // line they continue into would otherwise be empty; a comment line there is kept and
            // the option left in place.
            guard let continuation = continuationStart(before: before, in: bytes) else { return nil }
            start = continuation
        }
        return .delete(TextRange(start: start, end: end))
    }

    /// The line holding the text from `start` to the escape character at `escape`, through its
    /// line ending, when nothing but blanks stands before `start` on it and nothing but blanks
    /// follows the escape character.
    private static func wholeContinuedLine(from start: Int, escapeAt escape: Int, in bytes: [UInt8]) -> TextRange? {
        guard escape < bytes.count, bytes[escape] == UInt8(ascii: "\\") || bytes[escape] == UInt8(ascii: "`") else { return nil }
        var lineBegin = start
        while lineBegin > 0, bytes[lineBegin - 1] == UInt8(ascii: " ") || bytes[lineBegin - 1] == UInt8(ascii: "\t") { lineBegin -= 1 }
        guard lineBegin > 0, bytes[lineBegin - 1] == UInt8(ascii: "\n") else { return nil }
        var lineEnd = escape + 1
        while lineEnd < bytes.count, bytes[lineEnd] == UInt8(ascii: " ") || bytes[lineEnd] == UInt8(ascii: "\t") { lineEnd += 1 }
        if lineEnd < bytes.count, bytes[lineEnd] == UInt8(ascii: "\r") { lineEnd += 1 }
        guard lineEnd < bytes.count, bytes[lineEnd] == UInt8(ascii: "\n") else { return nil }
        return TextRange(start: lineBegin, end: lineEnd + 1)
    }

    /// Where to start deleting so that the content line before `lineStart` ends the
    /// instruction: the blanks and escape character ending the nearest line before it with
    /// other content, and every line in between holding nothing else; `lineStart` itself
    /// when the line above does not continue; nil when a comment line is in the way.
    private static func continuationStart(before lineStart: Int, in bytes: [UInt8]) -> Int? {
        func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        func isEscape(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "`") }
        var start = lineStart
        while start > 0, bytes[start - 1] == UInt8(ascii: "\n") {
            // The line above: [lineBegin, lineEnd) without its line ending.
            var lineEnd = start - 1
            if lineEnd > 0, bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
            var lineBegin = lineEnd
            while lineBegin > 0, bytes[lineBegin - 1] != UInt8(ascii: "\n") { lineBegin -= 1 }
            var last = lineEnd
            while last > lineBegin, isBlank(bytes[last - 1]) { last -= 1 }
            var first = lineBegin
            while first < last, isBlank(bytes[first]) { first += 1 }
            if first < last, bytes[first] == UInt8(ascii: "#") { return nil }
            if first == last {
                // An empty line inside the continuation: it goes with the rest.
                start = lineBegin
                continue
            }
            guard isEscape(bytes[last - 1]) else { return start == lineStart ? start : nil }
            var escape = last - 1
            while escape > lineBegin, isBlank(bytes[escape - 1]) { escape -= 1 }
            if escape > lineBegin { return escape }
            // Only the escape character on that line: drop the whole line and look further up.
            start = lineBegin
        }
        return start == lineStart ? start : nil
    }

    /// Deletes one option (with its value when that is a separate word), unless it shares its
    /// word with other options (`-qy`).
    static func delete(_ option: ParsedOption, in bytes: [UInt8]) -> Edit? {
        guard !option.isInCluster else { return nil }
        return delete(from: option.word, through: option.valueWord ?? option.word, in: bytes)
    }
}
