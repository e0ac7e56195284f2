/// One entry of a build context as BuildKit's walker sees it (never following symlinks).
public struct ContextEntry: Hashable, Sendable, Codable {
    /// The kind of an entry, from `lstat`.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// A regular file.
        case file
        /// A directory.
        case directory
        /// A symbolic link, sent as a link and never followed.
        case symlink
        /// A named pipe; never opened.
        case fifo
        /// A Unix socket; never opened.
        case socket
        /// A character device; never opened.
        case characterDevice
        /// A block device; never opened.
        case blockDevice
        /// Anything else.
        case unknown

        /// Whether the entry is a FIFO, socket, device or unknown: something Hull never opens.
        public var isSpecial: Bool {
            switch self {
            case .file, .directory, .symlink: false
            default: true
            }
        }
    }

    /// The context-relative path.
    public var path: ContextPath
    /// The kind.
    public var kind: Kind
    /// The `lstat` size in bytes (0 for directories; the target length for symlinks).
    public var size: Int64
    /// Whether an earlier entry is a hard link to the same file (its bytes are counted once).
    public var isHardLinkRepeat: Bool

    /// Creates an entry.
    public init(path: ContextPath, kind: Kind, size: Int64, isHardLinkRepeat: Bool = false) {
        self.path = path
        self.kind = kind
        self.size = size
        self.isHardLinkRepeat = isHardLinkRepeat
    }

    /// The path as the conformance data writes it: directories end with `/`.
    public var listing: String { kind == .directory ? "\(path)/" : path.description }
}
