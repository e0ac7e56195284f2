import Foundation
import Hull
import HullTestSupport
import Testing

/// `hull lab` on the node-app example (made buildable with a stand-in `node` base), with the
/// BuildKit engine engine-setup.sh starts.
@Suite("hull lab with BuildKit", .enabled(if: EngineEnvironment.isAvailable, Comment(rawValue: EngineEnvironment.missingMessage)))
struct LabTests {
    /// The node-app example in a temporary folder, FROM lines pointing at `base`.
    static func nodeApp(base: String, session: EngineSession, prefix: String) throws -> String {
        let folder = try session.makeTemporaryFolder(prefix: "\(prefix)-app")
        var files = try TestEngine.nodeApp()
        for key in ["Dockerfile", "Dockerfile.good"] {
            files[key] = files[key]?.replacingOccurrences(of: "FROM node:20-alpine", with: "FROM \(base)")
                .replacingOccurrences(of: "FROM node:20", with: "FROM \(base)")
        }
        try TestEngine.write(files, into: folder)
        return folder
    }

    /// Images of the engine whose repository starts with `prefix`.
    static func images(_ engine: ContainerEngine, prefix: String) throws -> [String] {
        let result = try EngineEnvironment.run("\"$HULL_DOCKER\" image ls --format '{{.Repository}}:{{.Tag}}' 2>/dev/null || docker image ls --format '{{.Repository}}:{{.Tag}}'")
        return String(decoding: result.stdout, as: UTF8.self).split(separator: "\n").map(String.init).filter { $0.hasPrefix(prefix) }
    }

    @Test("bad against good: measured figures, fewer steps after a source edit, non-root, predictions agree, nothing left behind")
    func badAgainstGood() async throws {
        let engine = try #require(try TestEngine.docker?.get())
        let variables = try #require(EngineEnvironment.variables)
        let setup = EngineSession()
        defer { setup.cleanUp(using: engine) }
        let prefix = TestEngine.uniquePrefix()
        let base = try await TestEngine.buildBase(engine, prefix: prefix, session: setup)
        let app = try Self.nodeApp(base: base, session: setup, prefix: prefix)
        let before = try String(contentsOfFile: app + "/src/index.js", encoding: .utf8)

        let session = EngineSession()
        let request = LabRequest(context: app, comparison: .against(app + "/Dockerfile.good"), engine: .docker, network: "none",
                                 imagePrefix: "\(prefix)-lab", environment: variables)
        let report = try await Workspace.lab(request, session: session)

        #expect(report.touchedFile == "src/index.js")
        #expect(report.variants.map(\.role) == ["Dockerfile", "against"])
        let bad = report.variants[0], good = report.variants[1]
        for variant in report.variants {
            #expect(variant.disagreements.isEmpty, "\(variant.dockerfile): \(variant.disagreements)")
            #expect(variant.comparedSteps > 0 && variant.coldSeconds > 0 && variant.imageBytes > 0 && variant.layers > 0)
            #expect(variant.stepsRunNoChange == 0)
        }
        #expect(bad.stepsRunAfterTouch == 2 && good.stepsRunAfterTouch == 1)
        #expect(good.stepsRunAfterTouch < bad.stepsRunAfterTouch)
        #expect(bad.runsAsRoot && !good.runsAsRoot && good.user == "appuser")
        #expect(good.layers > bad.layers)

        // Nothing of the run is left: no image, no temporary folder; the user's tree is untouched.
        #expect(try Self.images(engine, prefix: "\(prefix)-lab").isEmpty)
        #expect(session.folders.isEmpty && session.images.isEmpty)
        #expect(try String(contentsOfFile: app + "/src/index.js", encoding: .utf8) == before)
        let text = report.text()
        #expect(text.contains("rebuild, src/index.js edited") && text.contains("appuser"))
    }

