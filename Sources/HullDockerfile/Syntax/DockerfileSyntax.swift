import HullCore

/// A Dockerfile parsed exactly as BuildKit parses it, keeping every byte.
///
/// `segments` tile the file from the first byte to the last, so printing them back gives the
/// input unchanged; instructions, directives and comments carry exact byte ranges.
public struct DockerfileSyntax: Sendable {
    /// The input.
    public let source: SourceFile
    /// The escape token in force (`# escape=` directive or the default backslash).
    public let escapeToken: EscapeToken
    /// The parser directives of the leading comment block.
    public let directives: [ParserDirective]
    /// The instructions in file order.
    public let instructions: [InstructionSyntax]
    /// Comment lines outside instructions that are not directives.
    public let comments: [CommentSyntax]
    /// BuildKit's parser warnings.
    public let warnings: [ParseWarning]
    /// BuildKit's error when it rejects the file; instructions parsed around it are kept.
    public let error: ParseError?
    /// Consecutive pieces covering the whole file.
    public let segments: [SyntaxSegment]

    /// The file printed back from its segments: always the input, byte for byte.
    public func printed() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(source.bytes.count)
        for segment in segments { out.append(contentsOf: source.bytes[segment.range.start..<segment.range.end]) }
        return out
    }

    /// The value of a parser directive, if present.
    public func directive(_ name: String) -> ParserDirective? {
        directives.first { $0.name == name.lowercased() }
    }
}

/// One piece of the lossless tree.
public struct SyntaxSegment: Sendable, Hashable {
    /// What the piece is.
    public enum Kind: Sendable, Hashable {
        /// The UTF-8 byte-order mark at the start of the file.
        case byteOrderMark
        /// A parser directive line; the payload indexes `directives`.
        case directive(Int)
        /// A comment line; the payload indexes `comments`.
        case comment(Int)
        /// An empty or whitespace-only line.
        case blank
        /// The lines of one instruction; the payload indexes `instructions`.
        case instruction(Int)
        /// Bytes BuildKit stops reading at (after a line over its size limit).
        case unparsed
    }

    /// What the piece is.
    public var kind: Kind
    /// The bytes it covers, line endings included.
    public var range: TextRange
}
