/// What one category contributes to a context.
public struct CategorySummary: Hashable, Sendable, Codable {
    /// The category.
    public var category: ContextCategory
    /// Entries of any kind in it.
    public var entries: Int
    /// Regular files in it.
    public var files: Int
    /// Their bytes.
    public var bytes: Int64
    /// The largest places the category starts, by bytes: folders (`node_modules`,
    /// `packages/a/node_modules`) or, for categories decided by file name, files.
    public var largestRoots: [FolderSize]

    /// Creates a summary.
    public init(category: ContextCategory, entries: Int, files: Int, bytes: Int64, largestRoots: [FolderSize]) {
        self.category = category
        self.entries = entries
        self.files = files
        self.bytes = bytes
        self.largestRoots = largestRoots
    }
}
