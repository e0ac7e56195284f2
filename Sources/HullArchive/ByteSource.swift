#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A forward-only stream of bytes: a file range, a decompressed layer, memory.
public protocol ByteSource: AnyObject {
    /// Reads up to `buffer.count` bytes; 0 means the end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
    /// Skips up to `count` bytes and returns how many were skipped (fewer only at the end).
    func skip(_ count: Int64) throws -> Int64
    /// Whether `skip` moves without reading (a seek), so readers should fetch only the bytes they need.
    var skipsBySeeking: Bool { get }
    /// Called once a reader is done with the source (it may stop before the end, as a tar
    /// reader does at the end-of-archive blocks): a source that checks a digest over all of
    /// its bytes reads the rest and checks it here.
    func finish() throws
}

extension ByteSource {
    /// Sources skip by reading unless they say otherwise.
    public var skipsBySeeking: Bool { false }

    /// Nothing to check unless a source says otherwise.
    public func finish() throws {}

    /// Skipping by reading and discarding, for sources that cannot seek.
    public func skipByReading(_ count: Int64) throws -> Int64 {
        var left = count
        var scratch = [UInt8](repeating: 0, count: 64 * 1024)
        while left > 0 {
            let n = try scratch.withUnsafeMutableBytes { try read(into: UnsafeMutableRawBufferPointer(rebasing: $0[0..<Int(min(Int64($0.count), left))])) }
            if n == 0 { break }
            left -= Int64(n)
        }
        return count - left
    }

    /// Reads everything that is left, refusing more than `limit` bytes.
    public func readAll(limit: Int) throws -> [UInt8] {
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = try chunk.withUnsafeMutableBytes { try read(into: $0) }
            if n == 0 { return result }
            guard result.count + n <= limit else { throw HullArchiveError.limitExceeded(what: "the data read", limit: Int64(limit)) }
            result.append(contentsOf: chunk[0..<n])
        }
    }
}

/// An open file descriptor shared by the ranges read from it; closed when the last user goes.
public final class OpenFile: @unchecked Sendable {
    /// The path it was opened from, for messages.
    public let path: String
    let descriptor: Int32
    /// The file's size when it was opened.
    public let size: Int64

    /// Opens a file for reading.
    public init(path: String) throws {
        self.path = path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw HullArchiveError.unreadable(path: path, reason: String(cString: strerror(errno))) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw HullArchiveError.unreadable(path: path, reason: reason)
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw HullArchiveError.unreadable(path: path, reason: "it is a folder")
        }
        descriptor = fd
        size = Int64(info.st_size)
    }

    deinit { close(descriptor) }

    /// Reads at an absolute offset (pread: ranges of one file can be read independently).
    func read(at offset: Int64, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let n = pread(descriptor, buffer.baseAddress, buffer.count, off_t(offset))
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw HullArchiveError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
    }
}

/// A byte range of a file, read with `pread`, skipped by seeking.
public final class FileRangeSource: ByteSource {
    let file: OpenFile
    /// The next offset to read.
    public private(set) var position: Int64
    /// The end of the range (exclusive).
    public let end: Int64

    /// The range `offset ..< offset + length` of `file` (clamped to the file).
    public init(file: OpenFile, offset: Int64 = 0, length: Int64? = nil) {
        self.file = file
        self.position = max(0, offset)
        self.end = min(file.size, length.map { offset + $0 } ?? file.size)
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let count = Int(min(Int64(buffer.count), end - position))
        guard count > 0 else { return 0 }
        let n = try file.read(at: position, into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<count]))
        position += Int64(n)
        return n
    }

    public func skip(_ count: Int64) throws -> Int64 {
        let n = max(0, min(count, end - position))
        position += n
        return n
    }

    public var skipsBySeeking: Bool { true }
}

/// Bytes in memory.
public final class MemorySource: ByteSource {
    let bytes: [UInt8]
    var position = 0

    /// A source over `bytes`.
    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let n = min(buffer.count, bytes.count - position)
        guard n > 0 else { return 0 }
        bytes.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[position..<position + n])) }
        position += n
        return n
    }

    public func skip(_ count: Int64) throws -> Int64 {
        let n = Int(max(0, min(count, Int64(bytes.count - position))))
        position += n
        return Int64(n)
    }

    public var skipsBySeeking: Bool { true }
}
