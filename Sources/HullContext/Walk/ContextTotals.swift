/// Counts and bytes of a set of context entries.
public struct ContextTotals: Hashable, Sendable, Codable {
    /// Regular files.
    public var files = 0
    /// Directories.
    public var directories = 0
    /// Symbolic links.
    public var symlinks = 0
    /// FIFOs, sockets and devices.
    public var special = 0
    /// The sum of the regular files' sizes.
    public var bytes: Int64 = 0
    /// ``bytes`` with each hard-linked file counted once.
    public var uniqueBytes: Int64 = 0

    /// Empty totals.
    public init() {}

    /// All entries.
    public var entries: Int { files + directories + symlinks + special }

    /// Adds other totals.
    public mutating func merge(_ other: ContextTotals) {
        files += other.files
        directories += other.directories
        symlinks += other.symlinks
        special += other.special
        bytes += other.bytes
        uniqueBytes += other.uniqueBytes
    }

    /// Adds one entry.
    public mutating func add(_ entry: ContextEntry) {
        switch entry.kind {
        case .file:
            files += 1
            bytes += entry.size
            if !entry.isHardLinkRepeat { uniqueBytes += entry.size }
        case .directory: directories += 1
        case .symlink: symlinks += 1
        default: special += 1
        }
    }
}
