#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin POSIX layer for the context walk: directory descriptors, `readdir` and `fstatat`
/// relative to them, so paths of any length and depth work and nothing is ever followed or
/// opened except directories.
enum FileSystem {
    /// The type of a directory entry, from `d_type` or `lstat`.
    enum EntryType: Sendable {
        case regular, directory, symlink, fifo, socket, characterDevice, blockDevice, unknown

        init(mode: UInt32) {
            switch mode & 0o170000 {
            case 0o100000: self = .regular
            case 0o040000: self = .directory
            case 0o120000: self = .symlink
            case 0o010000: self = .fifo
            case 0o140000: self = .socket
            case 0o020000: self = .characterDevice
            case 0o060000: self = .blockDevice
            default: self = .unknown
            }
        }

        init(directoryEntryType type: UInt8) {
            switch type {
            case 8: self = .regular
            case 4: self = .directory
            case 10: self = .symlink
            case 1: self = .fifo
            case 12: self = .socket
            case 2: self = .characterDevice
            case 6: self = .blockDevice
            default: self = .unknown
            }
        }
    }

    /// What `lstat` says about an entry.
    struct Status: Sendable {
        var type: EntryType
        var size: Int64
        var linkCount: UInt64
        var device: UInt64
        var inode: UInt64
    }

    /// An errno value with its message.
    struct Failure: Error, Sendable {
        var code: Int32
        var message: String { String(cString: strerror(code)) }
        var isPermissionDenied: Bool { code == EACCES || code == EPERM }
    }

    /// The longest relative path handed to one `openat`; longer ones are opened in steps.
    static let maximumPathChunk = 3072

    /// Resolves symlinks in `path` (BuildKit's `filepath.EvalSymlinks` of the context root).
    static func realPath(_ path: String) -> Result<String, Failure> {
        guard let resolved = realpath(path, nil) else { return .failure(Failure(code: errno)) }
        defer { free(resolved) }
        return .success(String(cString: resolved))
    }

    /// Opens the directory at absolute or relative `path`.
    static func openDirectory(_ path: String) -> Result<Int32, Failure> {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        return fd >= 0 ? .success(fd) : .failure(Failure(code: errno))
    }

