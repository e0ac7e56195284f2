/// The members of an outer tar file (a `docker save` or OCI archive), with their data offsets,
/// so each member can be streamed from its byte range without reading the others.
public final class TarIndex {
    /// The archive file.
    public let file: OpenFile
    /// Members by normalised path; a later duplicate replaces an earlier one, as extraction would.
    public private(set) var members: [String: TarEntry] = [:]
    /// Paths that appeared more than once.
    public private(set) var duplicates: [String] = []

    /// Reads every header of the (uncompressed) tar file at `path`, seeking over data.
    public init(path: String, limits: ArchiveLimits = ArchiveLimits()) throws {
        file = try OpenFile(path: path)
        let reader = TarReader(FileRangeSource(file: file), limits: limits, bufferSize: 4096)
        while let entry = try reader.next() {
            guard let normalised = TarPath.normalize(entry.name).path else { continue }
            if members[normalised] != nil { duplicates.append(normalised) }
            members[normalised] = entry
        }
    }

    /// The member at `path`, following symbolic and hard links inside the archive (at most 16 hops).
    public func member(_ path: String) -> TarEntry? {
        guard var current = TarPath.normalize(path).path else { return nil }
        for _ in 0..<16 {
            guard let entry = members[current] else { return nil }
            switch entry.kind {
            case .symbolicLink:
                guard let next = TarPath.resolveLink(at: current, target: entry.linkName) else { return nil }
                current = next
            case .hardLink:
                guard let next = TarPath.normalize(entry.linkName).path else { return nil }
                current = next
            default:
                return entry
            }
        }
        return nil
    }

    /// A source over a member's data.
    public func open(_ path: String) throws -> FileRangeSource {
        guard let entry = member(path), entry.kind == .regular, !entry.isSparse else { throw HullArchiveError.missingMember(path) }
        guard entry.dataOffset + entry.size <= file.size else {
            throw HullArchiveError.truncated(offset: file.size, what: "`\(path)`")
        }
        return FileRangeSource(file: file, offset: entry.dataOffset, length: entry.size)
    }
}
