import Foundation
import Testing
@testable import HullContext
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite("Context walker")
struct ContextWalkerTests {
    /// Walks sequentially and with concurrent listing, and checks both give the same result.
    private func walk(_ tree: TemporaryTree, _ ignore: String = "", options: ContextWalker.Options = .init()) async throws -> ContextWalk {
        let matcher = try IgnoreMatcher(ignoreFile: Array(ignore.utf8))
        var sequential = options
        sequential.concurrency = 1
        var concurrent = options
        concurrent.concurrency = 3
        let first = try await ContextWalker(matcher: matcher, options: sequential).walk(root: tree.root)
        let second = try await ContextWalker(matcher: matcher, options: concurrent).walk(root: tree.root)
        #expect(first.entries == second.entries)
        #expect(first.sent == second.sent && first.all == second.all)
        #expect(Set(first.warnings) == Set(second.warnings))
        return first
    }

    @Test("symlinks are sent as links and never followed, so loops end")
    func symlinkLoop() async throws {
        let tree = try TemporaryTree()
        try tree.file("dir/file.txt", "hello")
        try tree.symlink("dir/self", to: ".")
        try tree.symlink("dir/up", to: "..")
        try tree.symlink("a", to: "b")
        try tree.symlink("b", to: "a")
        let result = try await walk(tree)
        #expect(result.listing == ["a", "b", "dir/", "dir/file.txt", "dir/self", "dir/up"])
        #expect(result.entries.filter { $0.kind == .symlink }.map(\.size) == [1, 1, 1, 2])
        #expect(result.sent.symlinks == 4 && result.sent.files == 1 && result.sent.bytes == 5)
    }

    @Test("a FIFO is reported as skipped and never opened")
    func fifo() async throws {
        let tree = try TemporaryTree()
        try tree.file("keep.txt", "x")
        #expect(mkfifo(tree.path("pipe"), 0o644) == 0)
        // Opening the FIFO for reading would block this test forever.
        let result = try await walk(tree)
        #expect(result.listing == ["keep.txt", "pipe"])
        #expect(result.entries.last?.kind == .fifo)
        #expect(result.skipped.map(\.path.description) == ["pipe"])
        #expect(result.sent.special == 1)
        let excluded = try await walk(tree, "pipe\n")
        #expect(excluded.skipped.isEmpty)
    }

    @Test("an unreadable directory does not stop the walk")
    func unreadableDirectoryContinues() async throws {
        let tree = try TemporaryTree()
        try tree.file("locked/secret.txt", "x")
        try tree.file("open/file.txt", "x")
        tree.needsShellCleanup = true
        #expect(chmod(tree.path("locked"), 0) == 0)
        let result = try await walk(tree)
        #expect(result.listing.contains("open/file.txt"))
        #expect(result.listing.contains("locked/"))
    }

    // As root, permission bits do not stop reads, so the warning cannot be provoked; the
    // assertion is skipped there (the walk itself is covered by the test above).
    @Test("an unreadable directory is a warning naming it", .enabled(if: geteuid() != 0, "running as root: permission bits do not stop reads"))
    func unreadableDirectoryWarning() async throws {
        let tree = try TemporaryTree()
        try tree.file("locked/secret.txt", "x")
        try tree.file("open/file.txt", "x")
        tree.needsShellCleanup = true
        #expect(chmod(tree.path("locked"), 0) == 0)
        let result = try await walk(tree)
        let warning = try #require(result.warnings.first { $0.kind == .unreadableDirectory })
        #expect(warning.path.description == "locked")
        #expect(warning.failsBuild)
        #expect(!result.listing.contains("locked/secret.txt"))
        let excluded = try await walk(tree, "locked\n!locked/keep\n")
        #expect(excluded.warnings.first?.failsBuild == false)
    }

    @Test("names that are not UTF-8 keep their bytes and display with replacement characters")
    func nonUTF8Name() async throws {
        let tree = try TemporaryTree()
        let name: [UInt8] = [0x66, 0xFF, 0xFE, 0x2E, 0x74, 0x78, 0x74]  // f\xFF\xFE.txt
        let path = Array(tree.root.utf8) + [0x2F] + name
        let fd = path.withUnsafeBufferPointer { buffer -> Int32 in
            var bytes = buffer.map { CChar(bitPattern: $0) } + [0]
            return open(&bytes, O_CREAT | O_WRONLY, 0o644)
        }
        #expect(fd >= 0)
        close(fd)
        let result = try await walk(tree)
        let entry = try #require(result.entries.first)
        #expect(entry.path.bytes == name)
        #expect(!entry.path.isValidUTF8)
        #expect(entry.path.description == "f\u{FFFD}\u{FFFD}.txt")
        // `?` counts one rune per invalid byte, as Go does.
        #expect(try await walk(tree, "f??.txt").entries.isEmpty)
        #expect(try await walk(tree, "f?.txt").entries.count == 1)
    }

