/// Why an archive or a compressed stream could not be read.
public enum HullArchiveError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A file could not be opened or read.
    case unreadable(path: String, reason: String)
    /// The stream ended in the middle of a header or an entry's data.
    case truncated(offset: Int64, what: String)
    /// A header block is not a tar header (bad checksum or magic).
    case invalidHeader(offset: Int64, reason: String)
    /// A header field holds a value that is out of range (negative or huge size, bad number).
    case invalidField(offset: Int64, field: String, value: String)
    /// A limit was reached: decompression ratio or total, header size, entry count.
    case limitExceeded(what: String, limit: Int64)
    /// The compressed data is corrupt.
    case corrupt(format: String, reason: String)
    /// A member is missing from an outer archive or folder.
    case missingMember(String)

    /// A sentence that says what happened and where.
    public var description: String {
        switch self {
        case let .unreadable(path, reason): "cannot read \(path): \(reason)"
        case let .truncated(offset, what): "the archive is truncated: it ends at byte \(offset) inside \(what)"
        case let .invalidHeader(offset, reason): "not a tar header at byte \(offset): \(reason)"
        case let .invalidField(offset, field, value): "the tar header at byte \(offset) has an invalid \(field) `\(value)`"
        case let .limitExceeded(what, limit): "\(what) exceeds the limit of \(limit); the input looks hostile (a decompression bomb or an oversized header)"
        case let .corrupt(format, reason): "the \(format) data is corrupt: \(reason)"
        case let .missingMember(name): "`\(name)` is not in the archive"
        }
    }
}
