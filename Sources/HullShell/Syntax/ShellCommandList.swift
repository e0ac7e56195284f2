import HullCore

/// A sequence of and-or lists separated by `;`, `&` or newlines: a whole script, or the body
/// of a subshell, group, substitution, branch or loop.
public struct ShellCommandList: Sendable {
    /// The items in order.
    public internal(set) var items: [ShellListItem]
    /// The local range from the first item to the last separator.
    public let range: Range<Int>
    /// The file range.
    public let fileRange: TextRange

    init(items: [ShellListItem], range: Range<Int>, source: ShellSource) {
        self.items = items
        self.range = range
        self.fileRange = source.fileRange(range)
    }

    /// Whether the list holds no commands.
    public var isEmpty: Bool { items.isEmpty }
}
