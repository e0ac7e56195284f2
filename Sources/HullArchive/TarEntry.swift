/// One member of a tar stream, with what PAX and GNU extension headers said about it.
public struct TarEntry: Hashable, Sendable {
    /// The kind of member, from the type flag.
    public enum Kind: Hashable, Sendable, Codable {
        case regular, hardLink, symbolicLink, characterDevice, blockDevice, directory, fifo
        /// A type flag Hull does not interpret (GNU volume headers, vendor types).
        case other(UInt8)
    }

    /// The member's name as stored (after PAX `path` / GNU long name), not yet normalised.
    public var name: String
    /// The link target of a hard or symbolic link.
    public var linkName: String
    /// The member's kind.
    public var kind: Kind
    /// The bytes of data that follow the header in the stream.
    public var size: Int64
    /// The file's size for readers: the data size, or a sparse file's real size.
    public var fileSize: Int64
    /// Permission and mode bits (setuid 0o4000, setgid 0o2000, sticky 0o1000, rwx).
    public var mode: UInt32
    /// Owner and group IDs.
    public var uid: Int64
    public var gid: Int64
    /// Modification time, seconds since 1970.
    public var modificationTime: Int64
    /// True for GNU sparse members: their data is a sparse map plus chunks and is not read as content.
    public var isSparse: Bool
    /// The offset of the member's first header (extension headers included) in the stream.
    public var headerOffset: Int64
    /// The offset of the member's data in the stream.
    public var dataOffset: Int64

    /// True for setuid or setgid regular files.
    public var isSetID: Bool { kind == .regular && mode & 0o6000 != 0 }
}
