import CZlib
import Foundation

/// An error reading a ZIP archive: truncated, corrupt, or beyond the reader's bounds.
public struct ZipError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// A read-only ZIP archive (PKWARE APPNOTE 6.3.x) on disk: the central directory is read once,
/// entries are extracted on demand.
///
/// Supports stored and deflated entries and ZIP64 sizes and offsets. Every extraction is
/// bounded (a size limit and a compression-ratio limit against zip bombs) and checked
/// against the entry's CRC-32, so a truncated or corrupt archive fails with an error naming
/// the archive and the entry rather than yielding partial data.
public final class ZipArchive {
    /// One central-directory entry.
    public struct Entry: Hashable, Sendable {
        /// The path inside the archive.
        public var path: String
        /// 0 stored, 8 deflated.
        public var method: UInt16
        public var crc32: UInt32
        public var compressedSize: UInt64
        public var uncompressedSize: UInt64
        var localHeaderOffset: UInt64
        var flags: UInt16

        /// Whether the entry names a directory.
        public var isDirectory: Bool { path.hasSuffix("/") }
    }

    /// Limits applied while extracting.
    public struct Limits: Sendable {
        /// Largest uncompressed entry accepted.
        public var maximumEntrySize: UInt64
        /// Largest ratio of uncompressed to compressed size accepted (for entries over 1 MiB).
        public var maximumRatio: UInt64
        /// Most entries accepted in the central directory.
        public var maximumEntries: Int

        public init(maximumEntrySize: UInt64 = 64 << 20, maximumRatio: UInt64 = 200, maximumEntries: Int = 5_000_000) {
            self.maximumEntrySize = maximumEntrySize
            self.maximumRatio = maximumRatio
            self.maximumEntries = maximumEntries
        }
    }

    /// The archive's path, for messages.
    public let path: String
    /// Entries in central-directory order.
    public let entries: [Entry]
    public let limits: Limits
    private let handle: FileHandle
    private let fileSize: UInt64

