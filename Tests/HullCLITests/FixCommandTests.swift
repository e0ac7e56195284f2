import Foundation
import HullTestSupport
import Testing

@Suite("hull fix")
struct FixCommandTests {
    func file(_ bytes: [UInt8], name: String = "Dockerfile") throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hull-fix-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    @Test("fixes in place keeping CRLF, the BOM, tabs and comments in continuations; permissions kept")
    func preserves() throws {
        let input: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("FROM a\r\n\tMAINTAINER me\r\nRUN echo a \\\r\n# inner\r\n\tb\r\n".utf8)
        let url = try file(input)
        chmod(url.path, 0o640)
        let run = try HullExecutable.run(["fix", "--isolated", "--select", "DF001", url.path])
        #expect(run.status == 0)
        let output = [UInt8](try Data(contentsOf: url))
        #expect(output == [0xEF, 0xBB, 0xBF] + Array("FROM a\r\n\tLABEL org.opencontainers.image.authors=\"me\"\r\nRUN echo a \\\r\n# inner\r\n\tb\r\n".utf8))
        #expect(run.stderr.contains("fixed 1 (DF001 ×1)"))
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o640)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)
        #expect(leftovers == ["Dockerfile"], "no temporary file is left behind")
    }

    @Test("--check exits 1 and writes nothing; --diff prints a unified diff and writes nothing")
    func checkAndDiff() throws {
        let input = Array("FROM a\nMAINTAINER me\n".utf8)
        let url = try file(input)
        #expect(try HullExecutable.run(["fix", "--isolated", "--check", url.path]).status == 1)
        let diff = try HullExecutable.run(["fix", "--isolated", "--diff", url.path])
        #expect(diff.status == 0)
        #expect(diff.output.contains("-MAINTAINER me\n+LABEL org.opencontainers.image.authors=\"me\"\n"))
        #expect([UInt8](try Data(contentsOf: url)) == input)
    }

    @Test("- reads standard input and writes the fixed file to standard output")
    func standardStreams() throws {
        let run = try HullExecutable.run(["fix", "--isolated", "--select", "DF001", "-"], stdin: Array("FROM a\nMAINTAINER me\n".utf8))
        #expect(run.status == 0)
        #expect(run.output == "FROM a\nLABEL org.opencontainers.image.authors=\"me\"\n")
    }

    @Test("a folder that cannot be written leaves the original untouched and says so")
    func readOnly() throws {
        let input = Array("FROM a\nMAINTAINER me\n".utf8)
        let url = try file(input)
        let folder = url.deletingLastPathComponent().path
        let locked = Self.lock(folder)
        defer { Self.unlock(folder, locked) }
        try #require(locked, "could not make the folder unwritable")
        let run = try HullExecutable.run(["fix", "--isolated", url.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("the file is unchanged"))
        #expect([UInt8](try Data(contentsOf: url)) == input)
    }

    @Test("a full disk leaves the original untouched", .enabled(if: FixCommandTests.canMountTmpfs, "needs root to mount a tiny tmpfs"))
    func fullDisk() throws {
        let mountPoint = FileManager.default.temporaryDirectory.appendingPathComponent("hull-full-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        #expect(Self.shell("mount -t tmpfs -o size=8k tmpfs \(mountPoint)") == 0)
        defer { _ = Self.shell("umount \(mountPoint)") }
        let target = mountPoint + "/Dockerfile"
        let long = "FROM a\nMAINTAINER " + String(repeating: "x", count: 3000) + "\n"
        try Data(long.utf8).write(to: URL(fileURLWithPath: target))
        _ = Self.shell("dd if=/dev/zero of=\(mountPoint)/filler bs=1k count=16 2>/dev/null")
        let run = try HullExecutable.run(["fix", "--isolated", target])
        #expect(run.status == 2)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == long)
    }

    static var canMountTmpfs: Bool { getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/bin/mount") }

    static func shell(_ command: String) -> Int32 {
        (try? Subprocess.run("/bin/sh", ["-c", command]))?.status ?? -1
    }

    /// Makes a folder unwritable: immutable as root (root ignores permission bits), read-only otherwise.
    static func lock(_ folder: String) -> Bool {
        if getuid() == 0 { return shell("chattr +i '\(folder)' 2>/dev/null") == 0 }
        return chmod(folder, 0o555) == 0
    }

    static func unlock(_ folder: String, _ locked: Bool) {
        if getuid() == 0 { _ = shell("chattr -i '\(folder)' 2>/dev/null") } else { chmod(folder, 0o755) }
    }
}