    /// Opens the directory at `relative` (a `/`-separated path without a leading `/`) below the
    /// directory `base`, refusing to follow a symlink in the last component. Long paths are
    /// opened in chunks.
    static func openDirectory(relative: ArraySlice<UInt8>, below base: Int32) -> Result<Int32, Failure> {
        var current = base
        var remaining = relative
        while true {
            var chunk = remaining
            var rest: ArraySlice<UInt8> = []
            if remaining.count > maximumPathChunk {
                // Cut at the last separator inside the limit (names are at most 255 bytes).
                let limit = remaining.startIndex + maximumPathChunk
                if let cut = remaining[..<limit].lastIndex(of: UInt8(ascii: "/")) {
                    chunk = remaining[..<cut]
                    rest = remaining[(cut + 1)...]
                }
            }
            let fd = chunk.withContiguousStorageIfAvailable { buffer -> Int32 in
                var bytes = [CChar](repeating: 0, count: buffer.count + 1)
                for index in 0..<buffer.count { bytes[index] = CChar(bitPattern: buffer[index]) }
                return openat(current, bytes, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            } ?? -1
            let failure = errno
            if current != base { close(current) }
            guard fd >= 0 else { return .failure(Failure(code: failure)) }
            if rest.isEmpty { return .success(fd) }
            current = fd
            remaining = rest
        }
    }

    /// Closes a descriptor.
    static func closeDescriptor(_ fd: Int32) {
        close(fd)
    }

    /// One listed entry with what `lstat` said, when it was needed.
    struct ListedEntry: Sendable {
        /// The context-relative path: the directory's path, `/`, the name (just the name at the root).
        var path: [UInt8]
        /// Where the name starts in ``path``.
        var nameStart: Int
        var type: EntryType
        /// `nil` when `d_type` sufficed (directories and special files).
        var status: Result<Status, Failure>?

        /// The entry's name.
        var name: ArraySlice<UInt8> { path[nameStart...] }
    }

    /// The entries of the open directory `fd` (which stays open), without `.` and `..`, sorted
    /// byte-wise by name as Go's `os.ReadDir` sorts them; each path is `prefix` (the directory's
    /// context-relative path) joined with the name.
    static func readDirectory(_ fd: Int32, prefix: [UInt8]) -> Result<[ListedEntry], Failure> {
        let copy = dup(fd)
        guard copy >= 0 else { return .failure(Failure(code: errno)) }
        guard let stream = fdopendir(copy) else {
            let failure = errno
            close(copy)
            return .failure(Failure(code: failure))
        }
        defer { closedir(stream) }
        let nameStart = prefix.isEmpty ? 0 : prefix.count + 1
        var entries: [ListedEntry] = []
        while true {
            errno = 0
            guard let entry = readdir(stream) else {
                if errno != 0 { return .failure(Failure(code: errno)) }
                break
            }
            let type = entry.pointee.d_type
            let path: [UInt8]? = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: UInt8.self, capacity: 256) { bytes -> [UInt8]? in
                    let length = strlen(UnsafeRawPointer(bytes).assumingMemoryBound(to: CChar.self))
                    if length == 1 && bytes[0] == 0x2E || length == 2 && bytes[0] == 0x2E && bytes[1] == 0x2E { return nil }
                    return [UInt8](unsafeUninitializedCapacity: nameStart + length) { buffer, initialized in
                        if !prefix.isEmpty {
                            prefix.withUnsafeBufferPointer { source in
                                buffer.baseAddress!.initialize(from: source.baseAddress!, count: source.count)
                            }
                            buffer[prefix.count] = UInt8(ascii: "/")
                        }
                        (buffer.baseAddress! + nameStart).initialize(from: bytes, count: length)
                        initialized = nameStart + length
                    }
                }
            }
            guard let path else { continue }
            entries.append(ListedEntry(path: path, nameStart: nameStart, type: EntryType(directoryEntryType: type), status: nil))
        }
        entries.sort { a, b in
            a.path.withUnsafeBufferPointer { left in
                b.path.withUnsafeBufferPointer { right in
                    let l = left.count - nameStart, r = right.count - nameStart
                    let common = Swift.min(l, r)
                    let result = common == 0 ? 0 : memcmp(left.baseAddress! + nameStart, right.baseAddress! + nameStart, common)
                    return result != 0 ? result < 0 : l < r
                }
            }
        }
        return .success(entries)
    }

    /// Lists the open directory `fd`, whose context-relative path is `prefix`, and `lstat`s the
    /// entries whose size or kind is needed (regular files, symlinks, and anything `d_type` does
    /// not name).
    static func list(_ fd: Int32, prefix: [UInt8]) -> Result<[ListedEntry], Failure> {
        switch readDirectory(fd, prefix: prefix) {
        case .failure(let failure):
            return .failure(failure)
        case .success(var entries):
            for index in entries.indices {
                let type = entries[index].type
                if type == .unknown || type == .regular || type == .symlink {
                    entries[index].status = status(of: entries[index].name, in: fd)
                }
            }
            return .success(entries)
        }
    }

    /// Opens the directory at `relative` below `base`, lists it and closes it again.
    static func list(relative: [UInt8], below base: Int32) -> Result<[ListedEntry], Failure> {
        let opened = relative.isEmpty ? .success(dup(base)) : openDirectory(relative: relative[...], below: base)
        switch opened {
        case .failure(let failure):
            return .failure(failure)
        case .success(let fd):
            defer { close(fd) }
            return list(fd, prefix: relative)
        }
    }

    /// `lstat` of `name` inside the open directory `fd`.
    static func status(of name: ArraySlice<UInt8>, in fd: Int32) -> Result<Status, Failure> {
        var info = stat()
        // Names are at most 255 bytes: a NUL-terminated copy fits on the stack.
        let result = name.withUnsafeBufferPointer { buffer -> Int32 in
            withUnsafeTemporaryAllocation(of: CChar.self, capacity: buffer.count + 1) { bytes -> Int32 in
                for index in 0..<buffer.count { bytes[index] = CChar(bitPattern: buffer[index]) }
                bytes[buffer.count] = 0
                return fstatat(fd, bytes.baseAddress!, &info, AT_SYMLINK_NOFOLLOW)
            }
        }
        guard result == 0 else { return .failure(Failure(code: errno)) }
        return .success(Status(
            type: EntryType(mode: UInt32(info.st_mode)),
            size: Int64(info.st_size),
            linkCount: UInt64(info.st_nlink),
            device: UInt64(info.st_dev),
            inode: UInt64(info.st_ino)
        ))
    }

    /// Up to `limit` bytes from the start of the regular file at `relative` below `base`. Refuses
    /// anything that is not a regular file (a FIFO swapped in is never waited on).
    static func readPrefix(relative: [UInt8], below base: Int32, limit: Int) -> Result<[UInt8], Failure> {
        var directory = base
        var name = relative[...]
        if relative.count > maximumPathChunk, let slash = relative.lastIndex(of: UInt8(ascii: "/")) {
            switch openDirectory(relative: relative[..<slash], below: base) {
            case .success(let fd): directory = fd
            case .failure(let failure): return .failure(failure)
            }
            name = relative[(slash + 1)...]
        }
        defer { if directory != base { close(directory) } }
        var path = name.map { CChar(bitPattern: $0) }
        path.append(0)
        let fd = openat(directory, path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .failure(Failure(code: errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(Failure(code: errno)) }
        guard EntryType(mode: UInt32(info.st_mode)) == .regular else { return .failure(Failure(code: EINVAL)) }
        // Size the buffer from the file, not the limit: most files are far smaller.
        let capacity = max(0, min(limit, Int(info.st_size)))
        var failure: Int32 = 0
        let buffer = [UInt8](unsafeUninitializedCapacity: capacity) { raw, initialized in
            var total = 0
            while total < capacity {
                let count = read(fd, raw.baseAddress! + total, capacity - total)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                if count == 0 { break }
                total += count
            }
            initialized = total
        }
        if failure != 0 { return .failure(Failure(code: failure)) }
        return .success(buffer)
    }

    /// The effective user id (permission bits do not stop root from reading).
    static var isRoot: Bool { geteuid() == 0 }

    /// Resolves a context root and opens it as a directory: its real path and descriptor, or
    /// the error that names the root as given.
    static func openRoot(_ root: String) throws(HullContextError) -> (path: String, descriptor: Int32) {
        let resolved: String
        switch realPath(root) {
        case .success(let path): resolved = path
        case .failure(let failure): throw .unreadableRoot(path: root, reason: failure.message)
        }
        switch openDirectory(resolved) {
        case .success(let fd): return (resolved, fd)
        case .failure(let failure):
            if failure.code == ENOTDIR { throw .notADirectory(path: root) }
            throw .unreadableRoot(path: root, reason: failure.message)
        }
    }
}
