/// A human-facing position in a source file.
///
/// Lines and columns are 1-based. `utf8Column` counts bytes from the start of the line, as
/// compilers and editors that speak UTF-8 do; `utf16Column` counts UTF-16 code units, as
/// SARIF and the Language Server Protocol do. A byte-order mark at the start of the file is
/// not counted in either column.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The byte offset the location was made from.
    public var offset: Int
    /// The 1-based line number.
    public var line: Int
    /// The 1-based column in UTF-8 bytes.
    public var utf8Column: Int
    /// The 1-based column in UTF-16 code units.
    public var utf16Column: Int

    /// Creates a location.
    public init(offset: Int, line: Int, utf8Column: Int, utf16Column: Int) {
        self.offset = offset
        self.line = line
        self.utf8Column = utf8Column
        self.utf16Column = utf16Column
    }

    public var description: String { "\(line):\(utf8Column)" }
}
