import Foundation
import Hull
import HullTestSupport
import Testing

@Suite("hull check and hull compare")
struct CheckCommandTests {
    /// A copy of `examples/<name>` in a temporary folder (node_modules made by the example's
    /// script, not copied), so tests can write fixes into it.
    final class ExampleCopy {
        let root: URL
        init(_ name: String) throws {
            let example = SharedData.packageRoot.appendingPathComponent("examples/\(name)")
            root = FileManager.default.temporaryDirectory.appendingPathComponent("hull-check-\(name)-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            for item in try FileManager.default.contentsOfDirectory(atPath: example.path) where item != "node_modules" && item != "README.md" {
                try FileManager.default.copyItem(at: example.appendingPathComponent(item), to: root.appendingPathComponent(item))
            }
            let script = root.appendingPathComponent("make-node-modules.sh")
            if FileManager.default.fileExists(atPath: script.path) {
                let made = try Subprocess.run("/bin/sh", [script.path], stdin: [], directory: nil, environment: ProcessInfo.processInfo.environment)
                #expect(made.status == 0)
            }
        }
        deinit { try? FileManager.default.removeItem(at: root) }

        var path: String { root.path }
        func file(_ relative: String) -> String { root.appendingPathComponent(relative).path }
        func text(_ relative: String) throws -> String { try String(contentsOfFile: file(relative), encoding: .utf8) }

