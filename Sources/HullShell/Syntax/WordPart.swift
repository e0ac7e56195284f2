import HullCore

/// One piece of a ``ShellWord``: literal text, a quoted string, or an expansion.
public struct WordPart: Sendable {
    /// What the piece is.
    public indirect enum Kind: Sendable {
        /// Unquoted static text, after backslash-escape removal (`apt-get`, `a\ b`).
        case literal
        /// Text in single quotes (`'…'`).
        case singleQuoted
        /// Text in double quotes (`"…"`, or bash's `$"…"`), made of literal and expansion parts.
        case doubleQuoted([WordPart])
        /// Bash's ANSI-C quoting (`$'…'`); the value has its escapes decoded.
        case ansiCQuoted
        /// A parameter expansion (`$HOME`, `${VERSION:-1.0}`).
        case parameter(ParameterExpansion)
        /// A command substitution (`$(…)` or `` `…` ``) with its parsed body.
        case commandSubstitution(ShellCommandList, backquoted: Bool)
        /// A process substitution (`<(…)` or `>(…)`) with its parsed body.
        case processSubstitution(ShellCommandList, isInput: Bool)
        /// An arithmetic expansion (`$((…))`); the expression is kept as text, unparsed.
        case arithmetic(String)
        /// An unquoted pattern character or bracket expression (`*`, `?`, `[a-z]`).
        case glob
        /// An unquoted tilde prefix (`~` or `~user`).
        case tilde
    }

    /// What the piece is.
    public internal(set) var kind: Kind
    /// The piece's bytes, local to the script's ``ShellSource``, quotes included.
    public let range: Range<Int>
    /// The file range of the piece.
    public let fileRange: TextRange
    /// The static text for literal, quoted, glob and tilde pieces (quotes removed, escapes
    /// resolved); nil for expansions and for double-quoted strings that contain one.
    public let value: String?
    /// For static pieces whose value does not match the source byte for byte (escapes were
    /// removed), the local offset of each value byte; nil when the value is a contiguous slice.
    let valueOffsets: [Int]?
    /// The local offset of the first value byte when ``valueOffsets`` is nil.
    let valueStart: Int

    init(kind: Kind, range: Range<Int>, fileRange: TextRange, value: String?, valueStart: Int, valueOffsets: [Int]? = nil) {
        self.kind = kind
        self.range = range
        self.fileRange = fileRange
        self.value = value
        self.valueStart = valueStart
        self.valueOffsets = valueOffsets
    }

    /// Whether the piece is quoted (single, double or ANSI-C quotes).
    public var isQuoted: Bool {
        switch kind {
        case .singleQuoted, .doubleQuoted, .ansiCQuoted: true
        default: false
        }
    }

    /// Whether the piece is, or contains, an expansion whose value is only known at run time.
    public var isExpansion: Bool { value == nil }

    /// The local source offset of byte `index` of ``value``, or nil when the value is not
    /// traceable byte by byte (ANSI-C escapes).
    func sourceOffset(ofValueByte index: Int) -> Int? {
        if let valueOffsets { return index < valueOffsets.count ? valueOffsets[index] : nil }
        if case .ansiCQuoted = kind { return nil }
        // Invalid UTF-8 decodes to longer replacement characters; stay inside the piece.
        return Swift.min(valueStart + index, Swift.max(range.lowerBound, range.upperBound - 1))
    }
}

// MARK: - Nested bodies

extension WordPart {
    /// The command lists of the substitutions inside this piece, outermost first.
    public var substitutionBodies: [ShellCommandList] {
        switch kind {
        case .commandSubstitution(let body, _), .processSubstitution(let body, _): return [body]
        case .doubleQuoted(let parts): return parts.flatMap(\.substitutionBodies)
        case .parameter(let expansion): return expansion.argument.flatMap(\.substitutionBodies)
        default: return []
        }
    }
}
