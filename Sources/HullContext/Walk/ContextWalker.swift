#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Enumerates what `docker build` sends from a local context: BuildKit's walker
/// (tonistiigi/fsutil's filtered `WalkDir`) with Hull's reporting on top.
///
/// - Regular files, directories and symlinks are sent; symlinks are never followed, so loops
///   are harmless.
/// - Excluded paths are skipped. An excluded directory is not walked unless an exception could
///   re-include something below it; then it is walked and sent, as a bare container, only if
///   something below it is sent.
/// - FIFOs, sockets and devices are never opened; sent ones are reported as skipped.
/// - An unreadable directory becomes a warning naming it, and the walk goes on.
/// - Names are raw bytes. Depth is unlimited: the walk keeps an explicit stack and opens each
///   directory relative to its parent's descriptor.
///
/// With ``Options/measureExcluded`` the walk also descends into pruned directories (without
/// matching) so ``ContextWalk/all`` totals the whole tree and a report can show what the ignore
/// file saves.
public struct ContextWalker: Sendable {
    /// How to walk.
    public struct Options: Hashable, Sendable {
        /// Also walk excluded directories BuildKit prunes, to total the whole tree.
        public var measureExcluded: Bool
        /// Keep the list of sent entries in ``ContextWalk/entries`` (turn off for huge trees
        /// when a visitor aggregates instead).
        public var recordEntries: Bool
        /// At most this many directory descriptors stay open at once (sequential walk).
        public var maximumOpenDirectories: Int
        /// Directories listed concurrently (1–4). With 1 the walk opens each directory from its
        /// parent's descriptor; with more, worker tasks list directories ahead of the walk.
        public var concurrency: Int

        /// Creates options.
        public init(measureExcluded: Bool = true, recordEntries: Bool = true, maximumOpenDirectories: Int = 128,
                    concurrency: Int = ContextWalker.defaultConcurrency) {
            self.measureExcluded = measureExcluded
            self.recordEntries = recordEntries
            self.maximumOpenDirectories = max(1, maximumOpenDirectories)
            self.concurrency = min(4, max(1, concurrency))
        }
    }

    /// What happens to one entry.
    public enum Disposition: Hashable, Sendable {
        /// Sent.
        case sent
        /// An excluded directory sent only to hold entries an exception re-includes.
        case sentAsContainer
        /// Left out; the index of the deciding pattern (for entries inside a pruned directory,
        /// the pattern that excluded that directory).
        case excluded(patternIndex: Int?)

        /// Whether the entry is transferred.
        public var isSent: Bool {
            switch self {
            case .sent, .sentAsContainer: true
            case .excluded: false
            }
        }
    }

    /// The default number of concurrent directory listings: 1. Listing ahead in 2–4 tasks costs
    /// the same CPU time and, measured on 2 shared cores, gave no reliable wall-clock gain on warm
    /// caches; it stays available for cold caches and network file systems.
    public static let defaultConcurrency = 1

    /// The ignore patterns; `nil` or empty sends everything.
    public var matcher: IgnoreMatcher?
    /// How to walk.
    public var options: Options

    /// Creates a walker.
    public init(matcher: IgnoreMatcher? = nil, options: Options = Options()) {
        self.matcher = matcher
        self.options = options
    }

    /// Walks the context at `root`.
    /// - Throws: ``HullContextError`` when the root is not a readable directory, or when a
    ///   pattern BuildKit rejects is evaluated (the build would fail).
    public func walk(root: String) async throws(HullContextError) -> ContextWalk {
        try await walk(root: root) { _, _ in }
    }

    /// Walks the context at `root`, calling `visit` once for every entry with its disposition
    /// (directories that become containers are reported when the first entry below them is
    /// sent; excluded ones when their subtree is done).
    public func walk(root: String, visit: (ContextEntry, Disposition) -> Void) async throws(HullContextError) -> ContextWalk {
        let (resolved, rootFD) = try FileSystem.openRoot(root)
        let activeMatcher = matcher?.isEmpty == false ? matcher : nil
        let options = self.options
        return try await withoutActuallyEscaping(visit) { (visit) async throws(HullContextError) -> ContextWalk in
            var state = WalkState(matcher: activeMatcher, options: options, visit: visit)
            defer { state.closeAll() }
            if options.concurrency > 1 {
                try await state.runConcurrently(rootFD: rootFD, lanes: options.concurrency)
            } else {
                try state.run(rootFD: rootFD)
            }
            let entries = state.entriesInWalkerOrder()
            let measuredEverything = options.measureExcluded || state.pruned.isEmpty
            return ContextWalk(root: resolved, sent: state.sent, all: measuredEverything ? state.all : nil,
                               entries: entries, prunedDirectories: state.pruned, warnings: state.warnings,
                               decidingCounts: state.decidingCounts)
        }
    }
}

