/// Streams context entries into categories and folder sizes, keeping one counter per folder and
/// category root rather than the entries themselves.
public struct ContextAggregator: Sendable {
    private struct Tally: Sendable {
        var bytes: Int64 = 0
        var files = 0
    }

    private var categoryEntries: [ContextCategory: Int] = [:]
    private var categoryTallies: [ContextCategory: Tally] = [:]
    private var categoryRoots: [ContextCategory: [[UInt8]: Tally]] = [:]
    /// For categories decided by a file name the roots are files; only the largest are kept.
    private var categoryFiles: [ContextCategory: [FolderSize]] = [:]
    private static let keptFiles = 20
    private var folders: [[UInt8]: Tally] = [:]

    /// An empty aggregator.
    public init() {}

    /// Adds one entry.
    public mutating func add(_ entry: ContextEntry) {
        let isDirectory = entry.kind == .directory
        let isFile = entry.kind == .file
        let bytes = isFile ? entry.size : 0
        if let match = ContextCategorizer.categorize(entry.path, isDirectory: isDirectory) {
            categoryEntries[match.category, default: 0] += 1
            if isFile {
                categoryTallies[match.category, default: Tally()].bytes += bytes
                categoryTallies[match.category, default: Tally()].files += 1
            }
            if isFile && match.root == entry.path {
                var kept = categoryFiles[match.category] ?? []
                if kept.count < ContextAggregator.keptFiles || bytes > kept[kept.count - 1].bytes {
                    kept.append(FolderSize(path: entry.path, depth: entry.path.depth, bytes: bytes, files: 1))
                    kept.sort { $0.bytes > $1.bytes }
                    if kept.count > ContextAggregator.keptFiles { kept.removeLast() }
                    categoryFiles[match.category] = kept
                }
            } else {
                categoryRoots[match.category, default: [:]][match.root.bytes, default: Tally()].bytes += bytes
                if isFile { categoryRoots[match.category, default: [:]][match.root.bytes, default: Tally()].files += 1 }
            }
        }
        guard isFile else { return }
        var seen = 0
        for (index, byte) in entry.path.bytes.enumerated() where byte == UInt8(ascii: "/") {
            seen += 1
            let folder = Array(entry.path.bytes[..<index])
            folders[folder, default: Tally()].bytes += bytes
            folders[folder, default: Tally()].files += 1
            if seen == 2 { break }
        }
    }

    /// One summary per category present, largest first.
    public func categories(largestRoots count: Int = 5) -> [CategorySummary] {
        categoryEntries.keys.map { category in
            let tally = categoryTallies[category] ?? Tally()
            let roots = (categoryRoots[category] ?? [:])
                .map { FolderSize(path: ContextPath(bytes: $0.key), depth: ContextPath(bytes: $0.key).depth, bytes: $0.value.bytes, files: $0.value.files) }
                + (categoryFiles[category] ?? [])
            return CategorySummary(category: category, entries: categoryEntries[category] ?? 0, files: tally.files,
                                   bytes: tally.bytes, largestRoots: ContextAggregator.top(roots, count))
        }
        .sorted { ($0.bytes, $1.category.rawValue) > ($1.bytes, $0.category.rawValue) }
    }

    /// The `count` largest folders at `depth` (1 or 2), by bytes.
    public func largestFolders(depth: Int, count: Int = 10) -> [FolderSize] {
        let candidates = folders.compactMap { key, tally -> FolderSize? in
            let path = ContextPath(bytes: key)
            return path.depth == depth ? FolderSize(path: path, depth: depth, bytes: tally.bytes, files: tally.files) : nil
        }
        return ContextAggregator.top(candidates, count)
    }

    private static func top(_ sizes: [FolderSize], _ count: Int) -> [FolderSize] {
        Array(sizes.sorted { ($0.bytes, $1.path) > ($1.bytes, $0.path) }.prefix(count))
    }
}
