#if canImport(Glibc)
import Glibc
#if canImport(CHullSystem)
import CHullSystem
#endif
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

        init(_ info: stat) {
            type = EntryType(mode: UInt32(info.st_mode))
            size = Int64(info.st_size)
            linkCount = UInt64(info.st_nlink)
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
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

    /// Calls `body` with the name (no NUL) and `d_type` of each entry of the open directory `fd`
    /// (which stays open), without `.` and `..`, in the order the file system gives them. On
    /// Linux the descriptor is read with `getdents64` directly (no `dup`, `fdopendir`, `fstat`
    /// and `close` per folder, as `readdir` would need).
    static func forEachName(in fd: Int32, _ body: (UnsafeBufferPointer<UInt8>, UInt8) -> Void) -> Failure? {
        #if canImport(CHullSystem) && os(Linux)
        let capacity = 32 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let count = hull_getdents64(fd, buffer, UInt(capacity))
            if count < 0 {
                if errno == EINTR { continue }
                return Failure(code: errno)
            }
            if count == 0 { return nil }
            var offset = 0
            while offset < count {
                // struct linux_dirent64: d_ino (8), d_off (8), d_reclen (2), d_type (1), d_name.
                let record = buffer + offset
                let length = Int(record.loadUnaligned(fromByteOffset: 16, as: UInt16.self))
                let type = record.load(fromByteOffset: 18, as: UInt8.self)
                let name = (record + 19).assumingMemoryBound(to: UInt8.self)
                let nameLength = strlen(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self))
                offset += length
                if nameLength == 1 && name[0] == 0x2E || nameLength == 2 && name[0] == 0x2E && name[1] == 0x2E { continue }
                body(UnsafeBufferPointer(start: name, count: nameLength), type)
            }
        }
        #else
        let copy = dup(fd)
        guard copy >= 0 else { return Failure(code: errno) }
        guard let stream = fdopendir(copy) else {
            let failure = errno
            close(copy)
            return Failure(code: failure)
        }
        defer { closedir(stream) }
        while true {
            errno = 0
            guard let entry = readdir(stream) else { return errno != 0 ? Failure(code: errno) : nil }
            let type = entry.pointee.d_type
            let skip = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: UInt8.self, capacity: 256) { bytes -> Bool in
                    let length = strlen(UnsafeRawPointer(bytes).assumingMemoryBound(to: CChar.self))
                    if length == 1 && bytes[0] == 0x2E || length == 2 && bytes[0] == 0x2E && bytes[1] == 0x2E { return true }
                    body(UnsafeBufferPointer(start: bytes, count: length), type)
                    return false
                }
            }
            _ = skip
        }
        #endif
    }

    /// Whether the name at `a` sorts before the name at `b`, byte-wise (Go's `os.ReadDir` order).
    private static func precedes(_ a: UnsafePointer<UInt8>, _ aLength: Int, _ b: UnsafePointer<UInt8>, _ bLength: Int) -> Bool {
        let common = Swift.min(aLength, bLength)
        let result = common == 0 ? 0 : memcmp(a, b, common)
        return result != 0 ? result < 0 : aLength < bLength
    }

    /// The entries of the open directory `fd` (which stays open), without `.` and `..`, sorted
    /// byte-wise by name as Go's `os.ReadDir` sorts them; each path is `prefix` (the directory's
    /// context-relative path) joined with the name.
    static func readDirectory(_ fd: Int32, prefix: [UInt8]) -> Result<[ListedEntry], Failure> {
        let nameStart = prefix.isEmpty ? 0 : prefix.count + 1
        var entries: [ListedEntry] = []
        let failure = forEachName(in: fd) { name, type in
            let path = [UInt8](unsafeUninitializedCapacity: nameStart + name.count) { buffer, initialized in
                if !prefix.isEmpty {
                    prefix.withUnsafeBufferPointer { source in
                        buffer.baseAddress!.initialize(from: source.baseAddress!, count: source.count)
                    }
                    buffer[prefix.count] = UInt8(ascii: "/")
                }
                (buffer.baseAddress! + nameStart).initialize(from: name.baseAddress!, count: name.count)
                initialized = nameStart + name.count
            }
            entries.append(ListedEntry(path: path, nameStart: nameStart, type: EntryType(directoryEntryType: type), status: nil))
        }
        if let failure { return .failure(failure) }
        entries.sort { a, b in
            a.path.withUnsafeBufferPointer { left in
                b.path.withUnsafeBufferPointer { right in
                    precedes(left.baseAddress! + nameStart, left.count - nameStart, right.baseAddress! + nameStart, right.count - nameStart)
                }
            }
        }
        return .success(entries)
    }

    /// The names of one folder, kept together in one buffer (no allocation per entry), for walks
    /// that need each entry's name, kind and size but not its path.
    struct NameListing: Sendable {
        /// One entry: where its name is in ``names``, its kind, and what `lstat` said when needed.
        struct Item: Sendable {
            var start: Int
            var count: Int
            var type: EntryType
            /// `nil` when `d_type` sufficed (directories and special files).
            var status: Result<Status, Failure>?
        }

        /// Every name, each followed by a NUL.
        var names: [UInt8] = []
        /// The entries, sorted byte-wise by name.
        var items: [Item] = []

        /// The name of `item`.
        func name(_ item: Item) -> ArraySlice<UInt8> { names[item.start..<(item.start + item.count)] }
    }

    /// Lists the open directory `fd` (which stays open) by name, sorted byte-wise, and `lstat`s
    /// the entries whose size or kind is needed, as ``list(_:prefix:)`` does.
    static func listNames(_ fd: Int32) -> Result<NameListing, Failure> {
        var listing = NameListing()
        let failure = forEachName(in: fd) { name, type in
            listing.items.append(.init(start: listing.names.count, count: name.count, type: EntryType(directoryEntryType: type), status: nil))
            listing.names.append(contentsOf: name)
            listing.names.append(0)
        }
        if let failure { return .failure(failure) }
        listing.names.withUnsafeBufferPointer { names in
            let base = names.baseAddress!
            listing.items.sort { a, b in precedes(base + a.start, a.count, base + b.start, b.count) }
            for index in listing.items.indices {
                let type = listing.items[index].type
                guard type == .unknown || type == .regular || type == .symlink else { continue }
                let name = UnsafeRawPointer(base + listing.items[index].start).assumingMemoryBound(to: CChar.self)
                var info = stat()
                if fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 {
                    listing.items[index].status = .success(Status(info))
                } else {
                    listing.items[index].status = .failure(Failure(code: errno))
                }
            }
        }
        return .success(listing)
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
        return .success(Status(info))
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