        /// Every regular file under the root, with its size, found with FileManager (symlinks not followed).
        func files() -> [String: Int64] {
            var result: [String: Int64] = [:]
            let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey, .fileSizeKey])
            while let url = enumerator?.nextObject() as? URL {
                let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .fileSizeKey])
                guard values?.isRegularFile == true else { continue }
                result[String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))] = Int64(values?.fileSize ?? 0)
            }
            return result
        }

        /// A digest of every file's path and bytes, to prove a run wrote nothing.
        func fingerprint() throws -> [String: Data] {
            var result: [String: Data] = [:]
            for path in files().keys { result[path] = try Data(contentsOf: root.appendingPathComponent(path)) }
            return result
        }
    }

    static func check(_ arguments: [String]) throws -> (report: CheckReport, run: HullExecutable.Run) {
        let run = try HullExecutable.run(["check", "--isolated", "--format", "json"] + arguments)
        let report = try JSONDecoder().decode(CheckReport.self, from: Data(run.stdout))
        return (report, run)
    }

    /// The 1-based lines of `text` satisfying `filter`.
    static func lines(of text: String, where filter: (String) -> Bool) -> [Int] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().filter { filter(String($0.element)) }.map { $0.offset + 1 }
    }

    /// The value of the last `USER` instruction, if any.
    static func lastUser(in text: String) -> String? {
        text.split(separator: "\n").last { $0.hasPrefix("USER ") }.map { String($0.dropFirst(5)).trimmingCharacters(in: .whitespaces) }
    }

    struct Expectation: Sendable, CustomTestStringConvertible {
        var example: String
        var changedFile: String
        var install: String
        var baseNow: String
        /// Secrets that stay after the fix (an ENV value Hull cannot move for you).
        var secretsAfter: [String]
        var testDescription: String { example }
    }

    static let examples: [Expectation] = [
        .init(example: "node-app", changedFile: "src/index.js", install: "npm install", baseNow: "node:20", secretsAfter: []),
        .init(example: "python-app", changedFile: "app/main.py", install: "pip install", baseNow: "python:3.12", secretsAfter: ["Dockerfile:2"]),
        .init(example: "go-app", changedFile: "main.go", install: "go mod download", baseNow: "golang:1.22", secretsAfter: []),
    ]

    @Test("each example's table: context bytes without and with the proposed ignore file, rebuilt steps, user, secrets", arguments: examples)
    func exampleTable(_ expected: Expectation) throws {
        let copy = try ExampleCopy(expected.example)
        let before = try copy.fingerprint()
        let (report, run) = try Self.check([copy.file("Dockerfile")])
        #expect(run.status == 1, "the examples have warnings: \(run.stderr)")
        #expect(try copy.fingerprint() == before, "hull check writes nothing")
        let result = try #require(report.results.first)
        #expect(report.results.count == 1 && report.failures.isEmpty)
        let dockerfile = try copy.text("Dockerfile")

        // Build context now: no ignore file, so every file is sent.
        let files = copy.files()
        let now = try #require(result.now.context)
        #expect(now.ignoreFile == nil)
        #expect(now.sent.files == files.count)
        #expect(now.sent.bytes == files.values.reduce(0, +))

        // Rebuild now: the edit re-runs the broad COPY and the install below it.
        let nowRebuild = try #require(result.now.rebuild)
        #expect(nowRebuild.changedFile == expected.changedFile)
        let copyLine = try #require(Self.lines(of: dockerfile) { $0 == "COPY . ." }.first)
        let installLine = try #require(Self.lines(of: dockerfile) { $0.hasPrefix("RUN ") && $0.contains(expected.install) }.first)
        #expect(nowRebuild.rebuilt.map(\.line).contains(copyLine))
        #expect(nowRebuild.rebuilt.map(\.line).contains(installLine))
        #expect(nowRebuild.reinstalls)
        #expect(result.now.user.name == "root" && result.now.user.isRoot)
        #expect(Self.lastUser(in: dockerfile) == nil)
        #expect(result.now.secrets.contains { $0.kind == "file" && $0.location == ".env" })
        #expect(result.now.baseImage.reference == expected.baseNow)
        #expect(result.now.baseImage.estimate != nil)

        // Apply the fixes for real with the command the report gives, then measure again.
        let command = try #require(result.fix.command)
        #expect(command.contains("hull fix --unsafe-fixes") && command.contains("hull ignore --write"))
        #expect(try HullExecutable.run(["fix", "--isolated", "--unsafe-fixes", copy.file("Dockerfile")]).status != 2)
        #expect(try HullExecutable.run(["ignore", "--write", copy.path]).status == 0)
        let fixed = try copy.text("Dockerfile")
        let ignore = try copy.text(".dockerignore")
        #expect(ignore.contains(".env"))

        // Build context after: what `hull context` measures from the written files, which is less
        // than everything but the excluded secrets and dependencies.
        let written = try JSONDecoder().decode(ContextReport.self, from: Data(try HullExecutable.run(["context", "--format", "json", copy.path]).stdout))
        let after = try #require(result.afterFix.context)
        #expect(after.ignoreFileProposed)
        #expect(after.sent.files == written.sent.files + written.sent.symlinks)
        #expect(after.sent.bytes == written.sent.bytes)
        let filesNow = copy.files()
        let kept = filesNow.filter { !$0.key.hasPrefix("node_modules/") && $0.key != ".env" }
        #expect(after.sent.bytes <= kept.values.reduce(0, +))
        #expect(after.sent.files <= kept.count)
        if expected.example == "node-app" {
            #expect(now.sent.bytes > 2_000_000 && after.sent.bytes < 10_000, "the seeds' megabytes to kilobytes")
        }

        // Rebuild after: only steps below the install re-run; the install stays cached.
        let afterRebuild = try #require(result.afterFix.rebuild)
        #expect(afterRebuild.changedFile == expected.changedFile)
        let fixedInstall = try #require(Self.lines(of: fixed) { $0.hasPrefix("RUN ") && $0.contains(expected.install == "npm install" ? "npm ci" : expected.install) }.first)
        #expect(!afterRebuild.reinstalls)
        #expect(afterRebuild.rebuilt.allSatisfy { $0.line > fixedInstall })
        #expect(afterRebuild.rebuilt.first.map(\.line) == Self.lines(of: fixed) { $0.hasPrefix("COPY") && $0.hasSuffix(" . .") }.first)
        let cache = try HullExecutable.run(["cache", "--format", "json", "--changed", expected.changedFile, "-f", copy.file("Dockerfile"), copy.path])
        let cached = try #require(try JSONSerialization.jsonObject(with: Data(cache.stdout)) as? [String: Any])
        let steps = cached["steps"] as? [[String: Any]] ?? []
        let rebuiltByCache = steps.filter { $0["status"] as? String == "REBUILT" && $0["instruction"] as? String != "FROM" }.compactMap { $0["line"] as? Int }
        #expect(!rebuiltByCache.isEmpty)
        #expect(afterRebuild.rebuilt.map(\.line) == rebuiltByCache, "hull cache on the written files agrees")

        // User and secrets after.
        let user = try #require(Self.lastUser(in: fixed))
        #expect(result.afterFix.user.name == user && !result.afterFix.user.isRoot)
        #expect(result.afterFix.secrets.map(\.location) == expected.secretsAfter)
        #expect(result.afterFix.baseImage.reference.map { fixed.hasPrefix("FROM \($0)\n") } == true)
    }

    @Test("the text table names the edited file, the rows, the estimate's date and the fix command")
    func textTable() throws {
        let copy = try ExampleCopy("node-app")
        let run = try HullExecutable.run(["check", "--isolated", copy.path])
        #expect(run.status == 1)
        for expected in ["build context", "rebuild after editing src/index.js", "running user", "secrets baked in", "base image",
                         "findings", "now", "after fix", "estimated, as of \(BaseImageSizes.asOf)", "Findings by theme", "cache (", "security (",
                         "Apply the fixes  hull fix --unsafe-fixes", "no file was changed", "including `npm install`", "the install stays cached"] {
            #expect(run.output.contains(expected), "missing “\(expected)”")
        }
        #expect(!run.output.contains("\u{1B}["), "no colour when not on a terminal")
        #expect(try HullExecutable.run(["check", "--isolated", "--color", "always", copy.path]).output.contains("\u{1B}["))
    }

    @Test("bare hull in a folder with a Dockerfile runs check; exit 2 when there is nothing to check")
    func bareHullAndErrors() throws {
        let copy = try ExampleCopy("go-app")
        let bare = try HullExecutable.run([], directory: copy.root)
        #expect(bare.status == 1)
        #expect(bare.output.contains("rebuild after editing main.go"))
        let missing = try HullExecutable.run(["check", copy.file("nope")])
        #expect(missing.status == 2 && missing.stderr.contains("nope"))
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("hull-check-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let none = try HullExecutable.run(["check", empty.path])
        #expect(none.status == 2 && none.stderr.contains("no Dockerfile found"))
        let help = try HullExecutable.run([], directory: empty)
        #expect(help.status == 0 && help.output.contains("USAGE"))
    }

    @Test("hull compare puts the seeds' bad and good Dockerfiles side by side")
    func compareSeeds() throws {
        let copy = try ExampleCopy("node-app")
        let run = try HullExecutable.run(["compare", "--isolated", "--format", "json", copy.file("Dockerfile"), copy.file("Dockerfile.good")])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try JSONDecoder().decode(CompareReport.self, from: Data(run.stdout))
        #expect(report.left.now.user.name == "root")
        #expect(report.right.now.user.name == "appuser")
        #expect(report.left.now.rebuild?.reinstalls == true)
        #expect(report.right.now.rebuild?.reinstalls == false)
        #expect(report.right.now.rebuild?.rebuilt.map(\.text) == ["COPY --chown=appuser:appgroup src/ ./src/"])
        #expect(report.left.now.baseImage.estimate.map(\.bytes) ?? 0 > 5 * (report.right.now.baseImage.estimate.map(\.bytes) ?? .max))
        #expect(!report.left.now.secrets.isEmpty && report.right.now.secrets.isEmpty)
        let text = try HullExecutable.run(["compare", "--isolated", copy.file("Dockerfile"), copy.file("Dockerfile.good")])
        #expect(text.output.contains("only in A:") && text.output.contains("LC001"))
        let ambiguous = try HullExecutable.run(["compare", copy.path, copy.file("Dockerfile")])
        #expect(ambiguous.status == 2 && ambiguous.stderr.contains("2 Dockerfiles found"))
    }

    @Test("base image estimates: variants read from tags, unknown images have none")
    func baseImageSizes() throws {
        func estimate(_ text: String) throws -> BaseImageSizes.Estimate? { BaseImageSizes.estimate(for: try .parse(text)) }
        #expect(try estimate("node:20")?.variant == "full")
        #expect(try estimate("node:20-alpine3.20")?.variant == "alpine")
        #expect(try estimate("python:3.12-slim-bookworm")?.variant == "slim")
        #expect(try estimate("debian:bookworm-slim")?.variant == "slim")
        #expect(try estimate("eclipse-temurin:21-jre")?.variant == "jre")
        #expect(try estimate("gcr.io/distroless/static-debian12:nonroot") != nil)
        #expect(try estimate("example.com/team/app:1") == nil)
        let full = try #require(try estimate("node:20")), alpine = try #require(try estimate("node:20-alpine"))
        #expect(full.bytes > alpine.bytes && full.asOf == BaseImageSizes.asOf)
    }
}

