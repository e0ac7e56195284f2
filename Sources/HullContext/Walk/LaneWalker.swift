#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Walks folders in parallel lanes where no ignore pattern has to be matched: the folders an
/// ignore file prunes (to total the tree as if there were no ignore file), and a whole context
/// without an ignore file.
///
/// Without patterns every folder is independent, so several lanes list and `lstat` folders at
/// once, sharing one stack of folders still to read; each lane aggregates on its own and the
/// results are summed. A whole-context walk also records every entry, in walker order, with the
/// same entries, totals and warnings as ``ContextWalker`` gives. Symlinks are never followed;
/// FIFOs, sockets and devices are never opened; unreadable folders inside pruned ones are
/// warnings that do not fail the build.
struct LaneWalker: Sendable {
    /// What the lanes found in pruned folders.
    struct Result: Sendable {
        var totals = ContextTotals()
        var aggregator = ContextAggregator()
        var warnings: [ContextWarning] = []
    }

    /// The context root (resolved).
    var root: String
    /// Lanes (1–4).
    var lanes: Int

    /// Measures everything below `directories` (context-relative; the folders themselves are
    /// not counted). `progress` receives the running count of entries.
    func measure(_ directories: [ContextPath], progress: (@Sendable (Int, Int64) -> Void)?) async -> Result {
        guard !directories.isEmpty, case .success(let rootFD) = FileSystem.openDirectory(root) else { return Result() }
        defer { FileSystem.closeDescriptor(rootFD) }
        let queue = WorkQueue(directories.map(\.bytes))
        let count = min(max(1, lanes), 4)
        return await withTaskGroup(of: Result.self, returning: Result.self) { group in
            for _ in 0..<count {
                group.addTask { LaneWalker.lane(queue: queue, rootFD: rootFD, progress: progress) }
            }
            var total = Result()
            for await part in group {
                total.totals.merge(part.totals)
                total.aggregator.merge(part.aggregator)
                total.warnings += part.warnings
            }
            total.warnings.sort { $0.path < $1.path }
            return total
        }
    }

    /// What a whole-context walk found.
    struct WholeWalk: Sendable {
        var walk: ContextWalk
        var aggregator: ContextAggregator
    }

    /// One listed folder of a whole-context walk.
    private struct Batch: Sendable {
        var directory: [UInt8]
        var entries: [ContextEntry]
    }

    /// What one lane of a whole-context walk found.
    private struct LaneRecord: Sendable {
        var batches: [Batch] = []
        var totals = ContextTotals()
        var aggregator = ContextAggregator()
        var warnings: [ContextWarning] = []
    }

    /// Walks the whole context at `root`, sending everything (there are no patterns).
    /// - Throws: ``HullContextError`` when the root is not a readable directory.
    func walkAll(progress: (@Sendable (Int, Int64) -> Void)?) async throws(HullContextError) -> WholeWalk {
        let (resolved, rootFD) = try FileSystem.openRoot(root)
        defer { FileSystem.closeDescriptor(rootFD) }
        let queue = WorkQueue([[]])
        let count = min(max(1, lanes), 4)
        let records = await withTaskGroup(of: LaneRecord.self, returning: [LaneRecord].self) { group in
            for _ in 0..<count {
                group.addTask { LaneWalker.recordingLane(queue: queue, rootFD: rootFD, progress: progress) }
            }
            var all: [LaneRecord] = []
            for await record in group { all.append(record) }
            return all
        }
        var totals = ContextTotals()
        var aggregator = ContextAggregator()
        var warnings: [ContextWarning] = []
        var batches: [ByteKey: [ContextEntry]] = [:]
        for record in records {
            totals.merge(record.totals)
            aggregator.merge(record.aggregator)
            warnings += record.warnings
            for batch in record.batches { batches[ByteKey(batch.directory)] = batch.entries }
        }
        // Walker order: each folder's entries (listed in name order), depth first.
        var ordered: [ContextEntry] = []
        ordered.reserveCapacity(totals.entries)
        var stack: [(entries: [ContextEntry], next: Int)] = [(batches[ByteKey([])] ?? [], 0)]
        while !stack.isEmpty {
            let top = stack.count - 1
            guard stack[top].next < stack[top].entries.count else {
                stack.removeLast()
                continue
            }
            let entry = stack[top].entries[stack[top].next]
            stack[top].next += 1
            ordered.append(entry)
            if entry.kind == .directory, let children = batches[ByteKey(entry.path.bytes)], !children.isEmpty {
                stack.append((children, 0))
            }
        }
        warnings.sort { $0.path < $1.path }
        let walk = ContextWalk(root: resolved, sent: totals, all: totals, entries: ordered, prunedDirectories: [],
                               warnings: warnings, decidingCounts: [])
        return WholeWalk(walk: walk, aggregator: aggregator)
    }

