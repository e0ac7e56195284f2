/// What a rule may know about the build context: the files the build sends, every file in
/// the context folder (listed on demand), and which paths the ignore file excludes.
public struct BuildContextView: Sendable {
    /// The files (and symlinks) the build sends, as `/`-separated relative paths.
    public let sentFiles: [String]
    /// The ignore file in force (`.dockerignore` or `<Dockerfile>.dockerignore`), if any.
    public let ignoreFile: String?
    /// Whether the ignore file excludes a relative path from what the build sends.
    public let isExcluded: @Sendable (String) -> Bool
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