extension CheckCommandTests {
    @Test("the JSON of hull check and hull compare validates against Docs/schemas/check-v1.schema.json",
          .enabled(if: CacheCommandTests.jsonSchemaPython != nil, "needs python3 with the jsonschema package (or HULL_PYTHON)"))
    func schema() throws {
        let copy = try ExampleCopy("node-app")
        let schema = SharedData.packageRoot.appendingPathComponent("Docs/schemas/check-v1.schema.json").path
        let runs = [["check", "--isolated", "--format", "json", copy.path],
                    ["compare", "--isolated", "--format", "json", copy.file("Dockerfile"), copy.file("Dockerfile.good")]]
        for arguments in runs {
            let run = try HullExecutable.run(arguments)
            let instance = copy.root.appendingPathComponent("out-\(arguments[0]).json")
            try Data(run.stdout).write(to: instance)
            let script = "import json,sys,jsonschema; jsonschema.Draft202012Validator(json.load(open(sys.argv[1]))).validate(json.load(open(sys.argv[2])))"
            let result = try Subprocess.run(CacheCommandTests.jsonSchemaPython!, ["-c", script, schema, instance.path])
            #expect(result.status == 0, "\(arguments[0]): \(String(decoding: result.stderr, as: UTF8.self))")
        }
    }
}