/// A directory waiting to be read or still holding pending children.
private final class Node {
    enum Mode {
        case included
        case container(patternIndex: Int?)
        case pruned(patternIndex: Int?)
    }

    let path: [UInt8]
    let parent: Node?
    let mode: Mode
    let bits: [Bool]?
    var fd: Int32 = -1
    /// The index of the directory's own entry among the recorded entries (-1 for the root, or
    /// while a container has not been sent).
    var entryIndex = -1
    var pendingOpens = 0
    var outstanding = 0
    var emitted = false

    init(path: [UInt8], parent: Node?, mode: Mode, bits: [Bool]?) {
        self.path = path
        self.parent = parent
        self.mode = mode
        self.bits = bits
    }

    var entry: ContextEntry { ContextEntry(path: ContextPath(bytes: path), kind: .directory, size: 0) }
}

private struct InodeKey: Hashable {
    var device: UInt64
    var inode: UInt64
}

/// The mutable state of one walk; used from one task only.
private struct WalkState {
    let matcher: IgnoreMatcher?
    let options: ContextWalker.Options
    let visit: (ContextEntry, ContextWalker.Disposition) -> Void
    var sent = ContextTotals()
    var all = ContextTotals()
    var entries: [ContextEntry] = []
    /// Per recorded entry: the index of its parent directory's entry (-1 at the root).
    var parents: [Int32] = []
    /// Parent entries (or -1 for the root) whose children were not recorded in name order,
    /// because a container joined them late.
    var unsortedParents: Set<Int32> = []
    var pruned: [PrunedDirectory] = []
    var warnings: [ContextWarning] = []
    var seenInodes: Set<InodeKey> = []
    var decidingCounts: [Int]
    var stack: [Node] = []
    var openDescriptors: Set<Int32> = []

    init(matcher: IgnoreMatcher?, options: ContextWalker.Options, visit: @escaping (ContextEntry, ContextWalker.Disposition) -> Void) {
        self.matcher = matcher
        self.options = options
        self.visit = visit
        self.decidingCounts = [Int](repeating: 0, count: matcher?.compiled.count ?? 0)
    }

    mutating func run(rootFD: Int32) throws(HullContextError) {
        let root = Node(path: [], parent: nil, mode: .included, bits: nil)
        root.fd = rootFD
        openDescriptors.insert(rootFD)
        try process(root, FileSystem.list(rootFD, prefix: []))
        while let node = stack.popLast() {
            guard open(node) else { continue }
            try process(node, FileSystem.list(node.fd, prefix: node.path))
        }
    }

    /// Lists directories in worker tasks, up to `lanes` at once, each opened from the root
    /// descriptor; decisions stay in this task, in the order listings arrive.
    mutating func runConcurrently(rootFD: Int32, lanes: Int) async throws(HullContextError) {
        openDescriptors.insert(rootFD)
        let root = Node(path: [], parent: nil, mode: .included, bits: nil)
        root.fd = rootFD
        var waiting: [Int: Node] = [:]
        var nextID = 0
        var failure: HullContextError?
        let result: Void? = await withTaskGroup(of: (Int, Result<[FileSystem.ListedEntry], FileSystem.Failure>).self) { group in
            func start(_ node: Node) {
                let id = nextID
                nextID += 1
                waiting[id] = node
                let path = node.path
                group.addTask { (id, FileSystem.list(relative: path, below: rootFD)) }
            }
            start(root)
            while let (id, listing) = await group.next() {
                let node = waiting.removeValue(forKey: id)!
                do throws(HullContextError) {
                    try process(node, listing)
                } catch {
                    failure = error
                    group.cancelAll()
                    return nil
                }
                while waiting.count < lanes, let next = stack.popLast() { start(next) }
            }
            return ()
        }
        if result == nil, let failure { throw failure }
    }

    mutating func closeAll() {
        for fd in openDescriptors { FileSystem.closeDescriptor(fd) }
        openDescriptors.removeAll()
    }

    private mutating func close(_ node: Node) {
        guard node.fd >= 0, node.parent != nil else { return }
        FileSystem.closeDescriptor(node.fd)
        openDescriptors.remove(node.fd)
        node.fd = -1
    }

    /// Opens `node` relative to the nearest ancestor with an open descriptor.
    private mutating func open(_ node: Node) -> Bool {
        var base = node.parent!
        while base.fd < 0, let up = base.parent { base = up }
        let skip = base.path.isEmpty ? 0 : base.path.count + 1
        let result = FileSystem.openDirectory(relative: node.path[skip...], below: base.fd)
        if let parent = node.parent {
            parent.pendingOpens -= 1
            if parent.pendingOpens == 0 { close(parent) }
        }
        switch result {
        case .success(let fd):
            node.fd = fd
            openDescriptors.insert(fd)
            return true
        case .failure(let failure):
            unreadable(node, failure)
            complete(node)
            return false
        }
    }

