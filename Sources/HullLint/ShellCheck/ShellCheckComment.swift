import HullCore

/// One finding in ShellCheck's `--format=json1` output.
///
/// Lines and columns are 1-based; columns count Unicode scalars with a tab as one column;
/// `endColumn` is exclusive.
public struct ShellCheckComment: Sendable, Hashable, Decodable {
    /// The file ShellCheck read, as named on its command line.
    public var file: String
    /// The first line.
    public var line: Int
    /// The last line.
    public var endLine: Int
    /// The first column.
    public var column: Int
    /// The column after the last.
    public var endColumn: Int
    /// `error`, `warning`, `info` or `style`.
    public var level: String
    /// The number after `SC`.
    public var code: Int
    /// ShellCheck's message.
    public var message: String

    /// Creates a finding.
    public init(file: String, line: Int, endLine: Int, column: Int, endColumn: Int, level: String, code: Int, message: String) {
        self.file = file
        self.line = line
        self.endLine = endLine
        self.column = column
        self.endColumn = endColumn
        self.level = level
        self.code = code
        self.message = message
    }

    /// The code as ShellCheck spells it, such as `SC2086`.
    public var identifier: String { Self.identifier(code) }

    /// Hull's severity for ShellCheck's level (unknown levels count as warnings).
    public var severity: Severity {
        switch level {
        case "error": .error
        case "info": .info
        case "style": .style
        default: .warning
        }
    }

    /// `SC` and the code padded to four digits.
    public static func identifier(_ code: Int) -> String {
        let digits = String(code)
        return "SC" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

/// The top level of ShellCheck's `json1` output.
struct ShellCheckOutput: Decodable {
    var comments: [ShellCheckComment]
}
