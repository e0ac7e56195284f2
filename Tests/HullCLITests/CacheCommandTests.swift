import Foundation
import HullTestSupport
import Testing

@Suite("hull cache")
struct CacheCommandTests {
    static let bad = "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm install\nEXPOSE 3000\nCMD node src/index.js\n"
    static let optimised = "FROM node:20-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY src/ ./src/\nCMD [\"node\", \"src/index.js\"]\n"

    /// A Node.js project in a fresh folder.
    func project(_ dockerfile: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hull-cache-\(UUID().uuidString)")
        let files = [
            "Dockerfile": dockerfile, ".dockerignore": "node_modules\n.git\n.env\n*.md\n",
            "package.json": "{\"name\":\"app\"}\n", "package-lock.json": "{}\n", "src/index.js": "console.log(1)\n",
            "README.md": "# app\n",
        ]
        for (path, contents) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url)
        }
        return folder
    }

    /// Status per line, from the text table.
    func statuses(_ output: String) -> [String] {
        output.split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ")
            guard let number = words.first, Int(number) != nil, words.count >= 3 else { return nil }
            let status = words.first { ["CACHED", "REBUILT", "SKIPPED", "METADATA"].contains(String($0)) }
            return status.map { "\(number) \($0)" }
        }
    }

    @Test("the seeds' bad Dockerfile: src/index.js changed rebuilds every step from `COPY . .` down, with the reason under the miss")
    func bad() throws {
        let folder = try project(Self.bad)
        let run = try HullExecutable.run(["cache", folder.path, "--changed", "src/index.js"])
        #expect(run.status == 0)
        #expect(statuses(run.output) == ["1 CACHED", "2 CACHED", "3 REBUILT", "4 REBUILT", "5 METADATA", "6 METADATA"])
        #expect(run.output.contains("`src/index.js` changed, and the COPY copies it (source `.`)"))
        #expect(run.output.contains("drags along every step after it in this stage (1 step)"))
        #expect(run.output.contains("line 3: `.` is copied before the dependency install"), "the golden rule explains the miss")
        #expect(!run.output.contains("\u{1B}["), "no colour when standard output is not a terminal")
        let coloured = try HullExecutable.run(["cache", folder.path, "--changed", "src/index.js", "--color", "always"])
        #expect(coloured.output.contains("\u{1B}[1;31mREBUILT\u{1B}[0m"))
    }

    @Test("the seeds' optimised Dockerfile: npm ci CACHED, only COPY src/ REBUILT; package.json rebuilds the install")
    func optimised() throws {
        let folder = try project(Self.optimised)
        let source = try HullExecutable.run(["cache", folder.path, "--changed", "src/index.js"])
        #expect(statuses(source.output) == ["1 CACHED", "2 CACHED", "3 CACHED", "4 CACHED", "5 REBUILT", "6 METADATA"])
        let manifest = try HullExecutable.run(["cache", folder.path, "--changed", "package.json"])
        #expect(statuses(manifest.output) == ["1 CACHED", "2 CACHED", "3 REBUILT", "4 REBUILT", "5 REBUILT", "6 METADATA"])
        #expect(!manifest.output.contains("LC001"), "no hint when the manifests are copied first")
    }

    @Test("a change the ignore file excludes keeps everything cached and says why")
    func ignored() throws {
        let folder = try project(Self.bad)
        let run = try HullExecutable.run(["cache", folder.path, "--changed", "README.md"])
        #expect(!statuses(run.output).contains { $0.hasSuffix("REBUILT") })
        #expect(run.output.contains("README.md: excluded by `*.md` (line 4) of `.dockerignore`"))
    }

    @Test("--build-arg: the first RUN after the ARG rebuilds")
    func buildArg() throws {
        let folder = try project("FROM alpine\nRUN apk add curl\nARG GIT_SHA\nRUN echo $GIT_SHA > /sha\nCMD [\"sh\"]\n")
        let run = try HullExecutable.run(["cache", folder.path, "--build-arg", "GIT_SHA=abc123"])
        #expect(statuses(run.output) == ["1 CACHED", "2 CACHED", "3 METADATA", "4 REBUILT", "5 METADATA"])
        #expect(run.output.contains("build arg `GIT_SHA` (now `abc123`) changed"))
    }

    @Test("--format json: each step with its stage, line, status and reason, in schema version 1")
    func json() throws {
        let folder = try project(Self.bad)
        let run = try HullExecutable.run(["cache", folder.path, "--changed", "src/index.js", "--format", "json"])
        #expect(run.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout)) as? [String: Any])
        #expect(document["schemaVersion"] as? Int == 1)
        #expect(document["mode"] as? String == "prediction")
        let steps = try #require(document["steps"] as? [[String: Any]])
        #expect(steps.map { $0["status"] as? String } == ["CACHED", "CACHED", "REBUILT", "REBUILT", "METADATA", "METADATA"])
        #expect(steps.allSatisfy { $0["stage"] as? Int == 0 && $0["line"] is Int })
        let reason = try #require(steps[2]["reason"] as? [String: Any])
        #expect(reason["kind"] as? String == "source-changed")
        #expect(reason["path"] as? String == "src/index.js")
        let summary = try #require(document["summary"] as? [String: Any])
        #expect(summary["rebuilt"] as? Int == 2)
    }

    @Test("without a change set: the step each input group invalidates first")
    func impacts() throws {
        let folder = try project(Self.optimised)
        let run = try HullExecutable.run(["cache", folder.path])
        #expect(run.status == 0)
        #expect(run.output.contains("what a change to each input rebuilds first"))
        #expect(run.output.contains("COPY package*.json ./ (line 3, 2 files)"))
        #expect(run.output.contains("line 5  COPY src/ ./src/"))
    }

    @Test("--since HEAD~1 reads the change set from git, with uncommitted and untracked files",
          .enabled(if: CacheCommandTests.hasGit, "git is not on PATH"))
    func since() throws {
        let folder = try project(Self.optimised)
        func git(_ arguments: String...) throws {
            let result = try Subprocess.run("/usr/bin/env", ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"] + arguments, directory: folder.path)
            #expect(result.status == 0, "git \(arguments): \(String(decoding: result.stderr, as: UTF8.self))")
        }
        try git("init", "-q")
        try git("add", "-A")
        try git("commit", "-q", "-m", "one")
        try Data("console.log(2)\n".utf8).write(to: folder.appendingPathComponent("src/index.js"))
        try git("commit", "-q", "-am", "two")
        let committed = try HullExecutable.run(["cache", folder.path, "--since", "HEAD~1"])
        #expect(committed.status == 0, "\(committed.stderr)")
        #expect(statuses(committed.output) == ["1 CACHED", "2 CACHED", "3 CACHED", "4 CACHED", "5 REBUILT", "6 METADATA"])
        #expect(committed.output.contains("changes since HEAD~1: src/index.js"))
        try Data("{}\n".utf8).write(to: folder.appendingPathComponent("package-lock.json"))
        try Data("x\n".utf8).write(to: folder.appendingPathComponent("package.extra.json"))
        let local = try HullExecutable.run(["cache", folder.path, "--since", "HEAD", "--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(local.stdout)) as? [String: Any])
        let changes = try #require(document["changes"] as? [String: Any])
        #expect(changes["paths"] as? [String] == ["package.extra.json"], "package-lock.json is unchanged in content")
        #expect((document["steps"] as? [[String: Any]])?[3]["status"] as? String == "REBUILT")
    }

    @Test("--since compares the Dockerfile with the one at the reference, instruction by instruction",
          .enabled(if: CacheCommandTests.hasGit, "git is not on PATH"))
    func sinceDockerfileEdit() throws {
        let folder = try project(Self.optimised)
        func git(_ arguments: String...) throws {
            let result = try Subprocess.run("/usr/bin/env", ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"] + arguments, directory: folder.path)
            #expect(result.status == 0, "git \(arguments): \(String(decoding: result.stderr, as: UTF8.self))")
        }
        try git("init", "-q")
        try git("add", "-A")
        try git("commit", "-q", "-m", "one")
        try Data(Self.optimised.replacingOccurrences(of: "RUN npm ci", with: "RUN npm ci --omit=dev").utf8).write(to: folder.appendingPathComponent("Dockerfile"))
        let run = try HullExecutable.run(["cache", folder.path, "--since", "HEAD"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(statuses(run.output) == ["1 CACHED", "2 CACHED", "3 CACHED", "4 REBUILT", "5 REBUILT", "6 METADATA"])
        #expect(run.output.contains("the instruction was edited"))
        #expect(!run.output.contains("Changes that rebuild nothing"))
    }

    @Test("--since with a context below the repository root maps paths to the context and drops the others",
          .enabled(if: CacheCommandTests.hasGit, "git is not on PATH"))
    func sinceSubfolder() throws {
        let repository = FileManager.default.temporaryDirectory.appendingPathComponent("hull-cache-repo-\(UUID().uuidString)")
        let app = repository.appendingPathComponent("app")
        try FileManager.default.createDirectory(at: repository, withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: try project(Self.optimised), to: app)
        try Data("notes\n".utf8).write(to: repository.appendingPathComponent("NOTES.txt"))
        func git(_ arguments: String...) throws {
            let result = try Subprocess.run("/usr/bin/env", ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"] + arguments, directory: repository.path)
            #expect(result.status == 0, "git \(arguments): \(String(decoding: result.stderr, as: UTF8.self))")
        }
        try git("init", "-q")
        try git("add", "-A")
        try git("commit", "-q", "-m", "one")
        try Data("console.log(3)\n".utf8).write(to: app.appendingPathComponent("src/index.js"))
        try Data("more\n".utf8).write(to: repository.appendingPathComponent("NOTES.txt"))
        let run = try HullExecutable.run(["cache", "app", "--since", "HEAD", "--format", "json"], directory: repository)
        #expect(run.status == 0, "\(run.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout)) as? [String: Any])
        #expect((document["changes"] as? [String: Any])?["paths"] as? [String] == ["src/index.js"])
        #expect((document["summary"] as? [String: Any])?["rebuilt"] as? Int == 1)
    }

    @Test("the JSON output validates against Docs/schemas/cache-v1.schema.json, in both modes",
          .enabled(if: CacheCommandTests.jsonSchemaPython != nil, "needs python3 with the jsonschema package (or HULL_PYTHON)"))
    func schema() throws {
        let folder = try project(Self.bad.replacingOccurrences(of: "RUN npm install", with: "ARG GIT_SHA\nRUN --mount=type=bind,source=package.json,target=/p npm install\nADD https://example.com/a.tgz /a"))
        let schema = SharedData.packageRoot.appendingPathComponent("Docs/schemas/cache-v1.schema.json").path
        for arguments in [["--changed", "src/index.js", "README.md"], ["--build-arg", "GIT_SHA"], []] {
            let run = try HullExecutable.run(["cache", folder.path, "--format", "json"] + arguments)
            #expect(run.status == 0)
            let instance = folder.appendingPathComponent("out.json")
            try Data(run.stdout).write(to: instance)
            let script = "import json,sys,jsonschema; jsonschema.Draft202012Validator(json.load(open(sys.argv[1]))).validate(json.load(open(sys.argv[2])))"
            let result = try Subprocess.run(Self.jsonSchemaPython!, ["-c", script, schema, instance.path])
            #expect(result.status == 0, "\(arguments): \(String(decoding: result.stderr, as: UTF8.self))")
        }
    }

    /// A python3 that can import jsonschema.
    static let jsonSchemaPython: String? = {
        var candidates = [ProcessInfo.processInfo.environment["HULL_PYTHON"] ?? "", SharedData.packageRoot.appendingPathComponent(".venv-test/bin/python").path]
        candidates += (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/python3" }
        return candidates.first { path in
            !path.isEmpty && FileManager.default.isExecutableFile(atPath: path) && (try? Subprocess.run(path, ["-c", "import jsonschema"]).status) == 0
        }
    }()

    @Test("usage and I/O errors exit 2", arguments: [["cache", "/nonexistent-hull-folder"], ["cache", ".", "--target", "nope", "--changed", "x"]])
    func errors(arguments: [String]) throws {
        let folder = try project(Self.bad)
        let run = try HullExecutable.run(arguments, directory: folder)
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("hull: "))
    }

    @Test("--help teaches with examples")
    func help() throws {
        let run = try HullExecutable.run(["cache", "--help"])
        #expect(run.output.contains("hull cache --since HEAD~1"))
        #expect(run.output.contains("--build-arg"))
    }

    static var hasGit: Bool {
        (try? Subprocess.run("/usr/bin/env", ["git", "--version"]).status) == 0
    }
}
