import Foundation
import Hull
import HullTestSupport
import Testing

/// `hull check --image` and `hull compare` of two archives, with images assembled in the test.
@Suite("hull check --image and hull compare of image archives")
struct CheckImageTests {
    /// A temporary folder with a Dockerfile and image archives written into it.
    final class Folder {
        let root: URL
        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("hull-check-image-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(at: root) }

        @discardableResult
        func write(_ relative: String, _ bytes: [UInt8]) throws -> String {
            let url = root.appendingPathComponent(relative)
            try Data(bytes).write(to: url)
            return url.path
        }
    }

    static let app = Array("console.log('hello')\n".utf8)
    static let env = Array("DB_PASSWORD=correct-horse-battery\n".utf8)
    static let big = [UInt8](repeating: 7, count: 1000)

    /// Runs as root (no User), ships `/app/.env`, has `API_TOKEN` in ENV, and a 1,000-byte file a later layer deletes.
    static func wastefulImage() throws -> [UInt8] {
        let first = TarWriter.archive([.file("app/app.js", bytes: app), .file("app/.env", bytes: env), .file("tmp/big", bytes: big)])
        let second = TarWriter.archive([.file("tmp/.wh.big", "")])
        return try ImageArchiveWriter.dockerArchive(layers: [first, second], config: [
            "os": "linux", "architecture": "amd64",
            "config": ["Env": ["API_TOKEN=abcdef123456", "PATH=/usr/bin:/bin"], "Cmd": ["node", "/app/app.js"]],
            "history": [["created_by": "COPY . /app"], ["created_by": "RUN rm /tmp/big"]],
        ])
    }

    /// One layer with the application only, running as `app`.
    static func leanImage() throws -> [UInt8] {
        let layer = TarWriter.archive([.file("app/app.js", bytes: app)])
        return try ImageArchiveWriter.dockerArchive(layers: [layer], config: [
            "os": "linux", "architecture": "amd64",
            "config": ["User": "app", "Env": ["PATH=/usr/bin:/bin"], "Cmd": ["node", "/app/app.js"]],
            "history": [["created_by": "COPY app.js /app/"]],
        ])
    }

    static let dockerfile = "FROM node:20-alpine\nCOPY app.js /app/\nCMD [\"node\", \"/app/app.js\"]\n"

    /// The severities of `hull image --format json`'s findings, counted.
    static func imageCounts(_ archive: String) throws -> [String: Int] {
        let run = try HullExecutable.run(["image", "--isolated", "--format", "json", archive])
        #expect(run.status != 2, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout)) as? [String: Any])
        var counts = ["error": 0, "warning": 0, "info": 0, "style": 0]
        for diagnostic in json["diagnostics"] as? [[String: Any]] ?? [] { counts[diagnostic["severity"] as? String ?? "?", default: 0] += 1 }
        return counts
    }

    @Test("--image adds the measured rows to the now column; after fix keeps the estimate")
    func checkWithImage() throws {
        let folder = try Folder()
        try folder.write("Dockerfile", Array(Self.dockerfile.utf8))
        try folder.write("app.js", Self.app)
        let archive = try folder.write("image.tar", try Self.wastefulImage())

        let plain = try HullExecutable.run(["check", "--isolated", "--format", "json", folder.root.path])
        let plainReport = try JSONDecoder().decode(CheckReport.self, from: Data(plain.stdout))
        #expect(plainReport.results.first?.now.image == nil, "no image rows without --image")

        let run = try HullExecutable.run(["check", "--isolated", "--format", "json", "--image", archive, folder.root.path])
        let report = try JSONDecoder().decode(CheckReport.self, from: Data(run.stdout))
        let result = try #require(report.results.first)
        let image = try #require(result.now.image)
        #expect(result.afterFix.image == nil)
        #expect(image.archive == archive && image.format == "docker-archive" && image.platform == "linux/amd64")
        #expect(image.layers == 2)
        #expect(image.bytes == Int64(Self.app.count + Self.env.count + Self.big.count), "the layers' file sizes")
        #expect(image.storedBytes > image.bytes, "uncompressed tar layers: headers and padding on top of the files")
        #expect(image.user.name == "root" && image.user.isRoot)
        #expect(image.secrets.contains { $0.place == "file" && $0.name == "/app/.env" && $0.layer == 0 && !$0.deletedLater })
        #expect(image.secrets.contains { $0.place == "env" && $0.name == "API_TOKEN" })
        #expect(!image.secrets.contains { $0.name == "PATH" })
        #expect(image.wastedBytes == 1000, "tmp/big, deleted by the second layer")
        let kept = Double(Self.app.count + Self.env.count)
        #expect(abs(image.efficiency - kept / (kept + 1000)) < 1e-9)
        let counts = try Self.imageCounts(archive)
        #expect(image.findings == counts, "the same findings as hull image")
        #expect(counts.values.reduce(0, +) > 0, "a root image with a secret file breaks image rules")
        let imageFails = (counts["error"] ?? 0) + (counts["warning"] ?? 0) > 0
        #expect(result.failed == (plainReport.results.first?.failed == true || imageFails))
        #expect(run.status == (result.failed ? 1 : 0))
        // The Dockerfile rows are those of a run without the image.
        #expect(result.now.user == plainReport.results.first?.now.user)
        #expect(result.now.findings == plainReport.results.first?.now.findings)

        let text = try HullExecutable.run(["check", "--isolated", "--image", archive, folder.root.path]).output
        let size = try #require(text.split(separator: "\n").first { $0.contains("image size") })
        #expect(size.contains("(measured;"), "\(size)")
        #expect(size.contains("(base image, estimated)"), "after fix keeps the estimate: \(size)")
        let secrets = try #require(text.split(separator: "\n").first { $0.contains("image secrets") })
        #expect(secrets.contains("API_TOKEN (ENV)"), "\(secrets)")
        #expect(secrets.components(separatedBy: "/app/.env (layer 0)").count == 2, "each secret place once: \(secrets)")
        #expect(text.split(separator: "\n").contains { $0.contains("image waste") && $0.contains("wasted") && $0.contains("efficient") })
        #expect(text.contains("image rows: measured in \(archive)"))
    }

