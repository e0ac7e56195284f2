/// What a rule may know about the build context: the files in the context folder and which
/// of them the ignore file keeps out of the build.
public struct BuildContextView: Sendable {
    /// Every regular file and symlink in the context folder, as `/`-separated relative paths,
    /// before the ignore file is applied.
    public var files: [String]
    /// The ignore file in force (`.dockerignore` or `<Dockerfile>.dockerignore`), if any.
    public var ignoreFile: String?
    /// Whether the ignore file excludes a relative path from what the build sends.
    public var isExcluded: @Sendable (String) -> Bool
    private let fileSet: Set<String>

    /// Creates a view.
    public init(files: [String], ignoreFile: String?, isExcluded: @escaping @Sendable (String) -> Bool) {
        self.files = files
        self.ignoreFile = ignoreFile
        self.isExcluded = isExcluded
        self.fileSet = Set(files)
    }

    /// Whether the context folder holds `path` (a file, or a folder with files below it).
    public func contains(_ path: String) -> Bool {
        let normalized = Self.normalize(path)
        if normalized.isEmpty { return true }
        if fileSet.contains(normalized) { return true }
        let prefix = normalized + "/"
        return files.contains { $0.hasPrefix(prefix) }
    }

    /// Whether the build sends `path`: it exists and the ignore file does not exclude it.
    public func sends(_ path: String) -> Bool {
        let normalized = Self.normalize(path)
        return contains(normalized) && !isExcluded(normalized)
    }

    /// The files the build sends.
    public var sentFiles: [String] { files.filter { !isExcluded($0) } }

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
