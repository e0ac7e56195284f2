/// One script as ShellCheck reads it, with the map back to the script's own bytes.
///
/// The file handed to ShellCheck is the script with a prelude: a `# shellcheck shell=…`
/// directive naming the dialect (ShellCheck would otherwise guess and report SC2148), then one
/// `export NAME=1` line per variable the Dockerfile defines at that point, so that ShellCheck
/// does not report them as referenced but never assigned (SC2154). A script that starts with
/// its own `#!` line keeps it first, since ShellCheck wants the shebang on line 1 (SC1128),
/// and gets the declarations after it.
///
/// A carriage return before a line feed becomes a space: BuildKit strips CRLF line ends, so
/// ShellCheck's SC1017 would be noise, and a space keeps every column where it was.
///
/// ShellCheck's JSON1 positions are 1-based lines and columns counted in Unicode scalars, a
/// tab counting as one column (that is what distinguishes `json1` from `json`); `endColumn` is
/// exclusive. ``localRange(line:column:endLine:endColumn:)`` turns them back into a byte
/// range of the script, which `ShellSource.fileRange(_:)` then maps into the Dockerfile.
public struct ShellCheckInput: Sendable {
    /// The bytes of the file ShellCheck reads.
    public let contents: [UInt8]
    /// The dialect named in the directive or the shebang.
    public let dialect: ShellCheckDialect
    /// For each byte of `contents`, the offset of the same byte in the script, or -1 for the prelude.
    private let scriptOffsets: [Int]
    /// The offset in `contents` where each line starts.
    private let lineStarts: [Int]

    /// Prepares `script` for ShellCheck, or returns nil when it is not valid UTF-8 (ShellCheck
    /// could not read it, and columns could not be mapped back).
    ///
    /// - Parameters:
    ///   - script: the script's bytes, as the shell receives them.
    ///   - dialect: the shell that runs it (ignored in favour of the script's own shebang when
    ///     that names a dialect).
    ///   - predefined: names of variables that are set before the script runs; names that are
    ///     not shell identifiers are left out.
    public init?(script: [UInt8], dialect: ShellCheckDialect, predefined: [String]) {
        guard String(validating: script, as: UTF8.self) != nil else { return nil }
        var text = script
        for index in text.indices where text[index] == 0x0D && (index + 1 == text.count || text[index + 1] == 0x0A) {
            text[index] = 0x20
        }
        var shebangEnd = 0
        var effective = dialect
        if text.starts(with: [0x23, 0x21]) {
            shebangEnd = (text.firstIndex(of: 0x0A).map { $0 + 1 }) ?? text.count
            if let named = ShellCheckDialect(shebang: String(decoding: text[..<shebangEnd], as: UTF8.self)) { effective = named }
        }
        var prelude = shebangEnd == 0 ? "# shellcheck shell=\(effective.rawValue)\n" : ""
        if shebangEnd > 0, text[shebangEnd - 1] != 0x0A { prelude += "\n" }
        var seen: Set<String> = []
        for name in predefined where Self.isIdentifier(name) && seen.insert(name).inserted {
            prelude += "export \(name)=1\n"
        }
        let preludeBytes = Array(prelude.utf8)
        contents = Array(text[..<shebangEnd]) + preludeBytes + Array(text[shebangEnd...])
        scriptOffsets = Array(0..<shebangEnd) + Array(repeating: -1, count: preludeBytes.count) + Array(shebangEnd..<text.count)
        var starts = [0]
        for (index, byte) in contents.enumerated() where byte == 0x0A { starts.append(index + 1) }
        lineStarts = starts
        self.dialect = effective
    }

    /// The text ShellCheck reads.
    public var text: String { String(decoding: contents, as: UTF8.self) }

    /// The byte range of the script that a ShellCheck position range covers, or nil when it
    /// lies wholly in the prelude. Positions past the end of a line are clamped to it.
    public func localRange(line: Int, column: Int, endLine: Int, endColumn: Int) -> Range<Int>? {
        let start = offset(line: line, column: column)
        var end = offset(line: endLine, column: endColumn)
        if end < start { end = start }
        guard let low = (start..<max(start + 1, end)).first(where: { $0 < scriptOffsets.count && scriptOffsets[$0] >= 0 }).map({ scriptOffsets[$0] }) else {
            // An empty range at the very end of the file (ShellCheck's "unexpected end of file").
            if start >= contents.count, let last = scriptOffsets.last(where: { $0 >= 0 }) { return (last + 1)..<(last + 1) }
            return nil
        }
        if end <= start { return low..<low }
        let high = (start..<end).reversed().first { $0 < scriptOffsets.count && scriptOffsets[$0] >= 0 }.map { scriptOffsets[$0] + 1 } ?? low
        return low..<max(low, high)
    }

    /// The offset in `contents` of a 1-based line and scalar column.
    private func offset(line: Int, column: Int) -> Int {
        guard line >= 1 else { return 0 }
        guard line <= lineStarts.count else { return contents.count }
        var position = lineStarts[line - 1]
        var remaining = column - 1
        while remaining > 0, position < contents.count, contents[position] != 0x0A {
            position += Self.scalarLength(contents[position])
            remaining -= 1
        }
        return min(position, contents.count)
    }

    private static func scalarLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...: 4
        case 0xE0...: 3
        case 0xC0...: 2
        default: 1
        }
    }

    /// Whether `name` is a shell variable name.
    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }
}
