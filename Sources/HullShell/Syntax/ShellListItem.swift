import HullCore

/// One and-or list in a ``ShellCommandList`` with the separator that ends it.
public struct ShellListItem: Sendable {
    /// What ends an item.
    public enum Separator: String, Sendable, Hashable {
        /// `;`
        case semicolon = ";"
        /// `&`: run in the background.
        case ampersand = "&"
        /// A newline.
        case newline = "\n"
    }

    /// The and-or list.
    public internal(set) var andOr: ShellAndOrList
    /// The separator after it, or nil at the end of the list.
    public let separator: Separator?
    /// The local range of the separator, when present.
    public let separatorRange: Range<Int>?

    init(andOr: ShellAndOrList, separator: Separator?, separatorRange: Range<Int>?) {
        self.andOr = andOr
        self.separator = separator
        self.separatorRange = separatorRange
    }

    /// Whether the item runs in the background (`&`).
    public var isBackground: Bool { separator == .ampersand }
}
