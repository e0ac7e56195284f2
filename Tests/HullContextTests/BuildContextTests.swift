import Foundation
import Testing
@testable import HullContext
#if canImport(Glibc)
import Glibc
#endif

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

    @Test("the parallel walk of a context without patterns gives the sequential walker's entries, totals and warnings")
    func lanesMatchTheWalker() async throws {
        let tree = try sampleTree(ignore: nil)
        for index in 0..<40 { try tree.file("node_modules/pkg\(index % 7)/lib/f\(index).js", String(repeating: "z", count: index)) }
        try tree.file("a.txt", "a")
        try tree.file("a/b.txt", "b")
        try tree.file("a-b/c.txt", "c")
        try tree.symlink("loop", to: ".")
        try tree.symlink("a/up", to: "..")
        #expect(mkfifo(tree.path("pipe"), 0o644) == 0)
        #expect(link(tree.path("a.txt"), tree.path("a/hard.txt")) == 0)
        let sequential = try await ContextWalker(options: .init(measureExcluded: true)).walk(root: tree.root)
        for lanes in [2, 4] {
            let analysis = try await BuildContext.analyze(root: tree.root, options: .init(measurementLanes: lanes))
            #expect(analysis.entries == sequential.entries)
            #expect(analysis.sent == sequential.sent)
            #expect(analysis.withoutIgnoreFile == sequential.all)
            #expect(Set(analysis.warnings) == Set(sequential.warnings))
        }
        let single = try await BuildContext.analyze(root: tree.root, options: .init(measurementLanes: 1))
        #expect(single.entries == sequential.entries)
    }

    @Test("measuring pruned folders in lanes totals the same as walking them in the walker")
    func measuredLanesMatchTheWalker() async throws {
        let tree = try sampleTree(ignore: "node_modules\n.git\n")
        for index in 0..<60 { try tree.file("node_modules/pkg\(index % 9)/d\(index % 4)/f\(index).js", String(repeating: "q", count: index)) }
        let matcher = try IgnoreMatcher(ignoreFile: Array("node_modules\n.git\n".utf8))
        let walked = try await ContextWalker(matcher: matcher, options: .init(measureExcluded: true)).walk(root: tree.root)
        let analysis = try await BuildContext.analyze(root: tree.root)
        #expect(analysis.withoutIgnoreFile == walked.all)
        #expect(analysis.sent == walked.sent)
        #expect(analysis.categoriesWithoutIgnoreFile.first { $0.category == .dependencies }?.files == 61)
    }
}
