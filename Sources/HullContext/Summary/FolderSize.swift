/// The size of one folder of the context: the regular files below it, at any depth.
public struct FolderSize: Hashable, Sendable, Codable {
    /// The folder.
    public var path: ContextPath
    /// Its depth: 1 for a top-level folder, 2 for one inside it.
    public var depth: Int
    /// The bytes of the regular files below it.
    public var bytes: Int64
    /// The number of regular files below it.
    public var files: Int

    /// Creates a folder size.
    public init(path: ContextPath, depth: Int, bytes: Int64, files: Int) {
        self.path = path
        self.depth = depth
        self.bytes = bytes
        self.files = files
    }
}
