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
