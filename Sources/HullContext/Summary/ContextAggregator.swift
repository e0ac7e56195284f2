/// Streams context entries into categories and folder sizes, keeping one counter per folder and
/// category root rather than the entries themselves.
///
/// Entries arrive grouped by directory (a walk lists one directory at a time), so the category a
/// directory's path gives, and the folder and category-root counters an entry adds to, are
/// remembered from the previous entry and written back only when they change.
public struct ContextAggregator: Sendable {
    struct Tally: Sendable {
        var bytes: Int64 = 0
        var files = 0

        mutating func add(_ other: Tally) {
            bytes += other.bytes
            files += other.files
        }
    }

    private static let categories = ContextCategory.allCases
    private var categoryEntries = [Int](repeating: 0, count: ContextAggregator.categories.count)
    private var categoryTallies = [Tally](repeating: Tally(), count: ContextAggregator.categories.count)
    private var categoryRoots = [[ByteKey: Tally]](repeating: [:], count: ContextAggregator.categories.count)
    /// For categories decided by a file name the roots are files; only the largest are kept.
    private var categoryFiles = [[FolderSize]](repeating: [], count: ContextAggregator.categories.count)
    private static let keptFiles = 20
    private var folders: [ByteKey: Tally] = [:]

    // The previous entry's parent directory and what it decided.
    private var lastParent: [UInt8]?
    private var lastParentMatch: ContextCategorizer.Match?
    // Counters not yet written back.
    private var pendingRoot: (category: Int, root: [UInt8], tally: Tally)?
    private var pendingFolders: [(key: [UInt8], tally: Tally)] = []

    /// An empty aggregator.
    public init() {}

    /// Adds one entry.
    public mutating func add(_ entry: ContextEntry) {
        let bytes = entry.path.bytes
        guard !bytes.isEmpty else { return }
        let isDirectory = entry.kind == .directory
        let isFile = entry.kind == .file
        let size = isFile ? entry.size : 0
        let slash = bytes.lastIndex(of: UInt8(ascii: "/"))
        let parentEnd = slash ?? 0
        let parentMatch: ContextCategorizer.Match?
        if let lastParent, ByteCompare.equals(lastParent, prefixOf: bytes, length: parentEnd) {
            parentMatch = lastParentMatch
        } else {
            parentMatch = ContextCategorizer.directoryMatch(bytes, end: parentEnd)
            lastParent = Array(bytes[..<parentEnd])
            lastParentMatch = parentMatch
        }
        let nameStart = slash.map { $0 + 1 } ?? 0
        let match = parentMatch ?? (isDirectory ? ContextCategorizer.ownDirectoryMatch(bytes, nameStart: nameStart)
                                                : ContextCategorizer.fileMatch(bytes, nameStart: nameStart))
        if let match {
            let category = ContextAggregator.categories.firstIndex(of: match.category)!
            categoryEntries[category] += 1
            if isFile {
                categoryTallies[category].bytes += size
                categoryTallies[category].files += 1
            }
            if isFile && match.root.bytes.count == bytes.count {
                var kept = categoryFiles[category]
                if kept.count < ContextAggregator.keptFiles || size > kept[kept.count - 1].bytes {
                    kept.append(FolderSize(path: entry.path, depth: entry.path.depth, bytes: size, files: 1))
                    kept.sort { $0.bytes > $1.bytes }
                    if kept.count > ContextAggregator.keptFiles { kept.removeLast() }
                    categoryFiles[category] = kept
                }
            } else {
                let tally = Tally(bytes: size, files: isFile ? 1 : 0)
                if let pending = pendingRoot, pending.category == category, pending.root == match.root.bytes {
                    pendingRoot!.tally.add(tally)
                } else {
                    flushRoot()
                    pendingRoot = (category, match.root.bytes, tally)
                }
            }
        }
        guard isFile, slash != nil else { return }
        // The folders at depth 1 and 2 above the file.
        var depth = 0
        for index in bytes.indices where bytes[index] == UInt8(ascii: "/") {
            if depth < pendingFolders.count {
                if ByteCompare.equals(pendingFolders[depth].key, prefixOf: bytes, length: index) {
                    pendingFolders[depth].tally.add(Tally(bytes: size, files: 1))
                } else {
                    flushFolder(depth)
                    pendingFolders[depth] = (Array(bytes[..<index]), Tally(bytes: size, files: 1))
                }
            } else {
                pendingFolders.append((Array(bytes[..<index]), Tally(bytes: size, files: 1)))
            }
            depth += 1
            if depth == 2 { break }
        }
    }

    /// One entry of a directory listing given to ``add(listingOf:_:)``.
    struct ListedItem {
        var name: ArraySlice<UInt8>
        var kind: ContextEntry.Kind
        var size: Int64
    }

