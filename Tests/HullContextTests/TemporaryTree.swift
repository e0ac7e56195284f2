import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A scratch directory for one test, removed when the value is released.
final class TemporaryTree {
    let root: String
    /// Set by tests that remove permissions or build very deep trees: cleanup then runs
    /// `chmod -R` and `rm -rf` in a shell instead of `FileManager`.
    var needsShellCleanup = false

    init() throws {
        let base = (NSTemporaryDirectory() as NSString).standardizingPath
        var template = Array("\(base)/hull-context-XXXXXX".utf8CString)
        guard let pointer = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
        root = String(cString: pointer)
    }

    deinit {
        if !needsShellCleanup, (try? FileManager.default.removeItem(atPath: root)) != nil { return }
        // Restore permissions a test may have removed, then delete (rm copes with deep trees).
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "chmod -R u+rwx \"$0\"; rm -rf \"$0\"", root]
        if (try? process.run()) != nil { process.waitUntilExit() }
    }

    func path(_ relative: String) -> String { "\(root)/\(relative)" }

    /// Creates a file (and its parents) with `contents`.
    func file(_ relative: String, _ contents: String = "") throws {
        let url = URL(fileURLWithPath: path(relative))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
    }

    /// Creates a file with raw bytes.
    func file(_ relative: String, bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: path(relative))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    /// Creates a directory (and its parents).
    func directory(_ relative: String) throws {
        try FileManager.default.createDirectory(atPath: path(relative), withIntermediateDirectories: true)
    }

    /// Creates a symbolic link at `relative` pointing to `target`.
    func symlink(_ relative: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path(relative), withDestinationPath: target)
    }

    /// Materialises a conformance `tree` list: a trailing `/` marks an empty directory.
    func materialise(_ tree: [String]) throws {
        for item in tree {
            if item.hasSuffix("/") { try directory(String(item.dropLast())) } else { try file(item, "x") }
        }
    }
}
