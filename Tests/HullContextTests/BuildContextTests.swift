import Testing
@testable import HullContext

@Suite("Build context analysis")
struct BuildContextTests {
    private func sampleTree(ignore: String?) throws -> TemporaryTree {
        let tree = try TemporaryTree()
        try tree.file("Dockerfile", "FROM node:22\nCOPY . .\n")
        try tree.file("package.json", "{}")
        try tree.file("src/index.js", String(repeating: "x", count: 100))
        try tree.file("node_modules/left-pad/index.js", String(repeating: "y", count: 1_000))
        try tree.file(".git/HEAD", "ref: refs/heads/main\n")
        try tree.file(".env", "API_TOKEN=\(FakeSecret.github)\n")
        if let ignore { try tree.file(".dockerignore", ignore) }
        return tree
    }

    @Test("totals with and without the ignore file, categories, folders and secrets in one analysis")
    func analysis() async throws {
        let tree = try sampleTree(ignore: "node_modules\n.git\n")
        let analysis = try await BuildContext.analyze(root: tree.root)
        #expect(analysis.ignoreFileChoice.source == .contextRoot)
        #expect(analysis.ignoreFileError == nil && !analysis.buildFails)
        #expect(analysis.sent.files == 5)
        #expect(analysis.withoutIgnoreFile?.files == 7)
        #expect(analysis.bytesSaved == Int64(1_021))
        #expect(analysis.sentCategory(.dependencies) == nil)
        #expect(analysis.categoriesWithoutIgnoreFile.first?.category == .dependencies)
        #expect(analysis.largestFolders.topLevel.map(\.path.description) == ["src"])
        #expect(analysis.prunedDirectories.map(\.path.description) == [".git", "node_modules"])
        #expect(analysis.secrets?.findings.map(\.kind) == [.dotenvFile, .githubToken])
        let verdict = try #require(try analysis.verdict(for: "node_modules/left-pad/index.js"))
        #expect(verdict.isExcluded)
        #expect(verdict.decidingPattern?.line == 1)
        #expect(verdict.prunedAncestor == "node_modules")
        #expect(try analysis.verdict(for: "src/index.js")?.isExcluded == false)
        #expect(analysis.decidingCounts == [1, 1])
    }

    @Test("patterns that decide nothing are reported as ineffective")
    func ineffective() async throws {
        let tree = try sampleTree(ignore: "node_modules\nbuild\n*.log\n!src/index.js\n")
        let analysis = try await BuildContext.analyze(root: tree.root, options: .lint)
        #expect(analysis.ineffectivePatterns.map(\.pattern) == ["build", "*.log", "src/index.js"])
    }

    @Test("without an ignore file, COPY . . sends node_modules: the lint question is answerable")
    func noIgnoreFile() async throws {
        let tree = try sampleTree(ignore: nil)
        let analysis = try await BuildContext.analyze(root: tree.root, options: .lint)
        #expect(analysis.ignoreFileChoice.source == .none)
        #expect(analysis.matcher == nil)
        let dependencies = try #require(analysis.sentCategory(.dependencies))
        #expect(dependencies.largestRoots.first?.path.description == "node_modules")
        #expect(dependencies.bytes == 1_000)
        // The lint profile reads no file contents.
        #expect(analysis.secrets?.filesRead == 0)
        #expect(analysis.secrets?.findings.map(\.kind) == [.dotenvFile])
    }

    @Test("an invalid pattern is reported with its line; the rest is still analysed")
    func invalidPattern() async throws {
        let tree = try sampleTree(ignore: "node_modules\n[\n")
        let analysis = try await BuildContext.analyze(root: tree.root)
        #expect(analysis.ignoreFileError == .invalidPattern(pattern: "[", line: 2, problem: .unclosedCharacterClass, foundWhenEvaluated: false))
        #expect(analysis.buildFails)
        #expect(analysis.sentCategory(.dependencies) == nil)
        #expect(analysis.matcher?.droppedPatterns.map(\.pattern.line) == [2])
    }

    @Test("a pattern that fails only when evaluated is reported as such")
    func lazyInvalidPattern() async throws {
        let tree = try sampleTree(ignore: "[Local-Only]\nnode_modules\n")
        let analysis = try await BuildContext.analyze(root: tree.root)
        #expect(analysis.ignoreFileError == .invalidPattern(pattern: "[Local-Only]", line: 1,
                                                            problem: .invalidCharacterClassRange("l-O"), foundWhenEvaluated: true))
        #expect(analysis.sent.files == 6)
    }

    @Test("a per-Dockerfile ignore file replaces the root one")
    func dockerfileSpecific() async throws {
        let tree = try sampleTree(ignore: "node_modules\n")
        try tree.file("build/app.Dockerfile", "FROM scratch\n")
        try tree.file("build/app.Dockerfile.dockerignore", "src\n")
        let analysis = try await BuildContext.analyze(root: tree.root, dockerfile: tree.path("build/app.Dockerfile"))
        #expect(analysis.ignoreFileChoice.source == .dockerfileSpecific)
        #expect(analysis.sentCategory(.dependencies) != nil)
        #expect(!analysis.entries.contains { $0.path == ContextPath("src/index.js") })
    }
}