    @Test("--fixed: Hull's fixed Dockerfile rebuilds fewer steps after a source edit than the original, and runs as node")
    func fixed() async throws {
        let engine = try #require(try TestEngine.docker?.get())
        let variables = try #require(EngineEnvironment.variables)
        let setup = EngineSession()
        defer { setup.cleanUp(using: engine) }
        let prefix = TestEngine.uniquePrefix()
        // Named as the official image, so that the fixer knows it has a `node` user.
        let base = try await TestEngine.buildBase(engine, prefix: prefix, session: setup, tag: TestEngine.officialNodeTag(prefix))
        let app = try Self.nodeApp(base: base, session: setup, prefix: prefix)
        let session = EngineSession()
        let request = LabRequest(context: app, comparison: .fixed, engine: .docker, network: "none", imagePrefix: "\(prefix)-fix", environment: variables)
        let report = try await Workspace.lab(request, session: session)
        #expect(report.variants.map(\.role) == ["Dockerfile", "fixed"])
        let original = report.variants[0], fixed = report.variants[1]
        #expect(original.disagreements.isEmpty && fixed.disagreements.isEmpty, "\(original.disagreements) \(fixed.disagreements)")
        #expect(original.stepsRunAfterTouch == 2 && fixed.stepsRunAfterTouch == 1)
        #expect(fixed.steps > original.steps)
        // The user comes from the saved image's config, read by Hull's image reader.
        #expect(original.runsAsRoot && original.user.isEmpty)
        #expect(!fixed.runsAsRoot && fixed.user == "node", "\(fixed.user)")
        #expect(try Self.images(engine, prefix: "\(prefix)-fix").isEmpty)
    }

    @Test("image figures come from Hull's own reader of the saved image; vulnerability counts equal a scan of the same files",
          .enabled(if: SharedData.root.map { FileManager.default.fileExists(atPath: $0.appendingPathComponent("vulndata/osv").path) } ?? false, "needs ../shared/vulndata"))
    func imageFactsAndVulnerabilities() async throws {
        let engine = try #require(try TestEngine.docker?.get())
        let variables = try #require(EngineEnvironment.variables)
        let setup = EngineSession()
        defer { setup.cleanUp(using: engine) }
        let prefix = TestEngine.uniquePrefix()
        let app = try setup.makeTemporaryFolder(prefix: "\(prefix)-vuln")
        try TestEngine.write([
            "Dockerfile": "FROM localhost/busybox:base\nCOPY rootfs/ /\nCOPY src/ /app/src/\nUSER 1000\n",
            "rootfs/etc/alpine-release": "3.11.6\n",
            "rootfs/etc/os-release": "ID=alpine\nVERSION_ID=3.11.6\nPRETTY_NAME=\"Alpine Linux v3.11\"\n",
            "rootfs/lib/apk/db/installed": "P:libssl1.1\nV:1.1.1a-r0\nA:x86_64\no:openssl\n\nP:musl\nV:1.1.24-r0\nA:x86_64\no:musl\n\n",
            "rootfs/usr/local/lib/node_modules/semver/package.json": #"{"name":"semver","version":"4.3.2"}"#,
            "src/index.js": "console.log(1)\n",
        ], into: app)
        let database = app + "-advisories.db"
        setup.created(folder: database)
        _ = try Workspace.importAdvisories([SharedData.root!.appendingPathComponent("vulndata/osv").path], databasePath: database)
        let scan = try Workspace.scan(ScanRequest(target: app + "/rootfs", databasePath: database))

        let session = EngineSession()
        let request = LabRequest(context: app, engine: .docker, network: "none", imagePrefix: "\(prefix)-vuln", environment: variables, databasePath: database)
        let report = try await Workspace.lab(request, session: session)
        let variant = try #require(report.variants.first)
        #expect(report.advisoryDatabase == database)
        #expect(variant.packages == 3 && variant.packages == scan.packageCount)
        #expect(variant.vulnerabilities == scan.counts && (scan.counts.medium + scan.counts.unknown) > 0)
        #expect(variant.user == "1000" && !variant.runsAsRoot)
        // busybox's layers plus one per COPY.
        let baseLayers = try engine.inspect(image: "localhost/busybox:base").layers
        #expect(variant.layers == baseLayers + 2)
        #expect(variant.imageBytes > 1_000_000)
        #expect(report.text().contains("vulnerabilities") && report.text().contains("(3 packages)"))
        #expect(session.folders.isEmpty && session.images.isEmpty)
    }

