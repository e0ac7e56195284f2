import Foundation
import HullArchive

/// Where an image's files live: a folder, or the members of an outer tar.
public protocol BlobStore: AnyObject {
    /// Whether `path` (relative, `/`-separated) exists.
    func exists(_ path: String) -> Bool
    /// A stream over a file's bytes and its size.
    func open(_ path: String) throws -> (source: ByteSource, size: Int64)
}

extension BlobStore {
    /// A small file read whole (manifests, configs), refusing more than `limit` bytes.
    public func data(_ path: String, limit: Int = 32 << 20) throws -> [UInt8] {
        let (source, size) = try open(path)
        guard size <= Int64(limit) else { throw HullArchiveError.limitExceeded(what: "`\(path)` (\(size) bytes)", limit: Int64(limit)) }
        return try source.readAll(limit: limit)
    }
}

/// Files in a folder (an OCI layout, or an unpacked `docker save`).
public final class DirectoryStore: BlobStore {
    /// The folder.
    public let root: String

    /// A store over `root`.
    public init(root: String) { self.root = root }

    private func resolve(_ path: String) -> String? {
        guard let clean = TarPath.normalize(path).path else { return nil }
        return (root as NSString).appendingPathComponent(clean)
    }

    public func exists(_ path: String) -> Bool {
        guard let full = resolve(path) else { return false }
        return FileManager.default.fileExists(atPath: full)
    }

    public func open(_ path: String) throws -> (source: ByteSource, size: Int64) {
        guard let full = resolve(path) else { throw HullArchiveError.missingMember(path) }
        do {
            let file = try OpenFile(path: full)
            return (FileRangeSource(file: file), file.size)
        } catch HullArchiveError.unreadable(_, let reason) where !FileManager.default.fileExists(atPath: full) {
            _ = reason
            throw HullArchiveError.missingMember(path)
        }
    }
}

/// Members of an uncompressed tar file, streamed from their byte ranges.
public final class TarStore: BlobStore {
    /// The index of the outer archive.
    public let index: TarIndex

    /// Indexes the tar file at `path`.
    public init(path: String, limits: ArchiveLimits = ArchiveLimits()) throws {
        index = try TarIndex(path: path, limits: limits)
    }

    public func exists(_ path: String) -> Bool { index.member(path) != nil }

    public func open(_ path: String) throws -> (source: ByteSource, size: Int64) {
        let source = try index.open(path)
        return (source, source.end - source.position)
    }
}