    @Test("--image errors: an unreadable archive, several Dockerfiles, --platform alone")
    func checkImageErrors() throws {
        let folder = try Folder()
        try folder.write("Dockerfile", Array(Self.dockerfile.utf8))
        try folder.write("app.js", Self.app)
        let missing = try HullExecutable.run(["check", "--isolated", "--image", folder.root.appendingPathComponent("nope.tar").path, folder.root.path])
        #expect(missing.status == 2 && missing.stderr.contains("nope.tar"), "\(missing.stderr)")
        let junk = try folder.write("junk.tar", Array("not an archive at all".utf8))
        let broken = try HullExecutable.run(["check", "--isolated", "--image", junk, folder.root.path])
        #expect(broken.status == 2 && broken.stderr.contains("junk.tar"), "\(broken.stderr)")
        let archive = try folder.write("image.tar", try Self.leanImage())
        try folder.write("Dockerfile.dev", Array(Self.dockerfile.utf8))
        let two = try HullExecutable.run(["check", "--isolated", "--image", archive, folder.root.path])
        #expect(two.status == 2 && two.stderr.contains("2 Dockerfiles found"), "\(two.stderr)")
        let platform = try HullExecutable.run(["check", "--isolated", "--platform", "linux/amd64", folder.root.appendingPathComponent("Dockerfile").path])
        #expect(platform.status == 2 && platform.stderr.contains("--platform needs --image"), "\(platform.stderr)")
    }

    @Test("hull compare of two image archives puts their image rows side by side")
    func compareImages() throws {
        let folder = try Folder()
        let wasteful = try folder.write("before.tar", try Self.wastefulImage())
        let lean = try folder.write("after.tar", try Self.leanImage())
        let run = try HullExecutable.run(["compare", "--isolated", "--format", "json", wasteful, lean])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try JSONDecoder().decode(ImageCompareReport.self, from: Data(run.stdout))
        #expect(report.left.archive == wasteful && report.right.archive == lean)
        #expect(report.left.layers == 2 && report.right.layers == 1)
        #expect(report.left.bytes == Int64(Self.app.count + Self.env.count + Self.big.count))
        #expect(report.right.bytes == Int64(Self.app.count))
        #expect(report.left.user.isRoot && report.right.user.name == "app" && !report.right.user.isRoot)
        #expect(!report.left.secrets.isEmpty && report.right.secrets.isEmpty)
        #expect(report.left.wastedBytes == 1000 && report.right.wastedBytes == 0 && report.right.efficiency == 1)
        let leftCounts = try Self.imageCounts(wasteful), rightCounts = try Self.imageCounts(lean)
        #expect(report.left.findings == leftCounts && report.right.findings == rightCounts)

        let text = try HullExecutable.run(["compare", wasteful, lean]).output
        let lines = text.split(separator: "\n").map(String.init)
        let user = try #require(lines.first { $0.contains("image user") })
        #expect(user.contains("root (no USER)") && user.hasSuffix("app"), "\(user)")
        #expect(lines.contains { $0.contains("image layers") && $0.contains("2") && $0.hasSuffix("1") })

        let dockerfile = try folder.write("Dockerfile", Array(Self.dockerfile.utf8))
        let mixed = try HullExecutable.run(["compare", dockerfile, lean])
        #expect(mixed.status == 2 && mixed.stderr.contains("is an image archive"), "\(mixed.stderr)")
    }

    @Test("the JSON of hull check --image and of hull compare of images validates against the schema",
          .enabled(if: CacheCommandTests.jsonSchemaPython != nil, "needs python3 with the jsonschema package (or HULL_PYTHON)"))
    func schema() throws {
        let folder = try Folder()
        try folder.write("Dockerfile", Array(Self.dockerfile.utf8))
        try folder.write("app.js", Self.app)
        let wasteful = try folder.write("before.tar", try Self.wastefulImage())
        let lean = try folder.write("after.tar", try Self.leanImage())
        let schema = SharedData.packageRoot.appendingPathComponent("Docs/schemas/check-v1.schema.json").path
        for (name, arguments) in [("check", ["check", "--isolated", "--format", "json", "--image", wasteful, folder.root.path]),
                                  ("compare", ["compare", "--isolated", "--format", "json", wasteful, lean])] {
            let run = try HullExecutable.run(arguments)
            let instance = try folder.write("out-\(name).json", run.stdout)
            let script = "import json,sys,jsonschema; jsonschema.Draft202012Validator(json.load(open(sys.argv[1]))).validate(json.load(open(sys.argv[2])))"
            let result = try Subprocess.run(CacheCommandTests.jsonSchemaPython!, ["-c", script, schema, instance])
            #expect(result.status == 0, "\(name): \(String(decoding: result.stderr, as: UTF8.self))")
        }
    }
}