    @Test("a build that fails is an error with the engine's last lines, and leaves nothing behind")
    func failingBuild() async throws {
        let engine = try #require(try TestEngine.docker?.get())
        let variables = try #require(EngineEnvironment.variables)
        let setup = EngineSession()
        defer { setup.cleanUp(using: engine) }
        let prefix = TestEngine.uniquePrefix()
        let app = try setup.makeTemporaryFolder(prefix: "\(prefix)-app")
        try TestEngine.write(["Dockerfile": "FROM localhost/busybox:base\nCOPY a.txt /\nRUN exit 3\n", "a.txt": "a\n"], into: app)
        let session = EngineSession()
        let request = LabRequest(context: app, engine: .docker, network: "none", imagePrefix: "\(prefix)-fail", environment: variables)
        await #expect {
            _ = try await Workspace.lab(request, session: session)
        } throws: { error in
            guard let error = error as? HullError, case .engineFailed(let message) = error else { return false }
            return message.contains("\(prefix)-fail/dockerfile:cold failed (exit 1)") && message.contains("RUN exit 3")
        }
        #expect(session.folders.isEmpty && session.images.isEmpty)
        #expect(try Self.images(engine, prefix: "\(prefix)-fail").isEmpty)
    }

    @Test("a lab interrupted half-way leaves no image and no temporary folder behind")
    func interrupted() async throws {
        let engine = try #require(try TestEngine.docker?.get())
        let variables = try #require(EngineEnvironment.variables)
        let setup = EngineSession()
        defer { setup.cleanUp(using: engine) }
        let prefix = TestEngine.uniquePrefix()
        let base = try await TestEngine.buildBase(engine, prefix: prefix, session: setup)
        let app = try Self.nodeApp(base: base, session: setup, prefix: prefix)
        // A RUN that takes long enough to be interrupted while it runs.
        try TestEngine.write(["Dockerfile.slow": "FROM \(base)\nWORKDIR /app\nCOPY . .\nRUN sleep 30 && npm install\n"], into: app)

        let session = EngineSession()
        let request = LabRequest(context: app, dockerfile: app + "/Dockerfile.slow", engine: .docker, network: "none", imagePrefix: "\(prefix)-lab",
                                 environment: variables)
        let task = Task { try await Workspace.lab(request, session: session) }
        // Wait until the first build runs, then interrupt it.
        let deadline = Date().addingTimeInterval(300)
        while session.images.isEmpty && Date() < deadline { try await Task.sleep(nanoseconds: 50_000_000) }
        #expect(!session.images.isEmpty, "the lab never started a build")
        let folders = session.folders
        try await Task.sleep(nanoseconds: 1_000_000_000)
        let started = Date()
        session.interrupt()
        let result = await task.result
        // A guard against a lab that ignores the interruption (the result below must be the
        // interruption error, not a report); generous, because the engine shares a loaded machine.
        #expect(Date().timeIntervalSince(started) < 90, "the interrupted build did not stop")
        guard case .failure(let error) = result else {
            Issue.record("the interrupted lab returned a report")
            return
        }
        #expect("\(error)".contains("interrupted"))
        #expect(!folders.isEmpty)
        for folder in folders { #expect(!FileManager.default.fileExists(atPath: folder), "\(folder) is left behind") }
        #expect(try Self.images(engine, prefix: "\(prefix)-lab").isEmpty)
    }

    @Test("Ctrl-C during hull lab: exit 130, no image and no temporary folder left")
    func controlC() async throws {
        let engine = try #require(try TestEngine.docker?.get())
        let hull = try #require(HullExecutable.url, "the hull executable is not built")
        let setup = EngineSession()
        defer { setup.cleanUp(using: engine) }
        let prefix = TestEngine.uniquePrefix()
        let base = try await TestEngine.buildBase(engine, prefix: prefix, session: setup)
        let app = try Self.nodeApp(base: base, session: setup, prefix: prefix)
        try TestEngine.write(["Dockerfile.slow": "FROM \(base)\nCOPY . .\nRUN sleep 30\n"], into: app)
        let temporary = try setup.makeTemporaryFolder(prefix: "\(prefix)-tmp")
        // hull runs with its own TMPDIR, so every temporary folder it makes is visible here; SIGINT
        // goes to it once its copy of the context exists and the build has had a second to start.
        let script = """
        (export TMPDIR="$1" HULL_DOCKER="$DOCKER20"; exec "$2" lab "$3" -f "$3/Dockerfile.slow" --network none --engine docker --image-prefix "$4") 2>"$5" &
        pid=$!
        for _ in $(seq 1 300); do ls "$1" | grep -q hull-lab && break; sleep 0.1; done
        sleep 1
        kill -INT $pid
        wait $pid
        echo "status=$?"
        echo "left=[$(ls -A "$1")]"
        cat "$5"

        """
        let scriptFile = app + "/interrupt.sh"
        try TestEngine.write(["interrupt.sh": script], into: app)
        let result = try EngineEnvironment.run("bash \"\(scriptFile)\" \"\(temporary)\" \"\(hull.path)\" \"\(app)\" \"\(prefix)-int\" \"\(app)/interrupt.err\"")
        let output = String(decoding: result.stdout, as: UTF8.self)
        #expect(output.contains("status=130"), "\(output)")
        #expect(output.contains("left=[]"), "\(output)")
        #expect(output.contains("interrupted; the images and temporary files of this run were removed"), "\(output)")
        #expect(try Self.images(engine, prefix: "\(prefix)-int").isEmpty)
    }

    @Test("hull lab --format json from the command line")
    func commandLine() async throws {
        let engine = try #require(try TestEngine.docker?.get())
        let variables = try #require(EngineEnvironment.variables)
        let setup = EngineSession()
        defer { setup.cleanUp(using: engine) }
        let prefix = TestEngine.uniquePrefix()
        let base = try await TestEngine.buildBase(engine, prefix: prefix, session: setup)
        let app = try Self.nodeApp(base: base, session: setup, prefix: prefix)
        // Twice on the same tree: the second lab's edit must miss the cache the first one left.
        for _ in 0..<2 {
            let run = try HullExecutable.run(["lab", app, "--against", app + "/Dockerfile.good", "--network", "none", "--engine", "docker",
                                              "--image-prefix", "\(prefix)-cli", "--format", "json"], environment: variables)
            #expect(run.status == 0, "\(run.stderr)\n\(run.output)")
            let report = try JSONDecoder().decode(LabReport.self, from: Data(run.stdout))
            #expect(report.schemaVersion == 1 && report.engine.kind == "docker" && report.variants.count == 2)
            #expect(report.variants.map(\.stepsRunAfterTouch) == [2, 1])
            #expect(try Self.images(engine, prefix: "\(prefix)-cli").isEmpty)
        }
    }
}

/// Engine errors, with real CLIs pointed at nothing.
@Suite("Engine discovery errors")
struct EngineDiscoveryTests {
    @Test("a missing engine is a clear error naming what to install")
    func missing() {
        #expect {
            _ = try ContainerEngine.locate(.docker, environment: ["PATH": "/nonexistent"])
        } throws: { error in
            guard let error = error as? HullError, case .engineUnavailable = error else { return false }
            return error.description.contains("`docker` is not installed") && error.description.contains("podman")
        }
    }

    @Test("a stopped Docker daemon is a clear error saying how to start one",
          .enabled(if: EngineEnvironment.isAvailable, Comment(rawValue: EngineEnvironment.missingMessage)))
    func stopped() throws {
        var variables = try #require(EngineEnvironment.variables)
        variables["DOCKER_HOST"] = "unix:///nonexistent/hull-test/docker.sock"
        #expect {
            _ = try ContainerEngine.locate(.docker, environment: variables)
        } throws: { error in
            guard let error = error as? HullError, case .engineStopped = error else { return false }
            return error.description.contains("does not answer") && error.description.contains("start the engine")
                && error.description.contains("unix:///nonexistent/hull-test/docker.sock")
        }
    }
}