    private mutating func unreadable(_ node: Node, _ failure: FileSystem.Failure) {
        // BuildKit ignores a vanished directory, and a permission error in one it walks only
        // as a container; any other failure in a directory it sends fails the build.
        let vanished = failure.code == ENOENT || failure.code == ENOTDIR
        let fails: Bool
        switch node.mode {
        case .included: fails = !vanished
        case .container: fails = !vanished && !failure.isPermissionDenied
        case .pruned: fails = false
        }
        warnings.append(ContextWarning(kind: .unreadableDirectory, path: ContextPath(bytes: node.path),
                                       reason: failure.message, failsBuild: fails))
    }

    /// Decides every child of `node` from its listing, and queues the directories to walk.
    private mutating func process(_ node: Node, _ result: Result<[FileSystem.ListedEntry], FileSystem.Failure>) throws(HullContextError) {
        let listing: [FileSystem.ListedEntry]
        switch result {
        case .success(let entries): listing = entries
        case .failure(let failure):
            unreadable(node, failure)
            complete(node)
            return
        }
        var children: [Node] = []
        for listed in listing {
            let path = listed.path
            var type = listed.type
            var size: Int64 = 0
            var repeatLink = false
            if let status = listed.status {
                switch status {
                case .success(let status):
                    type = status.type
                    size = type == .directory ? 0 : status.size
                    if type == .regular && status.linkCount > 1 {
                        repeatLink = !seenInodes.insert(InodeKey(device: status.device, inode: status.inode)).inserted
                    }
                case .failure(let failure):
                    warnings.append(ContextWarning(kind: .unreadableEntry, path: ContextPath(bytes: path),
                                                   reason: failure.message, failsBuild: false))
                    continue
                }
            }
            let entry = ContextEntry(path: ContextPath(bytes: path), kind: ContextWalker.kind(type),
                                     size: size, isHardLinkRepeat: repeatLink)
            let isDirectory = type == .directory

            if case .pruned(let index) = node.mode {
                all.add(entry)
                visit(entry, .excluded(patternIndex: index))
                if isDirectory { children.append(Node(path: path, parent: node, mode: .pruned(patternIndex: index), bits: nil)) }
                continue
            }

            var excluded = false
            var deciding: Int?
            var bits: [Bool]?
            if let matcher {
                var record = [Bool](repeating: false, count: isDirectory ? matcher.compiled.count : 0)
                (excluded, deciding) = try path.withUnsafeBufferPointer { (buffer) throws(HullContextError) in
                    try matcher.evaluate(buffer, parentBits: node.bits, record: &record)
                }
                if let deciding { decidingCounts[deciding] += 1 }
                if isDirectory { bits = record }
            }

            if !excluded {
                emitContainers(from: node)
                let index = send(entry, .sent, parent: node.entryIndex)
                if entry.kind.isSpecial {
                    warnings.append(ContextWarning(kind: .specialFileSkipped, path: entry.path,
                                                   reason: "\(entry.kind.rawValue) is never opened (BuildKit sends its metadata only)",
                                                   failsBuild: false))
                }
                if isDirectory {
                    let child = Node(path: path, parent: node, mode: .included, bits: bits)
                    child.entryIndex = index
                    children.append(child)
                }
                continue
            }
            guard isDirectory, let matcher else {
                all.add(entry)
                visit(entry, .excluded(patternIndex: deciding))
                continue
            }
            switch matcher.directoryDecision(path: path, isExcluded: true) {
            case .include, .descendExcluded:
                children.append(Node(path: path, parent: node, mode: .container(patternIndex: deciding), bits: bits))
            case .prune:
                pruned.append(PrunedDirectory(path: entry.path, patternIndex: deciding))
                all.add(entry)
                visit(entry, .excluded(patternIndex: deciding))
                if options.measureExcluded {
                    children.append(Node(path: path, parent: node, mode: .pruned(patternIndex: deciding), bits: nil))
                }
            }
        }
        node.pendingOpens = node.fd >= 0 ? children.count : 0
        node.outstanding = children.count
        stack.append(contentsOf: children.reversed())
        if children.isEmpty {
            complete(node)
        } else if openDescriptors.count > options.maximumOpenDirectories {
            // Children will open from an ancestor's descriptor instead.
            close(node)
        }
    }