extension CheckCommandTests {
    @Test("Hull's own Dockerfile is built to its own standard, and hull check . reports nothing above info")
    func ownDockerfile() throws {
        let root = SharedData.packageRoot
        let text = try String(contentsOf: root.appendingPathComponent("Dockerfile"), encoding: .utf8)
        let froms = text.split(separator: "\n").filter { $0.hasPrefix("FROM ") }
        #expect(froms.count >= 2, "multi-stage")
        #expect(froms.allSatisfy { line in
            let image = line.split(separator: " ")[1]
            return image.contains(":") && !image.hasSuffix(":latest")
        }, "base images pinned to a release")
        #expect(text.contains("--static-swift-stdlib"))
        #expect(text.contains("ENTRYPOINT [\"") && !text.contains("\nCMD hull"), "exec form")
        let (report, run) = try Self.check([root.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(report.results.map { ($0.dockerfile as NSString).lastPathComponent } == ["Dockerfile"], "the folder's own Dockerfile only")
        let result = try #require(report.results.first)
        #expect(result.findings.allSatisfy { $0.severity == "info" || $0.severity == "style" }, "\(result.findings.map(\.code))")
        #expect(!result.now.user.isRoot && result.now.user.name != "unknown")
        #expect(result.now.secrets.isEmpty)
        #expect(result.now.rebuild?.rebuilt.contains { $0.text.contains("swift build") } == true)
    }
}
