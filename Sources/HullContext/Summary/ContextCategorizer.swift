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

    static let fileNames: [String: ContextCategory] = [
        ".DS_Store": .editorAndOS, "Thumbs.db": .editorAndOS, "desktop.ini": .editorAndOS,
        ".project": .editorAndOS, ".classpath": .editorAndOS,
        ".coverage": .testsAndCoverage, "coverage.xml": .testsAndCoverage, "lcov.info": .testsAndCoverage,
        ".eslintcache": .caches,
    ]

    static let fileSuffixes: [(String, ContextCategory)] = [
        (".swp", .editorAndOS), (".swo", .editorAndOS), ("~", .editorAndOS),
        (".md", .documentation), (".markdown", .documentation), (".rst", .documentation),
        (".log", .logs),
        ("_test.go", .testsAndCoverage), ("_test.py", .testsAndCoverage),
    ]

    static let testInfixes = [".test.", ".spec."]
    static let testExtensions: Set<String> = ["js", "jsx", "ts", "tsx", "mjs", "cjs"]

    /// The category of `path`, where `isDirectory` says whether its last component is a directory.
    public static func categorize(_ path: ContextPath, isDirectory: Bool) -> Match? {
        let bytes = path.bytes
        guard !bytes.isEmpty else { return nil }
        var start = 0
        while start <= bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "/")) ?? bytes.count
            let isLast = end == bytes.count
            guard !isLast || isDirectory else { break }
            if let category = directories[String(decoding: bytes[start..<end], as: UTF8.self)] {
                return Match(category: category, root: ContextPath(bytes: Array(bytes[..<end])))
            }
            start = end + 1
        }
        guard !isDirectory else { return nil }
        let name = String(decoding: path.name, as: UTF8.self)
        if let category = fileNames[name] { return Match(category: category, root: path) }
        for (suffix, category) in fileSuffixes where name.hasSuffix(suffix) && name.count > suffix.count {
            return Match(category: category, root: path)
        }
        if name.hasPrefix("test_") && name.hasSuffix(".py") { return Match(category: .testsAndCoverage, root: path) }
        for infix in testInfixes {
            if let range = name.range(of: infix), testExtensions.contains(String(name[range.upperBound...])) {
                return Match(category: .testsAndCoverage, root: path)
            }
        }
        return nil
    }
}
