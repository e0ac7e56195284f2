/// Assigns a sent path to at most one ``ContextCategory``.
///
/// The outermost directory that names a category decides (so `node_modules/x/test/a.js` is a
/// dependency, not a test); otherwise the file name decides.
public enum ContextCategorizer {
    /// A path's category and the path where the category starts (the directory, or the file).
    public struct Match: Hashable, Sendable {
        /// The category.
        public var category: ContextCategory
        /// Where it starts: `node_modules` for `node_modules/a/b.js`, the file itself for `README.md`.
        public var root: ContextPath
    }

    static let directories: [String: ContextCategory] = {
        var table: [String: ContextCategory] = [:]
        for name in [".git", ".hg", ".svn", ".bzr"] { table[name] = .versionControl }
        for name in ["node_modules", "bower_components", "jspm_packages", "vendor", ".venv", "venv", "__pycache__",
                     "target", ".pnpm-store", "Pods", ".bundle", "site-packages", ".yarn", ".terraform"] {
            table[name] = .dependencies
        }
        for name in ["dist", "build", "out", ".next", ".nuxt", ".svelte-kit", ".output", ".build"] { table[name] = .buildOutput }
        for name in [".cache", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".gradle", ".npm", ".parcel-cache",
                     ".turbo", ".tox", ".nox", ".sass-cache", ".angular"] {
            table[name] = .caches
        }
        for name in [".idea", ".vscode", ".vs", ".settings"] { table[name] = .editorAndOS }
        for name in ["test", "tests", "__tests__", "spec", "coverage", ".nyc_output", "htmlcov"] { table[name] = .testsAndCoverage }
        table["docs"] = .documentation
        return table
    }()

    /// ``directories`` keyed by bytes, for the walk's hot path.
    private static let directoryBytes: [ByteKey: ContextCategory] = Dictionary(uniqueKeysWithValues: directories.map { (ByteKey(Array($0.key.utf8)), $0.value) })
    /// The longest directory name in the table; longer components cannot match.
    private static let longestDirectoryName = directories.keys.map(\.utf8.count).max() ?? 0

    static let fileNames: [String: ContextCategory] = [
        ".DS_Store": .editorAndOS, "Thumbs.db": .editorAndOS, "desktop.ini": .editorAndOS,
        ".project": .editorAndOS, ".classpath": .editorAndOS,
        ".coverage": .testsAndCoverage, "coverage.xml": .testsAndCoverage, "lcov.info": .testsAndCoverage,
        ".eslintcache": .caches,
    ]

    private static let fileNameBytes: [ByteKey: ContextCategory] = Dictionary(uniqueKeysWithValues: fileNames.map { (ByteKey(Array($0.key.utf8)), $0.value) })

    static let fileSuffixes: [(String, ContextCategory)] = [
        (".swp", .editorAndOS), (".swo", .editorAndOS), ("~", .editorAndOS),
        (".md", .documentation), (".markdown", .documentation), (".rst", .documentation),
        (".log", .logs),
        ("_test.go", .testsAndCoverage), ("_test.py", .testsAndCoverage),
    ]

    private static let fileSuffixBytes: [([UInt8], ContextCategory)] = fileSuffixes.map { (Array($0.0.utf8), $0.1) }

    static let testInfixes = [".test.", ".spec."]
    static let testExtensions: Set<String> = ["js", "jsx", "ts", "tsx", "mjs", "cjs"]

    /// The category of `path`, where `isDirectory` says whether its last component is a directory.
    public static func categorize(_ path: ContextPath, isDirectory: Bool) -> Match? {
        let bytes = path.bytes
        guard !bytes.isEmpty else { return nil }
        let parentEnd = bytes.lastIndex(of: UInt8(ascii: "/")) ?? -1
        if let match = directoryMatch(bytes, end: max(parentEnd, 0)) { return match }
        if isDirectory { return ownDirectoryMatch(bytes, nameStart: parentEnd + 1) }
        return fileMatch(bytes, nameStart: parentEnd + 1)
    }

    /// The category decided by the directories in `bytes[..<end]` (the outermost that names one).
    static func directoryMatch(_ bytes: [UInt8], end: Int) -> Match? {
        var start = 0
        while start < end {
            var stop = start
            while stop < end && bytes[stop] != UInt8(ascii: "/") { stop += 1 }
            if stop - start <= longestDirectoryName, let category = directoryBytes[ByteKey(bytes[start..<stop])] {
                return Match(category: category, root: ContextPath(bytes: Array(bytes[..<stop])))
            }
            start = stop + 1
        }
        return nil
    }

    /// The category a directory's own name gives it.
    static func ownDirectoryMatch(_ bytes: [UInt8], nameStart: Int) -> Match? {
        guard bytes.count - nameStart <= longestDirectoryName,
              let category = directoryBytes[ByteKey(bytes[nameStart...])] else { return nil }
        return Match(category: category, root: ContextPath(bytes: bytes))
    }

    /// The category a file's name gives it.
    static func fileMatch(_ bytes: [UInt8], nameStart: Int) -> Match? {
        let name = bytes[nameStart...]
        if let category = fileNameBytes[ByteKey(name)] { return Match(category: category, root: ContextPath(bytes: bytes)) }
        for (suffix, category) in fileSuffixBytes where name.count > suffix.count && name.suffix(suffix.count).elementsEqual(suffix) {
            return Match(category: category, root: ContextPath(bytes: bytes))
        }
        if name.starts(with: "test_".utf8) && name.count > 3 && name.suffix(3).elementsEqual(".py".utf8) {
            return Match(category: .testsAndCoverage, root: ContextPath(bytes: bytes))
        }
        guard name.contains(UInt8(ascii: ".")) else { return nil }
        let text = String(decoding: name, as: UTF8.self)
        for infix in testInfixes {
            if let range = text.range(of: infix), testExtensions.contains(String(text[range.upperBound...])) {
                return Match(category: .testsAndCoverage, root: ContextPath(bytes: bytes))
            }
        }
        return nil
    }
}

/// A byte string used as a dictionary key, hashed in one pass.
struct ByteKey: Hashable, Sendable {
    var bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }
    init(_ bytes: ArraySlice<UInt8>) { self.bytes = Array(bytes) }

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}
