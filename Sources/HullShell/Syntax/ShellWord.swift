import HullCore

/// One shell word: a command name, an argument, an assignment value or a redirection target.
///
/// A word is a run of parts with no unquoted blank between them: `"$HOME"/bin`, `'-y'`,
/// `--chown=${UID}`. ``literal`` gives its value after quote removal when nothing in it
/// depends on run time.
public struct ShellWord: Sendable {
    /// The word's bytes, local to ``source``.
    public let range: Range<Int>
    /// The word's range in the Dockerfile.
    public let fileRange: TextRange
    /// The pieces the word is made of, in order.
    public internal(set) var parts: [WordPart]
    /// The source the word's local ranges refer to.
    public let source: ShellSource

    init(range: Range<Int>, parts: [WordPart], source: ShellSource) {
        self.range = range
        self.fileRange = source.fileRange(range)
        self.parts = parts
        self.source = source
    }

    /// The word exactly as written, quotes and escapes included.
    public var raw: String { source.text(range) }

    /// The word's value after quote removal when it is fully static, such as `apt-get` for
    /// `"apt-get"`, `-y` for `'-y'`; nil when it contains a parameter expansion, a command or
    /// process substitution, or an arithmetic expansion.
    ///
    /// Unquoted pattern characters and tilde prefixes count as static and are kept as written
    /// (`/var/lib/apt/lists/*`, `~/.cache`); ``hasUnquotedGlob`` and ``hasTilde`` report them.
    /// Brace expansion (`{a,b}`) is not performed.
    public var literal: String? {
        var result = ""
        for part in parts {
            guard let value = part.value else { return nil }
            result += value
        }
        return result
    }

    /// The static text at the start of the word, up to its first expansion (the whole value
    /// when the word is static). `--prefix=` for `--prefix=$HOME`.
    public var staticPrefix: String {
        var result = ""
        for part in parts {
            guard let value = part.value else {
                if case .doubleQuoted(let inner) = part.kind {
                    for piece in inner {
                        guard let value = piece.value else { return result }
                        result += value
                    }
                }
                return result
            }
            result += value
        }
        return result
    }

    /// Whether any part is quoted or the word contains a backslash escape.
    public var isQuoted: Bool {
        parts.contains { part in
            if part.isQuoted { return true }
            if case .literal = part.kind, part.valueOffsets != nil { return true }
            return false
        }
    }

    /// Whether the word contains anything expanded at run time (see ``literal``).
    public var isDynamic: Bool { literal == nil }

    /// Whether the word contains an unquoted `*`, `?` or bracket expression.
    public var hasUnquotedGlob: Bool {
        parts.contains { if case .glob = $0.kind { true } else { false } }
    }

    /// Whether the word starts with an unquoted tilde prefix.
    public var hasTilde: Bool {
        parts.contains { if case .tilde = $0.kind { true } else { false } }
    }

    /// The command lists of every command and process substitution in the word.
    public var substitutionBodies: [ShellCommandList] { parts.flatMap(\.substitutionBodies) }

    /// The local range of a slice of ``literal`` (or of ``staticPrefix``), given as UTF-8 byte
    /// offsets into that value.
    ///
    /// For a word written without escapes the result covers exactly the bytes that spell the
    /// slice (`-y` inside `-qy` maps to the `y`; `curl` inside `'curl=7.*'` maps inside the
    /// quotes). When a byte of the slice came from an escape sequence that cannot be traced, the
    /// whole word's range is returned.
    public func localRange(ofValueBytes slice: Range<Int>) -> Range<Int> {
        if slice.isEmpty {
            if let offset = sourceOffset(ofValueByte: slice.lowerBound) { return offset..<offset }
            if slice.lowerBound > 0, let previous = sourceOffset(ofValueByte: slice.lowerBound - 1) {
                return (previous + 1)..<(previous + 1)
            }
            return range
        }
        guard let first = sourceOffset(ofValueByte: slice.lowerBound),
              let last = sourceOffset(ofValueByte: slice.upperBound - 1), first <= last
        else { return range }
        return first..<(last + 1)
    }

    /// The file range of a slice of ``literal``; see ``localRange(ofValueBytes:)``.
    public func fileRange(ofValueBytes slice: Range<Int>) -> TextRange {
        source.fileRange(localRange(ofValueBytes: slice))
    }

    /// The local offset of byte `index` of the word's static value.
    func sourceOffset(ofValueByte index: Int) -> Int? {
        var remaining = index
        for part in flattenedStaticParts() {
            guard let value = part.value else { return nil }
            let length = value.utf8.count
            if remaining < length { return part.sourceOffset(ofValueByte: remaining) }
            remaining -= length
        }
        return nil
    }

    /// The static parts in order, with double-quoted strings opened up.
    private func flattenedStaticParts() -> [WordPart] {
        var result: [WordPart] = []
        for part in parts {
            if case .doubleQuoted(let inner) = part.kind {
                result.append(contentsOf: inner)
            } else {
                result.append(part)
            }
        }
        return result
    }
}

// MARK: - CustomStringConvertible

extension ShellWord: CustomStringConvertible {
    /// The word as written.
    public var description: String { raw }
}
