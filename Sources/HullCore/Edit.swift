/// Replaces one byte range of a file with new text.
public struct Edit: Hashable, Sendable, Codable {
    /// The bytes replaced; empty for an insertion.
    public var range: TextRange
    /// The replacement text.
    public var replacement: String

    /// Creates an edit.
    public init(range: TextRange, replacement: String) {
        self.range = range
        self.replacement = replacement
    }

    /// Inserts `text` at `offset`.
    public static func insert(_ text: String, at offset: Int) -> Edit { Edit(range: .empty(at: offset), replacement: text) }
    /// Deletes `range`.
    public static func delete(_ range: TextRange) -> Edit { Edit(range: range, replacement: "") }
}

/// How safe a fix is to apply without a person reading it.
public enum Applicability: String, Sendable, Codable, CaseIterable, Comparable {
    /// Shown as advice; never applied.
    case displayOnly
    /// Changes behaviour in ways a person should review; applied only when asked.
    case unsafe
    /// Keeps the build's meaning; applied by default.
    case safe

    private var rank: Int {
        switch self {
        case .displayOnly: 0
        case .unsafe: 1
        case .safe: 2
        }
    }

    public static func < (lhs: Applicability, rhs: Applicability) -> Bool { lhs.rank < rhs.rank }
}

/// A titled set of edits that resolves one diagnostic.
public struct Fix: Hashable, Sendable, Codable {
    /// An imperative title, such as "Replace with a label".
    public var title: String
    /// The edits, which must not overlap.
    public var edits: [Edit]
    /// How safe the fix is.
    public var applicability: Applicability

    /// Creates a fix.
    public init(title: String, edits: [Edit], applicability: Applicability) {
        self.title = title
        self.edits = edits
        self.applicability = applicability
    }
}
