import Foundation
import HullTestSupport
import Testing

@Suite("hull image")
struct ImageCommandTests {
    static func archive(user: String, extraLayers: [[UInt8]] = []) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hull-image-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let base = TarWriter.archive([.directory("bin/"), .file("bin/app", bytes: [UInt8](repeating: 7, count: 4000), mode: 0o755),
                                      .file("tmp/big", bytes: [UInt8](repeating: 1, count: 100_000))])
        let config: [String: Any] = ["os": "linux", "architecture": "amd64",
                                     "config": ["User": user, "Cmd": ["/bin/app"], "Healthcheck": ["Test": ["CMD", "/bin/app", "check"]]]]
        let bytes = try ImageArchiveWriter.dockerArchive(layers: [base] + extraLayers, config: config)
        let path = folder.appendingPathComponent("image.tar")
        try Data(bytes).write(to: path)
        return path
    }

    @Test("a clean image exits 0; a root image exits 1 at the default fail level and 0 with --fail-level error")
    func exitCodes() throws {
        let clean = try Self.archive(user: "1000")
        let ok = try HullExecutable.run(["image", clean.path, "--color", "never"])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(String(decoding: ok.stdout, as: UTF8.self).contains("user:        1000"))
        let root = try Self.archive(user: "")
        let failed = try HullExecutable.run(["image", root.path])
        #expect(failed.status == 1)
        #expect(String(decoding: failed.stdout, as: UTF8.self).contains("IM001 image-root-user"))
        #expect(try HullExecutable.run(["image", root.path, "--fail-level", "error"]).status == 0)
    }

    @Test("--ignore, --select and --extend-select choose IM rules by code, prefix, name or Dockle ID")
    func selection() throws {
        let root = try Self.archive(user: "")
        for arguments in [["--ignore", "IM001"], ["--ignore", "image-root-user"], ["--ignore", "CIS-DI-0001,IM021"], ["--select", "IM004,IM019"]] {
            let run = try HullExecutable.run(["image", root.path, "--color", "never"] + arguments)
            #expect(run.status == 0, "\(arguments): \(run.output)")
            #expect(!run.output.contains("IM001 image-root-user"), "\(arguments)")
        }
        let selected = try HullExecutable.run(["image", root.path, "--format", "lint-json", "--select", "IM0", "--ignore", "IM021"])
        #expect(selected.status == 1)
        #expect(selected.output.contains("\"IM001\"") && !selected.output.contains("\"IM021\""))
        let bad = try HullExecutable.run(["image", root.path, "--config", root.deletingLastPathComponent().appendingPathComponent("missing.yaml").path])
        #expect(bad.status == 2 && bad.stderr.contains("missing.yaml"))
    }

    @Test(".hull.yaml in the current folder (or --config) sets ignores, severities and the fail level")
    func configuration() throws {
        let root = try Self.archive(user: "")
        let project = root.deletingLastPathComponent().appendingPathComponent("project")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        try Data("ignore: [image-root-user]\n".utf8).write(to: project.appendingPathComponent(".hull.yaml"))
        let ignored = try HullExecutable.run(["image", root.path, "--color", "never"], directory: project)
        #expect(ignored.status == 0, "\(ignored.output)")
        #expect(!ignored.output.contains("IM001"))
        #expect(try HullExecutable.run(["image", root.path, "--isolated"], directory: project).status == 1)
        let other = root.deletingLastPathComponent().appendingPathComponent("strict.yaml")
        try Data("severity:\n  IM021: error\nfail-level: error\nignore: [IM001]\n".utf8).write(to: other)
        let strict = try HullExecutable.run(["image", root.path, "--config", other.path, "--color", "never"], directory: project, environment: ["DOCKER_CONTENT_TRUST": "0"])
        #expect(strict.status == 1, "\(strict.output)")
        #expect(strict.output.contains("IM021") && !strict.output.contains("IM001"))
        let bad = root.deletingLastPathComponent().appendingPathComponent("bad.yaml")
        try Data("ignor: [IM001]\n".utf8).write(to: bad)
        let refused = try HullExecutable.run(["image", root.path, "--config", bad.path])
        #expect(refused.status == 2 && refused.stderr.contains("ignor"), "\(refused.stderr)")
    }

    @Test("a finding names the Dockerfile rule its layer's history line points to")
    func counterpart() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hull-image-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let base = TarWriter.archive([.directory("bin/"), .file("bin/app", "elf", mode: 0o755)])
        let apt = TarWriter.archive([.directory("var/lib/apt/lists/"), .file("var/lib/apt/lists/deb_InRelease", bytes: [UInt8](repeating: 1, count: 5000))])
        let copy = TarWriter.archive([.directory("app/"), .file("app/.env", "DB_PASSWORD=correct-horse-battery\n")])
        let config: [String: Any] = ["os": "linux", "architecture": "amd64", "config": ["User": "app", "Healthcheck": ["Test": ["CMD", "true"]]],
                                     "history": [["created_by": "ADD rootfs.tar /"], ["created_by": "RUN /bin/sh -c apt-get update && apt-get install -y curl"],
                                                 ["created_by": "COPY . /app # buildkit"]]]
        let path = folder.appendingPathComponent("image.tar")
        try Data(ImageArchiveWriter.dockerArchive(layers: [base, apt, copy], config: config)).write(to: path)
        let run = try HullExecutable.run(["image", path.path, "--format", "lint-json"], environment: ["DOCKER_CONTENT_TRUST": "1"])
        #expect(run.status == 1)
        #expect(run.output.contains("in a Dockerfile, SH005 (apt-lists-not-removed) flags this: history line 1"), "\(run.output)")
        #expect(run.output.contains("in a Dockerfile, CX003 (broad-copy-includes-secret) flags this: history line 2"), "\(run.output)")
    }

    @Test("`hull rules` lists the IM rules; `hull rule` explains one with its example images, and every rule a peer ID names")
    func catalogue() throws {
        let rules = try HullExecutable.run(["rules"])
        #expect(rules.status == 0)
        let codes = rules.output.split(separator: "\n").compactMap { $0.split(separator: " ").first }.filter { $0.hasPrefix("IM") }
        #expect(codes == (1...21).map { Substring(String(format: "IM%03d", $0)) })
        let explained = try HullExecutable.run(["rule", "image-package-cache"])
        #expect(explained.status == 0)
        #expect(explained.output.contains("IM016 image-package-cache") && explained.output.contains("Flagged (/var/lib/apt/lists)"))
        #expect(explained.output.contains("RUN /bin/sh -c pip install flask"))
        let both = try HullExecutable.run(["rule", "CIS-DI-0001"])
        #expect(both.output.contains("DF005 root-user") && both.output.contains("IM001 image-root-user"))
    }

    @Test("--ci fails on dive's thresholds when a later layer deletes a large file")
    func ci() throws {
        let image = try Self.archive(user: "1000", extraLayers: [TarWriter.archive([.file("tmp/.wh.big", "")])])
        let run = try HullExecutable.run(["image", image.path, "--ci", "--format", "json"])
        #expect(run.status == 1)
        let document = try JSONSerialization.jsonObject(with: Data(run.stdout)) as? [String: Any]
        let ci = document?["ci"] as? [String: Any]
        #expect(ci?["passed"] as? Bool == false)
        let waste = (document?["image"] as? [String: Any])?["waste"] as? [String: Any]
        #expect(waste?["hiddenBytes"] as? Int == 100_000)
        let passing = try HullExecutable.run(["image", image.path, "--ci", "--lowest-efficiency", "0", "--highest-user-wasted-percent", "1"])
        #expect(passing.status == 0, "\(String(decoding: passing.stdout, as: UTF8.self))")
    }

    @Test("not an image, a missing file and a bad platform exit 2 with a message")
    func errors() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hull-image-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let text = folder.appendingPathComponent("notes.txt")
        try Data(String(repeating: "not a tar ", count: 100).utf8).write(to: text)
        for arguments in [["image", text.path], ["image", folder.path + "/missing.tar"], ["image", try Self.archive(user: "1").path, "--platform", "amd64"]] {
            let run = try HullExecutable.run(arguments)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stderr.hasPrefix("hull: "), "\(arguments): \(run.stderr)")
        }
    }

    @Test("SARIF points at the layer and path of a finding")
    func sarif() throws {
        let image = try Self.archive(user: "1000", extraLayers: [TarWriter.archive([.file("app/.env", "API_TOKEN=abcdefghijklmnop1234\n")])])
        let run = try HullExecutable.run(["image", image.path, "--format", "sarif"])
        #expect(run.status == 1)
        let text = String(decoding: run.stdout, as: UTF8.self)
        #expect(text.contains("IM006") && text.contains("/app/.env") && text.contains("CIS-DI-0010"))
    }

    @Test("the JSON output validates against Docs/schemas/image-v1.schema.json",
          .enabled(if: CacheCommandTests.jsonSchemaPython != nil, "needs python3 with the jsonschema package (or HULL_PYTHON)"))
    func schema() throws {
        let image = try Self.archive(user: "", extraLayers: [TarWriter.archive([.file("tmp/.wh.big", ""), .file("/abs", "x"), .file("app/.git/config", "[core]")])])
        let run = try HullExecutable.run(["image", image.path, "--format", "json", "--ci"])
        let instance = image.deletingLastPathComponent().appendingPathComponent("out.json")
        try Data(run.stdout).write(to: instance)
        let schema = SharedData.packageRoot.appendingPathComponent("Docs/schemas/image-v1.schema.json").path
        let script = "import json,sys,jsonschema; jsonschema.Draft202012Validator(json.load(open(sys.argv[1]))).validate(json.load(open(sys.argv[2])))"
        let result = try Subprocess.run(CacheCommandTests.jsonSchemaPython!, ["-c", script, schema, instance.path])
        #expect(result.status == 0, "\(String(decoding: result.stderr, as: UTF8.self))")
    }
}