    /// Adds every entry of one directory listing at once: the same result as adding each entry
    /// (`directory/name`), without building each path. Entries below a folder that names a
    /// category (`node_modules/x/...`) and the folder counters above them are summed once.
    mutating func add(listingOf directory: [UInt8], _ items: [ListedItem]) {
        guard !directory.isEmpty else {
            for item in items { add(ContextEntry(path: ContextPath(bytes: Array(item.name)), kind: item.kind, size: item.size)) }
            return
        }
        let parentMatch = ContextCategorizer.directoryMatch(directory, end: directory.count)
        var fileTally = Tally()
        for item in items where item.kind == .file { fileTally.add(Tally(bytes: item.size, files: 1)) }
        if let parentMatch {
            let category = ContextAggregator.categories.firstIndex(of: parentMatch.category)!
            categoryEntries[category] += items.count
            categoryTallies[category].add(fileTally)
            if let pending = pendingRoot, pending.category == category, pending.root == parentMatch.root.bytes {
                pendingRoot!.tally.add(fileTally)
            } else {
                flushRoot()
                pendingRoot = (category, parentMatch.root.bytes, fileTally)
            }
        } else {
            for item in items {
                let path = directory + [UInt8(ascii: "/")] + item.name
                let nameStart = directory.count + 1
                let match = item.kind == .directory ? ContextCategorizer.ownDirectoryMatch(path, nameStart: nameStart)
                                                    : ContextCategorizer.fileMatch(path, nameStart: nameStart)
                guard match != nil else { continue }
                // Rare: record the category entry by entry; folders are added below.
                addCategory(ContextEntry(path: ContextPath(bytes: path), kind: item.kind, size: item.size), match!)
            }
        }
        guard fileTally.files > 0 else { return }
        var depth = 0
        var index = 0
        let ends = directory.indices.filter { directory[$0] == UInt8(ascii: "/") } + [directory.count]
        while depth < 2 && index < ends.count {
            let end = ends[index]
            if depth < pendingFolders.count {
                if ByteCompare.equals(pendingFolders[depth].key, prefixOf: directory, length: end) {
                    pendingFolders[depth].tally.add(fileTally)
                } else {
                    flushFolder(depth)
                    pendingFolders[depth] = (Array(directory[..<end]), fileTally)
                }
            } else {
                pendingFolders.append((Array(directory[..<end]), fileTally))
            }
            depth += 1
            index += 1
        }
    }

    /// The category part of ``add(_:)`` for an entry whose match is known.
    private mutating func addCategory(_ entry: ContextEntry, _ match: ContextCategorizer.Match) {
        let isFile = entry.kind == .file
        let size = isFile ? entry.size : 0
        let category = ContextAggregator.categories.firstIndex(of: match.category)!
        categoryEntries[category] += 1
        if isFile {
            categoryTallies[category].bytes += size
            categoryTallies[category].files += 1
        }
        if isFile && match.root.bytes.count == entry.path.bytes.count {
            var kept = categoryFiles[category]
            if kept.count < ContextAggregator.keptFiles || size > kept[kept.count - 1].bytes {
                kept.append(FolderSize(path: entry.path, depth: entry.path.depth, bytes: size, files: 1))
                kept.sort { $0.bytes > $1.bytes }
                if kept.count > ContextAggregator.keptFiles { kept.removeLast() }
                categoryFiles[category] = kept
            }
        } else {
            flushRoot()
            categoryRoots[category][ByteKey(match.root.bytes), default: Tally()].add(Tally(bytes: size, files: isFile ? 1 : 0))
        }
    }

    private mutating func flushRoot() {
        guard let pending = pendingRoot else { return }
        categoryRoots[pending.category][ByteKey(pending.root), default: Tally()].add(pending.tally)
        pendingRoot = nil
    }

    private mutating func flushFolder(_ depth: Int) {
        let pending = pendingFolders[depth]
        folders[ByteKey(pending.key), default: Tally()].add(pending.tally)
        pendingFolders[depth].tally = Tally()
    }

    private func flushed() -> ContextAggregator {
        var copy = self
        copy.flushRoot()
        for depth in copy.pendingFolders.indices { copy.flushFolder(depth) }
        copy.pendingFolders = []
        return copy
    }

    /// Adds everything `other` aggregated.
    public mutating func merge(_ other: ContextAggregator) {
        self = flushed()
        let other = other.flushed()
        for index in ContextAggregator.categories.indices {
            categoryEntries[index] += other.categoryEntries[index]
            categoryTallies[index].add(other.categoryTallies[index])
            categoryRoots[index].merge(other.categoryRoots[index]) { var sum = $0; sum.add($1); return sum }
            let files = (categoryFiles[index] + other.categoryFiles[index]).sorted { $0.bytes > $1.bytes }
            categoryFiles[index] = Array(files.prefix(ContextAggregator.keptFiles))
        }
        folders.merge(other.folders) { var sum = $0; sum.add($1); return sum }
    }

    /// One summary per category present, largest first.
    public func categories(largestRoots count: Int = 5) -> [CategorySummary] {
        let all = flushed()
        return ContextAggregator.categories.indices.compactMap { index -> CategorySummary? in
            guard all.categoryEntries[index] > 0 else { return nil }
            let tally = all.categoryTallies[index]
            let roots = all.categoryRoots[index]
                .map { FolderSize(path: ContextPath(bytes: $0.key.bytes), depth: ContextPath(bytes: $0.key.bytes).depth, bytes: $0.value.bytes, files: $0.value.files) }
                + all.categoryFiles[index]
            return CategorySummary(category: ContextAggregator.categories[index], entries: all.categoryEntries[index], files: tally.files,
                                   bytes: tally.bytes, largestRoots: ContextAggregator.top(roots, count))
        }
        .sorted { ($0.bytes, $1.category.rawValue) > ($1.bytes, $0.category.rawValue) }
    }

    /// The `count` largest folders at `depth` (1 or 2), by bytes.
    public func largestFolders(depth: Int, count: Int = 10) -> [FolderSize] {
        let all = flushed()
        let candidates = all.folders.compactMap { key, tally -> FolderSize? in
            let path = ContextPath(bytes: key.bytes)
            return path.depth == depth ? FolderSize(path: path, depth: depth, bytes: tally.bytes, files: tally.files) : nil
        }
        return ContextAggregator.top(candidates, count)
    }

    private static func top(_ sizes: [FolderSize], _ count: Int) -> [FolderSize] {
        Array(sizes.sorted { ($0.bytes, $1.path) > ($1.bytes, $0.path) }.prefix(count))
    }
}
