import Foundation
import Hull
import HullDockerfile
import HullTestSupport
import Testing

/// `hull lab` with podman and with buildah (`buildah bud`), on the node-app example made
/// buildable with a stand-in `node` base. Every podman and buildah command goes through the
/// tests' podman lock (`EngineEnvironment.serialVariables` puts the locked tools first in PATH):
/// podman 4.3 corrupts its store when builds and removals overlap.
@Suite("hull lab with podman and buildah", .serialized, .enabled(if: EngineEnvironment.isAvailable, Comment(rawValue: EngineEnvironment.missingMessage)))
struct LabPodmanTests {
    @Test("podman: bad against good, measured; the good one rebuilds fewer steps after a source edit, runs as appuser, predictions agree")
    func badAgainstGood() async throws {
        let engine = try #require(try TestEngine.podman?.get())
        let variables = try #require(EngineEnvironment.serialVariables)
        let setup = EngineSession()
        defer { setup.cleanUp(using: engine) }
        let prefix = TestEngine.uniquePrefix()
        let base = try await TestEngine.buildBase(engine, prefix: prefix, session: setup)
        let app = try LabTests.nodeApp(base: base, session: setup, prefix: prefix)
        let before = try String(contentsOfFile: app + "/src/index.js", encoding: .utf8)

        let session = EngineSession()
        let request = LabRequest(context: app, comparison: .against(app + "/Dockerfile.good"), engine: .podman, network: "none",
                                 imagePrefix: "\(prefix)-lab", environment: variables)
        let report = try await Workspace.lab(request, session: session)

        #expect(report.engine.kind == "podman" && report.touchedFile == "src/index.js")
        #expect(report.variants.map(\.role) == ["Dockerfile", "against"])
        let bad = report.variants[0], good = report.variants[1]
        for variant in report.variants {
            // Every step agrees, the no-change rebuild of Dockerfile.good (built after the bad
            // one, whose `WORKDIR /app` on the same base podman would reuse) included.
            #expect(variant.disagreements.isEmpty, "\(variant.dockerfile): \(variant.disagreements)")
            #expect(variant.comparedSteps > 0 && variant.coldSeconds > 0 && variant.noChangeSeconds > 0 && variant.imageBytes > 1_000_000)
            #expect(variant.stepsRunNoChange == 0)
        }
        // podman counts every instruction; RUN, COPY, ADD and WORKDIR are the steps.
        #expect(bad.steps == 3 && good.steps == 7)
        #expect(bad.stepsRunAfterTouch == 2 && good.stepsRunAfterTouch == 1)
        #expect(bad.runsAsRoot && bad.user.isEmpty && !good.runsAsRoot && good.user == "appuser")
        #expect(good.layers > bad.layers)

        // Nothing of the run is left: no image built on the base, no container, no folder.
        #expect(session.folders.isEmpty && session.images.isEmpty && session.containers.isEmpty)
        #expect(try TestEngine.podmanDescendants(of: base).isEmpty)
        #expect(try TestEngine.podmanContainers(on: [base]).isEmpty)
        #expect(try String(contentsOfFile: app + "/src/index.js", encoding: .utf8) == before)
    }

    /// Why the lab removes one variant's images before it builds the next with podman or
    /// buildah (Docs/lab-output.md): their layer cache takes the oldest image that matches a
    /// step, so after a `--no-cache` build the next build can go on from another Dockerfile's
    /// identical step, on a chain that lacks the next step.
    @Test("podman after a --no-cache build reuses another Dockerfile's identical first step and reruns the next")
    func oldestMatchWins() async throws {
        let engine = try #require(try TestEngine.podman?.get())
        let session = EngineSession()
        defer { session.cleanUp(using: engine) }
        let prefix = TestEngine.uniquePrefix()
        let base = try await TestEngine.buildBase(engine, prefix: prefix, session: session)
        let context = try session.makeTemporaryFolder(prefix: "\(prefix)-oldest")
        try TestEngine.write([
            "A": "FROM \(base)\nWORKDIR /w\nCOPY a.txt ./\n", "B": "FROM \(base)\nWORKDIR /w\nCOPY b.txt ./\n", "a.txt": "a\n", "b.txt": "b\n",
        ], into: context)
        func build(_ file: String, _ tag: String, noCache: Bool = false) async throws -> EngineBuild {
            try await engine.build(EngineBuildRequest(context: context, dockerfile: context + "/" + file, tag: "\(prefix)/oldest:\(tag)", noCache: noCache,
                                                      network: "none"), session: session)
        }
        let first = try await build("A", "a")
        let cold = try await build("B", "cold", noCache: true)
        let warm = try await build("B", "warm")
        #expect(cold.steps.map(\.status) == [.ran, .ran, .ran])
        // WORKDIR comes from A's build (the oldest match), which has no `COPY b.txt` after it.
        #expect(warm.steps.map(\.keyword) == ["FROM", "WORKDIR", "COPY"])
        #expect(warm.steps[1].status == .cached && warm.steps[2].status == .ran, "\(warm.output)")
        let workdirOfA = try #require(PodmanProgress.committedImages(in: first.output).first)
        let workdirOfB = try #require(PodmanProgress.committedImages(in: cold.output).first)
        #expect(warm.steps[1].reusedImage?.hasPrefix(workdirOfA) == true, "\(warm.output)")
        #expect(!warm.output.contains("Using cache \(workdirOfB)"), "\(warm.output)")

        // Against hull cache (nothing changed: all cached): a disagreement on line 3, unless the
        // comparison knows which images B's builds made; then it is the older image's rerun.
        let dockerfile = context + "/B"
        let prediction = try await Workspace.cache(CacheRequest(dockerfile: dockerfile, context: context))
        let parsed = Dockerfile.parse(try String(contentsOfFile: dockerfile, encoding: .utf8), path: dockerfile)
        let plain = CacheComparison(stages: prediction.stages, dockerfile: parsed, steps: warm.steps, engine: .podman)
        #expect(plain.disagreements.map(\.line) == [3])
        let made = PodmanProgress.committedImages(in: cold.output) + PodmanProgress.committedImages(in: warm.output)
        let explained = CacheComparison(stages: prediction.stages, dockerfile: parsed, steps: warm.steps, engine: .podman, madeImages: made)
        #expect(explained.agrees)
        #expect(explained.rows.filter { $0.olderImage != nil }.map(\.line) == [3])
        #expect(explained.rows.first { $0.line == 3 }?.olderImage.map { workdirOfA.hasPrefix($0) || $0.hasPrefix(workdirOfA) } == true)
    }

