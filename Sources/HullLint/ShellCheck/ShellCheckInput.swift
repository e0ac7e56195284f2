/// One script as ShellCheck reads it, with the map back to the script's own bytes.
///
/// The file handed to ShellCheck is the script with a prelude: a `# shellcheck shell=…`
/// directive naming the dialect (ShellCheck would otherwise guess and report SC2148), then one
/// `export NAME=1` line per variable the Dockerfile defines at that point and the script can
/// refer to (see ``relevant(_:to:)``), so that ShellCheck does not report them as referenced
/// but never assigned (SC2154). A script that starts with
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
        for name in Self.relevant(predefined, to: text) where seen.insert(name).inserted {
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

    /// The names of `predefined` that can change what ShellCheck says about `script`: those that
    /// occur in its text, and those close enough to a `$name` it uses but that is not predefined
    /// for ShellCheck to suggest them ("did you mean", SC2153). A name that appears nowhere in the
    /// script is neither read nor assigned by it, and declaring it only costs time: ShellCheck's
    /// data-flow analysis grows with every declaration, and a Dockerfile's ARG and ENV names
    /// easily outnumber the lines of its scripts.
    static func relevant(_ predefined: [String], to script: [UInt8]) -> [String] {
        let names = predefined.filter(isIdentifier)
        guard !names.isEmpty else { return [] }
        let text = String(decoding: script, as: UTF8.self)
        let known = Set(names)
        let unknown = Set(references(in: script).filter { !known.contains($0) }.map { $0.lowercased() })
        return names.filter { name in
            text.contains(name) || unknown.contains { editDistance($0, name.lowercased()) <= 2 }
        }
    }

    /// The names a script reads as `$name` or `${name…}` (also `${#name}` and `${!name}`).
    static func references(in script: [UInt8]) -> [String] {
        func isStart(_ byte: UInt8) -> Bool { byte == 0x5F || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) }
        func isPart(_ byte: UInt8) -> Bool { isStart(byte) || (byte >= 0x30 && byte <= 0x39) }
        var found: [String] = []
        var index = 0
        while index < script.count {
            defer { index += 1 }
            guard script[index] == 0x24, index + 1 < script.count else { continue }
            var start = index + 1
            if script[start] == 0x7B {
                start += 1
                if start < script.count, script[start] == 0x23 || script[start] == 0x21 { start += 1 }
            }
            guard start < script.count, isStart(script[start]) else { continue }
            var end = start
            while end < script.count, isPart(script[end]) { end += 1 }
            found.append(String(decoding: script[start..<end], as: UTF8.self))
            index = end - 1
        }
        return found
    }

    /// The Damerau–Levenshtein (optimal string alignment) distance between two names.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.utf8), y = Array(b.utf8)
        if x.isEmpty || y.isEmpty { return max(x.count, y.count) }
        if abs(x.count - y.count) > 2 { return abs(x.count - y.count) }
        var previous2 = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { current[j] = min(current[j], previous2[j - 2] + 1) }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[y.count]
    }

    /// Whether `name` is a shell variable name.
    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }
}
