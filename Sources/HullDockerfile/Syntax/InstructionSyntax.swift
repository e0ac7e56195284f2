import HullCore

/// One instruction exactly as written: keyword, flags, arguments and heredocs, each with its
/// byte range, plus the values BuildKit's parser derives from them.
public struct InstructionSyntax: Sendable, Hashable {
    /// The keyword as written (case kept), e.g. `run`.
    public var keyword: String
    /// Where the keyword is.
    public var keywordRange: TextRange
    /// The instruction the keyword names.
    public var kind: InstructionKind
    /// Builder flags before the arguments (`--from=build`).
    public var flags: [FlagSyntax]
    /// BuildKit's argument nodes (for ENV and LABEL: key, value and separator per pair).
    public var arguments: [ArgumentSyntax]
    /// Whether the arguments were written as a JSON array (exec form).
    public var isJSON: Bool
    /// Heredocs attached to this instruction (for ONBUILD, those of the wrapped instruction).
    public var heredocs: [HeredocSyntax]
    /// The joined line this instruction was parsed from.
    public var line: LogicalLine
    /// The part of `line` this instruction was parsed from (all of it, except for an
    /// ONBUILD's inner instruction).
    public var textRange: Range<Int>
    /// The part of `line` after the keyword and flags, trimmed (`Range` into `line.bytes`).
    public var restRange: Range<Int>
    /// From the keyword to the end of the last argument or heredoc terminator.
    public var range: TextRange
    /// Whole physical lines, from the first line's start through the last line's newline.
    public var linesRange: TextRange
    /// The 1-based physical line of the keyword (0 for an ONBUILD's inner instruction).
    public var startLine: Int
    /// The 1-based physical line of the last line (heredoc terminators included).
    public var endLine: Int
    /// The comment lines directly above, without their `#`.
    public var previousComments: [String]
    /// Comment lines inside the continuation, which BuildKit drops.
    public var innerComments: [TextRange]
    /// Whitespace-only lines inside the continuation (BuildKit warns about them).
    public var emptyContinuationLines: [TextRange]
    /// The instruction an ONBUILD wraps, stored as zero or one element.
    public var wrapped: [InstructionSyntax]

    /// The instruction wrapped by ONBUILD, if any.
    public var onbuildInstruction: InstructionSyntax? { wrapped.first }

    /// BuildKit's `Original`: the joined line.
    public var original: String { line.text(textRange) }

    /// The text after the keyword and flags (for RUN/CMD/ENTRYPOINT in shell form, the shell script).
    public var rest: String { line.text(restRange) }

    /// The file range of the text after the keyword and flags.
    public var restFileRange: TextRange { line.fileRange(restRange) }

    /// The value of the first flag named `name` (without dashes); `""` for a bare flag.
    public func flag(_ name: String) -> FlagSyntax? { flags.first { $0.name == name } }
}

/// A builder flag such as `--mount=type=cache,target=/root/.cache`.
public struct FlagSyntax: Sendable, Hashable {
    /// The flag as BuildKit collects it: quotes removed, escapes applied (`--from=build`).
    public var text: String
    /// The name, without the leading dashes (`from`).
    public var name: String
    /// The value after the first `=`, or nil for a bare flag (`--link`).
    public var value: String?
    /// Where the flag is written.
    public var range: TextRange
}

/// One of BuildKit's argument nodes.
public struct ArgumentSyntax: Sendable, Hashable {
    /// The node's value as BuildKit holds it.
    public var value: String
    /// Where it is written; nil for nodes BuildKit synthesises (the `""` separator of a
    /// legacy `ENV key value`).
    public var range: TextRange?
}

/// A heredoc attached to an instruction (`RUN <<EOF … EOF`).
public struct HeredocSyntax: Sendable, Hashable {
    /// The delimiter, quotes removed.
    public var name: String
    /// The file descriptor prefix (`3<<EOF`), 0 when absent.
    public var fileDescriptor: UInt
    /// False when any part of the delimiter is quoted: then variables in the body are not expanded.
    public var expand: Bool
    /// Whether the `<<-` form was used: leading tabs are removed from the body.
    public var chomp: Bool
    /// The body exactly as written, every line with its line ending.
    public var content: String
    /// Where the `<<EOF` word is on the instruction line, when found.
    public var markerRange: TextRange?
    /// Where the body is.
    public var bodyRange: TextRange
    /// Where the terminator line's text is.
    public var terminatorRange: TextRange
}

/// A comment line that is not a parser directive.
public struct CommentSyntax: Sendable, Hashable {
    /// The text after `#`, trimmed.
    public var text: String
    /// The comment line's text, from `#` to the end of the line.
    public var range: TextRange
    /// The 1-based line.
    public var line: Int
}

/// A parser directive in the leading comment block (`# syntax=…`, `# escape=…`, `# check=…`).
public struct ParserDirective: Sendable, Hashable {
    /// The lower-cased name.
    public var name: String
    /// The value, trimmed.
    public var value: String
    /// The whole directive line's text.
    public var range: TextRange
    /// Where the value is written.
    public var valueRange: TextRange
    /// The 1-based line.
    public var line: Int
}

/// A warning BuildKit's parser gives (empty continuation lines).
public struct ParseWarning: Sendable, Hashable {
    /// BuildKit's message.
    public var message: String
    /// Where it applies.
    public var range: TextRange
    /// BuildKit's line number for it.
    public var line: Int
}

/// Why BuildKit rejects a file, with BuildKit's message and where.
public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// BuildKit's message, e.g. `ENV must have two arguments`.
    public var message: String
    /// The bytes at fault (the instruction's lines, a directive line, or an empty range at the end).
    public var range: TextRange
    /// The first 1-based line involved.
    public var startLine: Int
    /// The last 1-based line involved.
    public var endLine: Int

    public var description: String { message }
}
