/// What a rule may know about the build context: the files the build sends, every file in
/// the context folder (listed on demand), which paths the ignore file excludes, and a summary
/// of what is sent (totals, heavy folders, secret-looking files, ignore-file problems).
public struct BuildContextView: Sendable {
    /// The files (and symlinks) the build sends, as `/`-separated relative paths.
    public let sentFiles: [String]
    /// The ignore file in force (`.dockerignore` or `<Dockerfile>.dockerignore`), if any.
    public let ignoreFile: String?
    /// Whether the ignore file excludes a relative path from what the build sends.
    public let isExcluded: @Sendable (String) -> Bool
    /// Regular files and bytes the build sends.
    public var sentTotals = Totals()
    /// Sent folders that hold version-control data, installed dependencies or tool caches,
    /// largest first.
    public var heavyFolders: [HeavyFolder] = []
    /// Sent files whose path marks them as secrets (`.env`, `id_rsa`, `*.key` …).
    public var secretFiles: [SecretFile] = []
    /// Patterns of the ignore file BuildKit rejects (the build fails), in file order.
    public var ignoreFileProblems: [IgnoreFileProblem] = []
    /// Sent directories that cannot be read (BuildKit aborts the transfer on them).
    public var unreadableDirectories: [String] = []
    /// Whether `.dockerignore`-style patterns (as `COPY --exclude` takes them) match a path or
    /// one of its ancestors. The in-memory view compares whole paths and folder prefixes only.
    public var matchesPatterns: @Sendable (_ patterns: [String], _ path: String) -> Bool = { patterns, path in
        patterns.contains { pattern in
            let cleaned = BuildContextView.normalize(pattern)
            return !cleaned.isEmpty && (path == cleaned || path.hasPrefix(cleaned + "/"))
        }
    }
    private let allFiles: @Sendable () -> [String]
    private let exists: @Sendable (String) -> Bool
    private let sentSet: Set<String>

    /// Creates a view.
    /// - Parameters:
    ///   - allFiles: every file in the context folder, before the ignore file (may be computed lazily).
    ///   - exists: whether a relative path (file or folder) exists in the context folder.
    public init(sentFiles: [String], ignoreFile: String?, allFiles: @escaping @Sendable () -> [String],
                exists: @escaping @Sendable (String) -> Bool, isExcluded: @escaping @Sendable (String) -> Bool) {
        self.sentFiles = sentFiles
        self.ignoreFile = ignoreFile
        self.allFiles = allFiles
        self.exists = exists
        self.isExcluded = isExcluded
        self.sentSet = Set(sentFiles)
    }

    /// A view of an in-memory file list (examples and tests).
    public init(files: [String], ignoreFile: String?, isExcluded: @escaping @Sendable (String) -> Bool) {
        let sent = files.filter { !isExcluded($0) }
        let all = Set(files)
        self.init(sentFiles: sent, ignoreFile: ignoreFile, allFiles: { files }, exists: { path in
            path.isEmpty || all.contains(path) || files.contains { $0.hasPrefix(path + "/") }
        }, isExcluded: isExcluded)
        self.sentTotals = Totals(files: sent.count, bytes: 0)
    }

    /// Every file in the context folder, before the ignore file is applied.
    public var files: [String] { allFiles() }

    /// Whether the context folder holds `path` (a file, or a folder with files below it).
    public func contains(_ path: String) -> Bool { exists(Self.normalize(path)) }

    /// Whether the build sends `path`: it exists and the ignore file does not exclude it.
    public func sends(_ path: String) -> Bool {
        let normalized = Self.normalize(path)
        if sentSet.contains(normalized) { return true }
        return contains(normalized) && !isExcluded(normalized)
    }

    /// The sent files at `path` or below it (`""` for the whole context).
    public func sentFiles(under path: String) -> [String] {
        let normalized = Self.normalize(path)
        if normalized.isEmpty { return sentFiles }
        let prefix = normalized + "/"
        return sentFiles.filter { $0 == normalized || $0.hasPrefix(prefix) }
    }

    /// A context-relative path without `./`, leading `/` or trailing `/`.
    public static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }
}