    /// Sends `entry`, recording it below the entry at `parent`; returns its index (-1 when not recorded).
    @discardableResult
    private mutating func send(_ entry: ContextEntry, _ disposition: ContextWalker.Disposition, parent: Int) -> Int {
        sent.add(entry)
        all.add(entry)
        visit(entry, disposition)
        guard options.recordEntries else { return -1 }
        entries.append(entry)
        parents.append(Int32(parent))
        return entries.count - 1
    }

    /// The recorded entries in walker order (component-wise, byte-wise): a depth-first walk over
    /// each directory's children, which a listing records in name order.
    func entriesInWalkerOrder() -> [ContextEntry] {
        let count = entries.count
        guard count > 0 else { return [] }
        // Children of each entry (slot 0 is the root), in recording order.
        var starts = [Int32](repeating: 0, count: count + 2)
        for parent in parents { starts[Int(parent) + 2] += 1 }
        for index in 1..<starts.count { starts[index] += starts[index - 1] }
        var children = [Int32](repeating: 0, count: count)
        var fill = starts
        for (index, parent) in parents.enumerated() {
            let slot = Int(parent) + 1
            children[Int(fill[slot])] = Int32(index)
            fill[slot] += 1
        }
        for parent in unsortedParents {
            let slot = Int(parent) + 1
            let range = Int(starts[slot])..<Int(starts[slot + 1])
            let sorted = children[range].sorted { ContextWalker.walkerPrecedes(entries[Int($0)].path.bytes, entries[Int($1)].path.bytes) }
            children.replaceSubrange(range, with: sorted)
        }
        var order: [ContextEntry] = []
        order.reserveCapacity(count)
        // Explicit stack of (slot, next child position) so depth is unlimited.
        var stack: [(slot: Int, next: Int32)] = [(0, starts[0])]
        while !stack.isEmpty {
            let top = stack.count - 1
            let slot = stack[top].slot
            let position = stack[top].next
            if position == starts[slot + 1] {
                stack.removeLast()
                continue
            }
            stack[top].next = position + 1
            let child = Int(children[Int(position)])
            order.append(entries[child])
            if starts[child + 1] < starts[child + 2] { stack.append((child + 1, starts[child + 1])) }
        }
        return order
    }

    /// Sends the excluded ancestors that wait to be containers, outermost first.
    private mutating func emitContainers(from node: Node) {
        var chain: [Node] = []
        var current: Node? = node
        while let candidate = current, case .container = candidate.mode, !candidate.emitted {
            chain.append(candidate)
            current = candidate.parent
        }
        for container in chain.reversed() {
            container.emitted = true
            let parent = container.parent?.entryIndex ?? -1
            container.entryIndex = send(container.entry, .sentAsContainer, parent: parent)
            unsortedParents.insert(Int32(parent))
        }
    }

    /// Marks `node`'s subtree done, reporting a container that never received an entry as
    /// excluded, and completes ancestors whose last child this was.
    private mutating func complete(_ node: Node) {
        var current = node
        while true {
            if case .container(let index) = current.mode, !current.emitted {
                all.add(current.entry)
                visit(current.entry, .excluded(patternIndex: index))
            }
            if current.pendingOpens == 0 { close(current) }
            guard let parent = current.parent else { return }
            parent.outstanding -= 1
            guard parent.outstanding == 0 else { return }
            current = parent
        }
    }
}

extension ContextWalker {
    /// Whether `lhs` comes before `rhs` in walker order (component-wise, byte-wise): byte order,
    /// except that `/` sorts before every other byte. The first difference is found eight bytes
    /// at a time.
    @inline(__always)
    static func walkerPrecedes(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        lhs.withUnsafeBufferPointer { left in
            rhs.withUnsafeBufferPointer { right in
                let common = Swift.min(left.count, right.count)
                var index = 0
                if common >= 8, let a = left.baseAddress, let b = right.baseAddress {
                    let raw = (UnsafeRawPointer(a), UnsafeRawPointer(b))
                    while index + 8 <= common
                            && raw.0.loadUnaligned(fromByteOffset: index, as: UInt64.self) == raw.1.loadUnaligned(fromByteOffset: index, as: UInt64.self) {
                        index += 8
                    }
                }
                while index < common && left[index] == right[index] { index += 1 }
                guard index < common else { return left.count < right.count }
                let a = left[index], b = right[index]
                if a == UInt8(ascii: "/") { return true }
                if b == UInt8(ascii: "/") { return false }
                return a < b
            }
        }
    }

    static func kind(_ type: FileSystem.EntryType) -> ContextEntry.Kind {
        switch type {
        case .regular: .file
        case .directory: .directory
        case .symlink: .symlink
        case .fifo: .fifo
        case .socket: .socket
        case .characterDevice: .characterDevice
        case .blockDevice: .blockDevice
        case .unknown: .unknown
        }
    }
}