    @Test("buildah: --fixed on the bad Dockerfile builds Hull's fixed version, which rebuilds fewer steps and runs as node")
    func buildahFixed() async throws {
        let engine = try #require(try TestEngine.buildah?.get())
        let variables = try #require(EngineEnvironment.serialVariables)
        let setup = EngineSession()
        defer { setup.cleanUp(using: engine) }
        let prefix = TestEngine.uniquePrefix()
        let base = try await TestEngine.buildBase(engine, prefix: prefix, session: setup, tag: TestEngine.officialNodeTag(prefix))
        let app = try LabTests.nodeApp(base: base, session: setup, prefix: prefix)

        let session = EngineSession()
        let request = LabRequest(context: app, comparison: .fixed, engine: .buildah, network: "none", imagePrefix: "\(prefix)-fix", environment: variables)
        let report = try await Workspace.lab(request, session: session)
        #expect(report.engine.kind == "buildah")
        #expect(report.variants.map(\.role) == ["Dockerfile", "fixed"])
        let original = report.variants[0], fixed = report.variants[1]
        for variant in report.variants {
            #expect(variant.disagreements.isEmpty, "\(variant.role): \(variant.disagreements)")
            #expect(variant.comparedSteps > 0 && variant.coldSeconds > 0 && variant.imageBytes > 1_000_000 && variant.stepsRunNoChange == 0)
        }
        // The fixer's version copies the manifests and installs before it copies the sources.
        #expect(fixed.steps == original.steps + 1)
        #expect(original.stepsRunAfterTouch == 2 && fixed.stepsRunAfterTouch == 1)
        // The user is read from the saved image's config by Hull's image reader.
        #expect(original.runsAsRoot && !fixed.runsAsRoot && fixed.user == "node", "\(fixed.user)")

        #expect(session.folders.isEmpty && session.images.isEmpty && session.containers.isEmpty)
        #expect(try TestEngine.podmanDescendants(of: base).isEmpty)
        #expect(try TestEngine.podmanContainers(on: [base]).isEmpty)
    }

    @Test("podman: a lab interrupted half-way leaves no image, build container or temporary folder")
    func interrupted() async throws {
        let engine = try #require(try TestEngine.podman?.get())
        let variables = try #require(EngineEnvironment.serialVariables)
        let setup = EngineSession()
        defer { setup.cleanUp(using: engine) }
        let prefix = TestEngine.uniquePrefix()
        let base = try await TestEngine.buildBase(engine, prefix: prefix, session: setup)
        let app = try setup.makeTemporaryFolder(prefix: "\(prefix)-slow")
        // A COPY (a layer the build commits) and then a RUN long enough to be stopped while it runs.
        try TestEngine.write(["Dockerfile": "FROM \(base)\nCOPY a.txt /\nRUN sleep 30\n", "a.txt": "a\n"], into: app)

        let session = EngineSession()
        let request = LabRequest(context: app, engine: .podman, network: "none", imagePrefix: "\(prefix)-int", environment: variables)
        let task = Task { try await Workspace.lab(request, session: session) }
        let deadline = Date().addingTimeInterval(300)
        while session.images.isEmpty && Date() < deadline { try await Task.sleep(nanoseconds: 50_000_000) }
        #expect(!session.images.isEmpty, "the lab never started a build")
        let folders = session.folders
        // Long enough for podman to take the lock, commit the COPY and start the RUN.
        try await Task.sleep(nanoseconds: 4_000_000_000)
        session.interrupt()
        let result = await task.result
        guard case .failure(let error) = result else {
            Issue.record("the interrupted lab returned a report")
            return
        }
        #expect("\(error)".contains("interrupted"))
        #expect(!folders.isEmpty)
        for folder in folders { #expect(!FileManager.default.fileExists(atPath: folder), "\(folder) is left behind") }
        #expect(session.images.isEmpty && session.containers.isEmpty)
        // podman stopped mid-build leaves its working containers (on the base and on the COPY's
        // image); the lab removes them, then the images.
        #expect(try TestEngine.podmanContainers(on: [base]).isEmpty)
        #expect(try TestEngine.podmanDescendants(of: base).isEmpty)
    }
}
