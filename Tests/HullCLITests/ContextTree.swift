import Foundation
import Hull
import HullTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A build context on disk for the `hull context`, `hull ignore` and context-rule tests: files
/// with known sizes, plus symlinks, a loop, a FIFO and an unreadable folder when asked.
final class ContextTree {
    let root: URL
    /// Regular files written, with their sizes.
    private(set) var files: [String: Int] = [:]
    /// Whether cleanup must restore permissions first.
    private var locked: [String] = []

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("hull-context-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    deinit {
        for path in locked { chmod(self.path(path), 0o755) }
        try? FileManager.default.removeItem(at: root)
    }

    func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// Writes a file (and its folders).
    func file(_ relative: String, _ text: String) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        files[relative] = text.utf8.count
    }

    /// Writes `count` files of `size` bytes under `folder` (`folder/pkg-N/index-M.js`).
    func many(_ folder: String, count: Int, size: Int) throws {
        for index in 0..<count {
            try file("\(folder)/pkg-\(index / 10)/index-\(index).js", "// FAKE " + String(repeating: "x", count: size - 9) + "\n")
        }
    }

    func symlink(_ relative: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path(relative), withDestinationPath: target)
    }

    func fifo(_ relative: String) {
        mkfifo(path(relative), 0o644)
    }

    /// Makes a folder unreadable (root still reads it).
    func lock(_ relative: String) {
        chmod(path(relative), 0)
        locked.append(relative)
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOfFile: path(relative), encoding: .utf8)
    }

    /// The bytes of the files whose path satisfies `filter`.
    func bytes(where filter: (String) -> Bool) -> Int64 {
        Int64(files.filter { filter($0.key) }.values.reduce(0, +))
    }

    func count(where filter: (String) -> Bool) -> Int {
        files.keys.filter(filter).count
    }

    /// Runs `hull context --format json` and decodes the report.
    func context(_ arguments: [String] = []) throws -> (report: ContextReport, run: HullExecutable.Run) {
        let run = try HullExecutable.run(["context", "--format", "json"] + arguments + [root.path])
        let report = try JSONDecoder().decode(ContextReport.self, from: Data(run.stdout))
        return (report, run)
    }
}