    @Test("a 2,000-deep directory chain is walked without recursion or path-length limits")
    func deepChain() async throws {
        let tree = try TemporaryTree()
        tree.needsShellCleanup = true
        // Build the chain with directory descriptors: the full path exceeds PATH_MAX.
        var fd = open(tree.root, O_RDONLY | O_DIRECTORY)
        for _ in 0..<2_000 {
            #expect(mkdirat(fd, "d", 0o755) == 0)
            let next = openat(fd, "d", O_RDONLY | O_DIRECTORY)
            close(fd)
            fd = next
        }
        let file = openat(fd, "leaf.txt", O_CREAT | O_WRONLY, 0o644)
        #expect(write(file, "leaf", 4) == 4)
        close(file)
        close(fd)
        let result = try await walk(tree)
        #expect(result.sent.directories == 2_000)
        #expect(result.sent.files == 1 && result.sent.bytes == 4)
        #expect(result.entries.last?.path.depth == 2_001)
        #expect(result.warnings.isEmpty)
        let ignored = try await walk(tree, "d/d/d\n")
        #expect(ignored.sent.directories == 2)
        #expect(ignored.all?.directories == 2_000)
    }

    @Test("measuring excluded directories totals the whole tree; pruned ones are listed")
    func totals() async throws {
        let tree = try TemporaryTree()
        try tree.file("node_modules/a/index.js", "12345")
        try tree.file("src/main.js", "123")
        try tree.file(".dockerignore", "node_modules\n")
        let measured = try await walk(tree, "node_modules\n")
        #expect(measured.sent.files == 2 && measured.sent.bytes == 3 + 13)
        #expect(measured.all?.files == 3 && measured.all?.bytes == 3 + 13 + 5)
        #expect(measured.prunedDirectories.map(\.path.description) == ["node_modules"])
        let quick = try await walk(tree, "node_modules\n", options: .init(measureExcluded: false))
        #expect(quick.all == nil)
        #expect(quick.sent == measured.sent)
    }

    @Test("hard links are counted once in unique bytes")
    func hardLinks() async throws {
        let tree = try TemporaryTree()
        try tree.file("a.bin", String(repeating: "x", count: 100))
        #expect(link(tree.path("a.bin"), tree.path("b.bin")) == 0)
        let result = try await walk(tree)
        #expect(result.sent.bytes == 200)
        #expect(result.sent.uniqueBytes == 100)
        #expect(result.entries.map(\.isHardLinkRepeat) == [false, true])
    }

    @Test("the visitor sees every entry once; a container directory is reported as sent once")
    func visitor() async throws {
        let tree = try TemporaryTree()
        try tree.file("docs/README.md")
        try tree.file("docs/guide.md")
        try tree.file("other/x.md")
        let matcher = try IgnoreMatcher(ignoreFile: Array("docs\nother\n!docs/README.md\n".utf8))
        var events: [String: ContextWalker.Disposition] = [:]
        var count = 0
        _ = try await ContextWalker(matcher: matcher).walk(root: tree.root) { entry, disposition in
            events[entry.listing] = disposition
            count += 1
        }
        #expect(count == events.count)
        #expect(events["docs/"] == .sentAsContainer)
        #expect(events["docs/README.md"] == .sent)
        #expect(events["docs/guide.md"] == .excluded(patternIndex: 0))
        #expect(events["other/"] == .excluded(patternIndex: 1))
        #expect(events["other/x.md"] == .excluded(patternIndex: 1))
    }

    @Test("a container that receives nothing is reported excluded once its subtree is done")
    func emptyContainer() async throws {
        let tree = try TemporaryTree()
        try tree.file("a/b/c.txt")
        let matcher = try IgnoreMatcher(ignoreFile: Array("**\n!**/keep\n".utf8))
        var events: [String: ContextWalker.Disposition] = [:]
        let result = try await ContextWalker(matcher: matcher).walk(root: tree.root) { entry, disposition in
            events[entry.listing] = disposition
        }
        #expect(result.entries.isEmpty)
        #expect(events.count == 3)
        #expect(events.values.allSatisfy { !$0.isSent })
        #expect(result.all?.entries == 3)
    }

    @Test("a root that is not a directory is a typed error")
    func rootErrors() async throws {
        let tree = try TemporaryTree()
        try tree.file("file")
        await #expect(throws: HullContextError.notADirectory(path: tree.path("file"))) {
            _ = try await ContextWalker().walk(root: tree.path("file"))
        }
        await #expect(throws: HullContextError.self) {
            _ = try await ContextWalker().walk(root: tree.path("missing"))
        }
    }

    @Test("a lazily failing pattern fails the walk only when it is needed")
    func lazyError() async throws {
        let tree = try TemporaryTree()
        try tree.file("x")
        let fine = try IgnoreMatcher(ignoreFile: Array("*\n[Local-Only]\n".utf8))
        #expect(try await ContextWalker(matcher: fine).walk(root: tree.root).entries.isEmpty)
        let failing = try IgnoreMatcher(ignoreFile: Array("[Local-Only]\n*\n".utf8))
        await #expect(throws: HullContextError.invalidPattern(pattern: "[Local-Only]", line: 1,
                                                             problem: .invalidCharacterClassRange("l-O"),
                                                             foundWhenEvaluated: true)) {
            _ = try await ContextWalker(matcher: failing).walk(root: tree.root)
        }
    }
}