    private static func recordingLane(queue: WorkQueue, rootFD: Int32, progress: (@Sendable (Int, Int64) -> Void)?) -> LaneRecord {
        var record = LaneRecord()
        while let directory = queue.next() {
            var subdirectories: [[UInt8]] = []
            var bytes: Int64 = 0
            var entries: [ContextEntry] = []
            switch FileSystem.list(relative: directory, below: rootFD) {
            case .failure(let failure):
                // BuildKit ignores a folder that vanished; any other failure in a folder it sends fails the build.
                let vanished = failure.code == ENOENT || failure.code == ENOTDIR
                record.warnings.append(ContextWarning(kind: .unreadableDirectory, path: ContextPath(bytes: directory),
                                                      reason: failure.message, failsBuild: !vanished))
            case .success(let listing):
                entries.reserveCapacity(listing.count)
                for listed in listing {
                    var type = listed.type
                    var size: Int64 = 0
                    var repeatLink = false
                    if let status = listed.status {
                        switch status {
                        case .success(let status):
                            type = status.type
                            size = type == .directory ? 0 : status.size
                            if type == .regular && status.linkCount > 1 {
                                repeatLink = queue.isRepeat(device: status.device, inode: status.inode)
                            }
                        case .failure(let failure):
                            record.warnings.append(ContextWarning(kind: .unreadableEntry, path: ContextPath(bytes: listed.path),
                                                                  reason: failure.message, failsBuild: false))
                            continue
                        }
                    }
                    let entry = ContextEntry(path: ContextPath(bytes: listed.path), kind: ContextWalker.kind(type),
                                             size: size, isHardLinkRepeat: repeatLink)
                    record.totals.add(entry)
                    record.aggregator.add(entry)
                    entries.append(entry)
                    if entry.kind == .file { bytes += size }
                    if entry.kind.isSpecial {
                        record.warnings.append(ContextWarning(kind: .specialFileSkipped, path: entry.path,
                                                              reason: "\(entry.kind.rawValue) is never opened (BuildKit sends its metadata only)",
                                                              failsBuild: false))
                    }
                    if type == .directory { subdirectories.append(listed.path) }
                }
            }
            record.batches.append(Batch(directory: directory, entries: entries))
            let seen = queue.finish(subdirectories, entries: entries.count, bytes: bytes)
            if let progress, let seen { progress(seen.entries, seen.bytes) }
        }
        return record
    }

    private static func lane(queue: WorkQueue, rootFD: Int32, progress: (@Sendable (Int, Int64) -> Void)?) -> Result {
        var result = Result()
        while let directory = queue.next() {
            var subdirectories: [[UInt8]] = []
            var entries = 0
            var bytes: Int64 = 0
            switch FileSystem.openDirectory(relative: directory[...], below: rootFD) {
            case .failure(let failure):
                result.warnings.append(ContextWarning(kind: .unreadableDirectory, path: ContextPath(bytes: directory),
                                                      reason: failure.message, failsBuild: false))
            case .success(let fd):
                // Names only, in one buffer: paths are built for subfolders, not for every file.
                switch FileSystem.listNames(fd) {
                case .failure(let failure):
                    result.warnings.append(ContextWarning(kind: .unreadableDirectory, path: ContextPath(bytes: directory),
                                                          reason: failure.message, failsBuild: false))
                case .success(let listing):
                    var items: [ContextAggregator.ListedItem] = []
                    items.reserveCapacity(listing.items.count)
                    for listed in listing.items {
                        let name = listing.name(listed)
                        var type = listed.type
                        var size: Int64 = 0
                        var repeatLink = false
                        if let status = listed.status {
                            guard case .success(let status) = status else { continue }
                            type = status.type
                            size = type == .directory ? 0 : status.size
                            if type == .regular && status.linkCount > 1 {
                                repeatLink = queue.isRepeat(device: status.device, inode: status.inode)
                            }
                        }
                        let kind = ContextWalker.kind(type)
                        switch kind {
                        case .file:
                            result.totals.files += 1
                            result.totals.bytes += size
                            if !repeatLink { result.totals.uniqueBytes += size }
                            bytes += size
                        case .directory:
                            result.totals.directories += 1
                            subdirectories.append(directory + [UInt8(ascii: "/")] + name)
                        case .symlink:
                            result.totals.symlinks += 1
                        default:
                            result.totals.special += 1
                        }
                        entries += 1
                        items.append(.init(name: name, kind: kind, size: kind == .file ? size : 0))
                    }
                    result.aggregator.add(listingOf: directory, items)
                }
                FileSystem.closeDescriptor(fd)
            }
            let seen = queue.finish(subdirectories, entries: entries, bytes: bytes)
            if let progress, let seen { progress(seen.entries, seen.bytes) }
        }
        return result
    }
}

/// The folders still to read, shared by the lanes; a lane waits (asleep, not spinning) while
/// others may add more.
private final class WorkQueue: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    private var changed = pthread_cond_t()
    private var stack: [[UInt8]]
    private var busy = 0
    private var entries = 0
    private var bytes: Int64 = 0
    private var reported = 0
    private var inodes: Set<InodeKey> = []

    private struct InodeKey: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    init(_ directories: [[UInt8]]) {
        stack = directories.reversed()
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&changed, nil)
    }

    deinit {
        pthread_cond_destroy(&changed)
        pthread_mutex_destroy(&mutex)
    }

    /// The next folder to read, or nil when every folder is done.
    func next() -> [UInt8]? {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        while true {
            if let directory = stack.popLast() {
                busy += 1
                return directory
            }
            if busy == 0 { return nil }
            // Another lane is reading a folder and may queue subfolders: wait for it.
            pthread_cond_wait(&changed, &mutex)
        }
    }

    /// Marks a folder read, queueing its subfolders; returns the running totals every few
    /// thousand entries.
    func finish(_ subdirectories: [[UInt8]], entries count: Int, bytes size: Int64) -> (entries: Int, bytes: Int64)? {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        stack.append(contentsOf: subdirectories.reversed())
        busy -= 1
        if !subdirectories.isEmpty || busy == 0 { pthread_cond_broadcast(&changed) }
        entries += count
        bytes += size
        guard entries - reported >= 4096 else { return nil }
        reported = entries
        return (entries, bytes)
    }

    /// Whether a hard-linked file was seen before (its bytes count once).
    func isRepeat(device: UInt64, inode: UInt64) -> Bool {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return !inodes.insert(InodeKey(device: device, inode: inode)).inserted
    }
}
