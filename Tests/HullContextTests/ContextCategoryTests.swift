import Testing
@testable import HullContext

@Suite("Context categories and folder sizes")
struct ContextCategoryTests {
    @Test("paths fall into the expected category", arguments: [
        (".git/HEAD", false, ContextCategory.versionControl, ".git"),
        ("sub/.hg", true, .versionControl, "sub/.hg"),
        ("node_modules/react/index.js", false, .dependencies, "node_modules"),
        ("packages/a/node_modules/x/test/t.test.js", false, .dependencies, "packages/a/node_modules"),
        ("app/__pycache__/m.cpython-312.pyc", false, .dependencies, "app/__pycache__"),
        (".venv/bin/python", false, .dependencies, ".venv"),
        ("target/debug/app", false, .dependencies, "target"),
        ("dist/bundle.js", false, .buildOutput, "dist"),
        (".next/cache/x", false, .buildOutput, ".next"),
        (".pytest_cache/v/x", false, .caches, ".pytest_cache"),
        (".gradle/8.0/x", false, .caches, ".gradle"),
        (".idea/workspace.xml", false, .editorAndOS, ".idea"),
        ("src/.DS_Store", false, .editorAndOS, "src/.DS_Store"),
        ("Thumbs.db", false, .editorAndOS, "Thumbs.db"),
        ("src/.main.c.swp", false, .editorAndOS, "src/.main.c.swp"),
        ("coverage/lcov.info", false, .testsAndCoverage, "coverage"),
        ("src/button.test.js", false, .testsAndCoverage, "src/button.test.js"),
        ("src/api.spec.ts", false, .testsAndCoverage, "src/api.spec.ts"),
        ("pkg/server_test.go", false, .testsAndCoverage, "pkg/server_test.go"),
        ("tests/test_api.py", false, .testsAndCoverage, "tests"),
        ("__tests__/a.js", false, .testsAndCoverage, "__tests__"),
        ("README.md", false, .documentation, "README.md"),
        ("docs/index.html", false, .documentation, "docs"),
        ("logs/app.log", false, .logs, "logs/app.log"),
    ])
    func categorize(_ path: String, _ isDirectory: Bool, _ category: ContextCategory, _ root: String) throws {
        let match = try #require(ContextCategorizer.categorize(ContextPath(path), isDirectory: isDirectory))
        #expect(match.category == category)
        #expect(match.root == ContextPath(root))
    }

    @Test("ordinary paths have no category", arguments: ["src/main.swift", "Dockerfile", "package.json", "src/test.js", ".md", "docs"])
    func uncategorized(_ path: String) {
        #expect(ContextCategorizer.categorize(ContextPath(path), isDirectory: false) == nil)
    }

    @Test("the aggregator ranks folders at depth 1 and 2 and sums categories")
    func aggregate() {
        var aggregator = ContextAggregator()
        let files: [(String, Int64)] = [
            ("node_modules/a/x.js", 500), ("node_modules/b/y.js", 300), ("src/main.js", 50), ("src/lib/u.js", 20),
            ("README.md", 7), ("packages/p/node_modules/z.js", 100),
        ]
        aggregator.add(ContextEntry(path: ContextPath("node_modules"), kind: .directory, size: 0))
        for (path, size) in files { aggregator.add(ContextEntry(path: ContextPath(path), kind: .file, size: size)) }
        #expect(aggregator.largestFolders(depth: 1, count: 2).map(\.path.description) == ["node_modules", "packages"])
        #expect(aggregator.largestFolders(depth: 1).first?.bytes == 800)
        #expect(aggregator.largestFolders(depth: 2).map(\.path.description) == ["node_modules/a", "node_modules/b", "packages/p", "src/lib"])
        let categories = aggregator.categories()
        let dependencies = categories.first
        #expect(dependencies?.category == .dependencies)
        #expect(dependencies?.bytes == 900 && dependencies?.files == 3 && dependencies?.entries == 4)
        #expect(dependencies?.largestRoots.map(\.path.description) == ["node_modules", "packages/p/node_modules"])
        #expect(categories.last?.category == .documentation)
    }
}

@Suite("Aggregating whole listings")
struct ContextListingAggregationTests {
    @Test("adding a directory listing at once equals adding its entries one by one", arguments: [
        "node_modules/pkg", "src", "src/lib", "docs-old", "a/b/c", "packages/a/node_modules",
    ])
    func listing(_ directory: String) {
        let items: [(String, ContextEntry.Kind, Int64)] = [
            ("index.js", .file, 120), ("README.md", .file, 30), ("test", .directory, 0), ("coverage", .directory, 0),
            (".DS_Store", .file, 6), ("app.log", .file, 900), ("link", .symlink, 0), ("button.test.js", .file, 44), ("pipe", .fifo, 0),
        ]
        var one = ContextAggregator()
        var all = ContextAggregator()
        for (name, kind, size) in items {
            one.add(ContextEntry(path: ContextPath(directory + "/" + name), kind: kind, size: size))
        }
        all.add(listingOf: Array(directory.utf8), items.map { .init(name: Array($0.0.utf8)[...], kind: $0.1, size: $0.2) })
        #expect(one.categories() == all.categories())
        #expect(one.largestFolders(depth: 1) == all.largestFolders(depth: 1))
        #expect(one.largestFolders(depth: 2) == all.largestFolders(depth: 2))
    }
}