    /// Opens `path` and reads its central directory.
    public init(path: String, limits: Limits = Limits()) throws {
        self.path = path
        self.limits = limits
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ZipError("cannot open \(path): the file does not exist or is not readable")
        }
        self.handle = handle
        do {
            fileSize = try handle.seekToEnd()
            entries = try Self.readCentralDirectory(handle: handle, fileSize: fileSize, path: path, limits: limits)
        } catch {
            try? handle.close()
            throw error
        }
    }

    deinit { try? handle.close() }

    private static func read(_ handle: FileHandle, at offset: UInt64, count: Int, path: String, what: String) throws -> [UInt8] {
        try handle.seek(toOffset: offset)
        let data = try handle.read(upToCount: count) ?? Data()
        guard data.count == count else {
            throw ZipError("\(path) is truncated: \(what) at offset \(offset) needs \(count) bytes but only \(data.count) remain")
        }
        return [UInt8](data)
    }

    private static func readCentralDirectory(handle: FileHandle, fileSize: UInt64, path: String, limits: Limits) throws -> [Entry] {
        guard fileSize >= 22 else { throw ZipError("\(path) is not a ZIP archive (only \(fileSize) bytes; it may be truncated)") }
        let tailSize = Int(min(fileSize, 22 + 65_535))
        let tail = try read(handle, at: fileSize - UInt64(tailSize), count: tailSize, path: path, what: "the end of the archive")
        var eocd: Int?
        var index = tail.count - 22
        while index >= 0 {
            if tail.u32(index) == 0x0605_4B50 { eocd = index; break }
            index -= 1
        }
        guard let eocd else {
            throw ZipError("\(path) is not a ZIP archive or is truncated: no end-of-central-directory record")
        }
        var entryCount = UInt64(tail.u16(eocd + 10))
        var directorySize = UInt64(tail.u32(eocd + 12))
        var directoryOffset = UInt64(tail.u32(eocd + 16))
        if entryCount == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            // ZIP64: the locator sits just before the end record.
            guard eocd >= 20, tail.u32(eocd - 20) == 0x0706_4B50 else {
                throw ZipError("\(path) needs a ZIP64 end record but has no ZIP64 locator")
            }
            let recordOffset = tail.u64(eocd - 20 + 8)
            guard recordOffset + 56 <= fileSize else { throw ZipError("\(path) is truncated: the ZIP64 end record lies past the end of the file") }
            let record = try read(handle, at: recordOffset, count: 56, path: path, what: "the ZIP64 end record")
            guard record.u32(0) == 0x0606_4B50 else { throw ZipError("\(path) is corrupt: bad ZIP64 end record signature") }
            entryCount = record.u64(32)
            directorySize = record.u64(40)
            directoryOffset = record.u64(48)
        }
        guard entryCount <= UInt64(limits.maximumEntries) else {
            throw ZipError("\(path) lists \(entryCount) entries, more than the limit of \(limits.maximumEntries)")
        }
        guard directoryOffset + directorySize <= fileSize, directorySize <= 1 << 31 else {
            throw ZipError("\(path) is truncated or corrupt: its central directory (offset \(directoryOffset), \(directorySize) bytes) lies past the end of the file (\(fileSize) bytes)")
        }
        let directory = try read(handle, at: directoryOffset, count: Int(directorySize), path: path, what: "the central directory")
        var entries: [Entry] = []
        entries.reserveCapacity(Int(entryCount))
        var offset = 0
        for number in 0..<entryCount {
            guard offset + 46 <= directory.count, directory.u32(offset) == 0x0201_4B50 else {
                throw ZipError("\(path) is corrupt: central directory entry \(number + 1) of \(entryCount) is damaged")
            }
            let flags = directory.u16(offset + 8)
            let method = directory.u16(offset + 10)
            let crc = directory.u32(offset + 16)
            var compressed = UInt64(directory.u32(offset + 20))
            var uncompressed = UInt64(directory.u32(offset + 24))
            let nameLength = Int(directory.u16(offset + 28))
            let extraLength = Int(directory.u16(offset + 30))
            let commentLength = Int(directory.u16(offset + 32))
            var localOffset = UInt64(directory.u32(offset + 42))
            let end = offset + 46 + nameLength + extraLength + commentLength
            guard end <= directory.count else {
                throw ZipError("\(path) is corrupt: central directory entry \(number + 1) runs past the directory")
            }
            let name = String(decoding: directory[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self)
            // ZIP64 extended information replaces the saturated 32-bit fields, in order.
            var extra = offset + 46 + nameLength
            let extraEnd = extra + extraLength
            while extra + 4 <= extraEnd {
                let tag = directory.u16(extra), size = Int(directory.u16(extra + 2))
                var field = extra + 4
                if tag == 0x0001 {
                    if uncompressed == 0xFFFF_FFFF, field + 8 <= extra + 4 + size { uncompressed = directory.u64(field); field += 8 }
                    if compressed == 0xFFFF_FFFF, field + 8 <= extra + 4 + size { compressed = directory.u64(field); field += 8 }
                    if localOffset == 0xFFFF_FFFF, field + 8 <= extra + 4 + size { localOffset = directory.u64(field) }
                }
                extra += 4 + size
            }
            entries.append(Entry(path: name, method: method, crc32: crc, compressedSize: compressed, uncompressedSize: uncompressed, localHeaderOffset: localOffset, flags: flags))
            offset = end
        }
        return entries
    }

    /// Extracts `entry`, verifying its size and CRC-32.
    public func contents(of entry: Entry) throws -> [UInt8] {
        let label = "\(path): entry \(entry.path)"
        guard entry.flags & 0x1 == 0 else { throw ZipError("\(label) is encrypted, which is not supported") }
        guard entry.uncompressedSize <= limits.maximumEntrySize else {
            throw ZipError("\(label) is \(entry.uncompressedSize) bytes, more than the limit of \(limits.maximumEntrySize)")
        }
        if entry.uncompressedSize > 1 << 20, entry.uncompressedSize / max(entry.compressedSize, 1) > limits.maximumRatio {
            throw ZipError("\(label) expands \(entry.uncompressedSize / max(entry.compressedSize, 1))-fold, more than the limit of \(limits.maximumRatio)")
        }
        guard entry.localHeaderOffset + 30 <= fileSize else { throw ZipError("\(label) is truncated: its local header lies past the end of the file") }
        let header = try Self.read(handle, at: entry.localHeaderOffset, count: 30, path: path, what: "the local header of \(entry.path)")
        guard header.u32(0) == 0x0403_4B50 else { throw ZipError("\(label) is corrupt: bad local header signature") }
        let dataOffset = entry.localHeaderOffset + 30 + UInt64(header.u16(26)) + UInt64(header.u16(28))
        guard dataOffset + entry.compressedSize <= fileSize else {
            throw ZipError("\(label) is truncated: its data (\(entry.compressedSize) bytes at offset \(dataOffset)) runs past the end of the file")
        }
        let compressed = try Self.read(handle, at: dataOffset, count: Int(entry.compressedSize), path: path, what: "the data of \(entry.path)")
        let output: [UInt8]
        switch entry.method {
        case 0:
            output = compressed
        case 8:
            do {
                output = try Inflater.inflate(compressed, format: .raw, limit: Int(entry.uncompressedSize))
            } catch {
                throw ZipError("\(label) is corrupt: \(error)")
            }
        default:
            throw ZipError("\(label) uses compression method \(entry.method); only stored (0) and deflate (8) are supported")
        }
        guard UInt64(output.count) == entry.uncompressedSize else {
            throw ZipError("\(label) is corrupt: it expands to \(output.count) bytes, the directory says \(entry.uncompressedSize)")
        }
        let crc = output.withUnsafeBytes { UInt32(CZlib.crc32(0, $0.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt($0.count))) }
        guard crc == entry.crc32 else {
            throw ZipError("\(label) is corrupt: CRC-32 \(String(crc, radix: 16)) does not match the recorded \(String(entry.crc32, radix: 16))")
        }
        return output
    }
}

fileprivate extension Array where Element == UInt8 {
    func u16(_ at: Int) -> UInt16 { UInt16(self[at]) | UInt16(self[at + 1]) << 8 }
    func u32(_ at: Int) -> UInt32 { UInt32(u16(at)) | UInt32(u16(at + 2)) << 16 }
    func u64(_ at: Int) -> UInt64 { UInt64(u32(at)) | UInt64(u32(at + 4)) << 32 }
}
