import Foundation
import Hull
import HullCache
import HullDockerfile
import HullTestSupport
import Testing

/// A build, a change, a rebuild: what the engine reuses, against what `hull cache` predicts.
struct CacheScenario: Sendable, CustomTestStringConvertible {
    var name: String
    /// The context's files; Dockerfiles say `{BASE}` for the stand-in base image.
    var files: [String: String]
    var dockerfile = "Dockerfile"
    var firstArgs: [String: String] = [:]
    var secondArgs: [String: String] = [:]
    var target: String?
    /// Files changed between the builds (nil deletes).
    var change: [String: String?] = [:]
    /// The Dockerfile lines the engine must run on the rebuild (all other build steps are cached).
    var ran: [Int]
    /// Lines predicted REBUILT unless the files copied from another stage come out identical,
    /// which they do here, so the engine reuses them.
    var identical: [Int] = []
    /// Lines where podman 4.3 (buildah 1.28) reuses a layer BuildKit rebuilds, against the model.
    var podmanReuses: [Int] = []

    var testDescription: String { name }

    /// The build args whose value differs between the builds, as `hull cache --build-arg` takes them.
    var changedArgs: [String: String?] {
        var changed: [String: String?] = [:]
        for name in Set(firstArgs.keys).union(secondArgs.keys) where firstArgs[name] != secondArgs[name] {
            changed[name] = secondArgs[name]
        }
        return changed
    }

    static func node(_ name: String, dockerfile: String, change: [String: String?], extra: [String: String] = [:], ran: [Int]) -> CacheScenario {
        var files = (try? TestEngine.nodeApp()) ?? [:]
        for key in ["Dockerfile", "Dockerfile.good"] {
            files[key] = files[key]?.replacingOccurrences(of: "FROM node:20-alpine", with: "FROM {BASE}")
                .replacingOccurrences(of: "FROM node:20", with: "FROM {BASE}")
        }
        files.merge(extra) { $1 }
        return CacheScenario(name: name, files: files, dockerfile: dockerfile, change: change, ran: ran)
    }
}

@Suite("hull cache against BuildKit", .enabled(if: EngineEnvironment.isAvailable, Comment(rawValue: EngineEnvironment.missingMessage)))
struct CacheAgainstBuildKitTests {
    static let sourceEdit = "// edited\nconsole.log(\"changed\");\n"
    static let manifestWithDependency = """
    {
      "name": "node-app",
      "version": "1.0.0",
      "private": true,
      "main": "src/index.js",
      "dependencies": { "express": "^4.19.2", "pino": "^9.0.0" }
    }

    """

    static let scenarios: [CacheScenario] = [
        .node("node-app Dockerfile: a source file changes", dockerfile: "Dockerfile",
              change: ["src/index.js": sourceEdit], ran: [3, 4]),
        .node("node-app Dockerfile.good: a source file changes", dockerfile: "Dockerfile.good",
              change: ["src/index.js": sourceEdit], ran: [20]),
        .node("node-app Dockerfile.good: the manifest changes", dockerfile: "Dockerfile.good",
              change: ["package.json": manifestWithDependency], ran: [5, 6, 17, 20]),
        .node("node-app Dockerfile: the manifest changes", dockerfile: "Dockerfile",
              change: ["package.json": manifestWithDependency], ran: [3, 4]),
        .node("node-app Dockerfile.good: nothing changes", dockerfile: "Dockerfile.good", change: [:], ran: []),
        .node("node-app Dockerfile: a file the .dockerignore excludes changes", dockerfile: "Dockerfile",
              change: [".env": "DATABASE_URL=postgres://other.invalid/app\n"], extra: [".dockerignore": ".env\nnode_modules\n.git\n"], ran: []),
        CacheScenario(name: "a build arg a RUN uses changes", files: [
            "Dockerfile": "FROM {BASE}\nARG VERSION=1\nWORKDIR /app\nCOPY a.txt ./\nRUN echo \"$VERSION\" > version\nRUN cat a.txt\n",
            "a.txt": "a\n",
        ], firstArgs: ["VERSION": "1"], secondArgs: ["VERSION": "2"], ran: [5, 6]),
        CacheScenario(name: "a build arg no RUN uses changes", files: [
            "Dockerfile": "FROM {BASE}\nWORKDIR /app\nARG FLAVOR\nCOPY a.txt ./\nRUN cat a.txt\n",
            "a.txt": "a\n",
        ], firstArgs: ["FLAVOR": "plain"], secondArgs: ["FLAVOR": "spicy"], ran: [5]),
        CacheScenario(name: "a build arg no ARG declares is given", files: [
            "Dockerfile": "FROM {BASE}\nARG FLAVOR=plain\nCOPY a.txt /app/\nRUN cat /app/a.txt\n",
            "a.txt": "a\n",
        ], secondArgs: ["UNDECLARED": "x"], ran: []),
        CacheScenario(name: "an ENV set from a build arg, above COPY and RUN", files: [
            "Dockerfile": "FROM {BASE}\nARG RELEASE=1\nENV APP_RELEASE=$RELEASE\nCOPY a.txt /app/\nRUN cat /app/a.txt\n",
            "a.txt": "a\n",
        ], firstArgs: ["RELEASE": "1"], secondArgs: ["RELEASE": "2"], ran: [5]),
        CacheScenario(name: "an ENV from a build arg expanded in a COPY destination", files: [
            "Dockerfile": "FROM {BASE}\nARG RELEASE=1\nENV APP_RELEASE=$RELEASE\nWORKDIR /app\nCOPY a.txt /app/$APP_RELEASE/\nRUN ls /app\n",
            "a.txt": "a\n",
        ], firstArgs: ["RELEASE": "1"], secondArgs: ["RELEASE": "2"], ran: [5, 6], podmanReuses: [5]),
        CacheScenario(name: "a build arg expanded in WORKDIR", files: [
            "Dockerfile": "FROM {BASE}\nARG DIR=/one\nCOPY a.txt /a.txt\nWORKDIR $DIR\nRUN pwd\n",
            "a.txt": "a\n",
        ], firstArgs: ["DIR": "/one"], secondArgs: ["DIR": "/two"], ran: [4, 5], podmanReuses: [4]),
        CacheScenario(name: "multi-stage: a file the COPY --from stage reads changes", files: [
            "Dockerfile": "FROM {BASE} AS build\nWORKDIR /src\nCOPY lib.txt ./\nRUN cp lib.txt /out.txt\n\nFROM {BASE} AS final\nCOPY app.txt /app/\nCOPY --from=build /out.txt /app/lib.txt\nRUN ls /app\n",
            "lib.txt": "lib\n", "app.txt": "app\n",
        ], change: ["lib.txt": "lib 2\n"], ran: [3, 4, 8, 9]),
        CacheScenario(name: "multi-stage: the COPY --from stage reruns but its output is identical", files: [
            "Dockerfile": "FROM {BASE} AS build\nCOPY lib.txt notes.txt /src/\nRUN cp /src/lib.txt /out.txt\n\nFROM {BASE} AS final\nCOPY --from=build /out.txt /app/lib.txt\nRUN ls /app\n",
            "lib.txt": "lib\n", "notes.txt": "notes\n",
        ], change: ["notes.txt": "notes 2\n"], ran: [2, 3], identical: [6, 7]),
        CacheScenario(name: "FROM a stage that reruns with identical output", files: [
            "Dockerfile": "FROM {BASE} AS build\nCOPY lib.txt notes.txt /src/\nRUN cp /src/lib.txt /out.txt && rm -r /src\n\nFROM build AS final\nRUN ls /out.txt\n",
            "lib.txt": "lib\n", "notes.txt": "notes\n",
        ], change: ["notes.txt": "notes 2\n"], ran: [2, 3, 6]),
        CacheScenario(name: "a stage the target does not need reads the changed file", files: [
            "Dockerfile": "FROM {BASE} AS unused\nCOPY other.txt /\nRUN cat /other.txt\n\nFROM {BASE} AS final\nCOPY app.txt /\nRUN cat /app.txt\n",
            "other.txt": "other\n", "app.txt": "app\n",
        ], change: ["other.txt": "other 2\n"], ran: []),
        CacheScenario(name: "--target an early stage; only a later stage reads the changed file", files: [
            "Dockerfile": "FROM {BASE} AS build\nWORKDIR /src\nCOPY lib.txt ./\nRUN cp lib.txt /out.txt\n\nFROM {BASE} AS final\nCOPY app.txt /app/\nCOPY --from=build /out.txt /app/lib.txt\nRUN ls /app\n",
            "lib.txt": "lib\n", "app.txt": "app\n",
        ], target: "build", change: ["app.txt": "app 2\n"], ran: []),
        CacheScenario(name: "--target an early stage that reads the changed file", files: [
            "Dockerfile": "FROM {BASE} AS build\nWORKDIR /src\nCOPY lib.txt ./\nRUN cp lib.txt /out.txt\n\nFROM {BASE} AS final\nCOPY app.txt /app/\nCOPY --from=build /out.txt /app/lib.txt\nRUN ls /app\n",
            "lib.txt": "lib\n", "app.txt": "app\n",
        ], target: "build", change: ["lib.txt": "lib 2\n"], ran: [3, 4]),
        CacheScenario(name: "RUN --mount=type=bind: the bound file changes", files: [
            "Dockerfile": "FROM {BASE}\nWORKDIR /w\nRUN --mount=type=bind,source=config.txt,target=/mnt/config.txt cat /mnt/config.txt > /copy\nCOPY other.txt ./\nRUN cat other.txt\n",
            "config.txt": "config\n", "other.txt": "other\n",
        ], change: ["config.txt": "config 2\n"], ran: [3, 4, 5], podmanReuses: [3, 4, 5]),
        CacheScenario(name: "RUN --mount=type=bind: a file it does not bind changes", files: [
            "Dockerfile": "FROM {BASE}\nWORKDIR /w\nRUN --mount=type=bind,source=config.txt,target=/mnt/config.txt cat /mnt/config.txt > /copy\nCOPY other.txt ./\nRUN cat other.txt\n",
            "config.txt": "config\n", "other.txt": "other\n",
        ], change: ["other.txt": "other 2\n"], ran: [4, 5]),
        CacheScenario(name: "COPY --chmod and --chown: the --chown source changes", files: [
            "Dockerfile": "FROM {BASE}\nCOPY --chmod=755 run.sh /usr/local/bin/run.sh\nCOPY --chown=1000:1000 data.txt /data/\nRUN ls -ln /data /usr/local/bin/run.sh\n",
            "run.sh": "#!/bin/sh\necho run\n", "data.txt": "data\n",
        ], change: ["data.txt": "data 2\n"], ran: [3, 4]),
        CacheScenario(name: "COPY --chmod: its source changes", files: [
            "Dockerfile": "FROM {BASE}\nCOPY --chmod=755 run.sh /usr/local/bin/run.sh\nCOPY --chown=1000:1000 data.txt /data/\nRUN ls -ln /data /usr/local/bin/run.sh\n",
            "run.sh": "#!/bin/sh\necho run\n", "data.txt": "data\n",
        ], change: ["run.sh": "#!/bin/sh\necho run 2\n"], ran: [2, 3, 4]),
        CacheScenario(name: "ADD of local files: the second source changes", files: [
            "Dockerfile": "FROM {BASE}\nADD data.txt /data/\nADD other.txt /o/\nRUN cat /data/data.txt /o/other.txt\n",
            "data.txt": "data\n", "other.txt": "other\n",
        ], change: ["other.txt": "other 2\n"], ran: [3, 4]),
        CacheScenario(name: "a folder source: a file deep inside changes, a sibling folder does not count", files: [
            "Dockerfile": "FROM {BASE}\nCOPY config/ /etc/app/\nCOPY src/ /app/src/\nRUN ls -R /app\n",
            "config/app.conf": "a=1\n", "src/lib/util.js": "util\n", "docs/notes.md": "notes\n",
        ], change: ["src/lib/util.js": "util 2\n", "docs/notes.md": "notes 2\n"], ran: [3, 4]),
        CacheScenario(name: "a file inside a copied folder is deleted, another is added", files: [
            "Dockerfile": "FROM {BASE}\nCOPY config/ /etc/app/\nCOPY src/ /app/src/\nRUN ls -R /app\n",
            "config/app.conf": "a=1\n", "src/a.js": "a\n", "src/old.js": "old\n",
        ], change: ["src/old.js": nil, "src/new.js": "new\n"], ran: [3, 4]),
        CacheScenario(name: "a file the .dockerignore excludes is added to a copied folder", files: [
            "Dockerfile": "FROM {BASE}\nCOPY src/ /app/src/\nRUN ls -R /app\n",
            ".dockerignore": "**/*.log\n", "src/a.js": "a\n",
        ], change: ["src/debug.log": "noise\n"], ran: []),
        CacheScenario(name: "wildcard sources: a file the pattern does not match changes", files: [
            "Dockerfile": "FROM {BASE}\nCOPY *.json /app/\nCOPY src/*.js /app/src/\nRUN ls /app\n",
            "package.json": "{}\n", "src/a.js": "a\n", "src/b.ts": "b\n",
        ], change: ["src/b.ts": "b 2\n"], ran: []),
    ]

    @Test("the steps BuildKit reuses are the steps hull cache predicts CACHED", arguments: scenarios)
    func scenario(_ scenario: CacheScenario) async throws {
        let engine = try #require(try TestEngine.docker?.get())
        let session = EngineSession()
        let check = try await Self.run(scenario, engine: engine, session: session)
        let images = session.images, folders = session.folders
        #expect(images.count == 3 && folders.count == 2)
        #expect(session.cleanUp(using: engine).isEmpty)
        for image in images { #expect(!engine.imageExists(image), "\(image) is left behind") }
        for folder in folders { #expect(!FileManager.default.fileExists(atPath: folder), "\(folder) is left behind") }
        let comparison = check.comparison
        #expect(comparison.agrees, "\(scenario.name): hull cache disagrees with \(engine.displayName):\n\(check.table)")
        // The engine's own behaviour, independent of the prediction.
        let ranLines = comparison.rows.filter { $0.compared && $0.engine == .ran }.map(\.line).sorted()
        #expect(ranLines == scenario.ran, "\(scenario.name): the engine ran lines \(ranLines), expected \(scenario.ran):\n\(check.table)")
        #expect(comparison.rows.contains { $0.compared && $0.engine != nil }, "no step of \(scenario.name) was compared")
        #expect(comparison.identicalContent.map(\.line) == scenario.identical, "\(scenario.name): lines reused because copied files came out identical:\n\(check.table)")
    }

    struct Check {
        var comparison: CacheComparison
        var table: String
    }

    /// Builds the scenario, applies the change in the temporary copy, predicts, rebuilds, compares.
    /// Everything the run creates is recorded in `session`; the caller cleans it up.
    static func run(_ scenario: CacheScenario, engine: ContainerEngine, session: EngineSession) async throws -> Check {
        let prefix = TestEngine.uniquePrefix()
        let base = try await TestEngine.buildBase(engine, prefix: prefix, session: session)
        let context = try session.makeTemporaryFolder(prefix: prefix)
        var files = scenario.files
        files[scenario.dockerfile] = files[scenario.dockerfile]?.replacingOccurrences(of: "{BASE}", with: base)
        try TestEngine.write(files, into: context)
        let dockerfile = "\(context)/\(scenario.dockerfile)"
        var request = EngineBuildRequest(context: context, dockerfile: dockerfile, tag: "\(prefix)/scenario:1", buildArgs: scenario.firstArgs,
                                         target: scenario.target, network: "none")
        _ = try await engine.build(request, session: session)

        try TestEngine.write(scenario.change, into: context)
        let report = try await Workspace.cache(CacheRequest(dockerfile: dockerfile, context: context, changedPaths: Array(scenario.change.keys),
                                                            buildArgs: scenario.changedArgs, target: scenario.target))
        request.tag = "\(prefix)/scenario:2"
        request.buildArgs = scenario.secondArgs
        let build = try await engine.build(request, session: session)
        let parsed = Dockerfile.parse(try String(contentsOfFile: dockerfile, encoding: .utf8), path: dockerfile)
        let comparison = CacheComparison(stages: report.stages, dockerfile: parsed, options: BuildOptions(target: scenario.target),
                                         steps: build.steps, engine: engine.kind)
        var table = comparison.rows.map { row in
            let mark = !row.compared ? " " : row.agrees ? "=" : "≠"
            let notes = (row.conditional ? " (unless identical)" : "") + (row.sharedWith.map { " (vertex of \($0))" } ?? "")
            return "\(mark) \(row.stage) line \(row.line) \(row.keyword): predicted \(row.predicted.rawValue), engine \(row.engine?.rawValue ?? "—")\(notes)"
        }.joined(separator: "\n")
        if !comparison.unmatched.isEmpty { table += "\nunmatched engine steps: \(comparison.unmatched)" }
        return Check(comparison: comparison, table: table)
    }
}

/// `COPY --link` and `COPY --exclude` (Docs/cache-model.md rows 21 and 19): compared like the
/// other scenarios when the engine's Dockerfile frontend knows the flag; otherwise the engine
/// must reject it by name at its line (the built-in frontend of Docker 20.10 predates both, and
/// a `# syntax=` frontend cannot be pulled without a registry).
@Suite("COPY --link and --exclude against BuildKit", .enabled(if: EngineEnvironment.isAvailable, Comment(rawValue: EngineEnvironment.missingMessage)))
struct NewerCopyFlagTests {
    static let scenarios: [(flag: String, scenario: CacheScenario)] = [
        ("link", CacheScenario(name: "COPY --link after a changed COPY", files: [
            "Dockerfile": "FROM {BASE}\nCOPY a.txt /a/\nCOPY --link b.txt /b/\nRUN cat /a/a.txt /b/b.txt\n",
            "a.txt": "a\n", "b.txt": "b\n",
        ], change: ["a.txt": "a 2\n"], ran: [2, 4])),
        ("exclude", CacheScenario(name: "COPY --exclude: an excluded file changes", files: [
            "Dockerfile": "FROM {BASE}\nCOPY --exclude=*.md docs/ /docs/\nRUN ls /docs\n",
            "docs/guide.txt": "guide\n", "docs/notes.md": "notes\n",
        ], change: ["docs/notes.md": "notes 2\n"], ran: [])),
    ]

    @Test("the engine either agrees with hull cache or rejects the flag by name", arguments: [0, 1])
    func flag(_ position: Int) async throws {
        let (flag, scenario) = Self.scenarios[position]
        let engine = try #require(try TestEngine.docker?.get())
        let session = EngineSession()
        defer { session.cleanUp(using: engine) }
        do {
            let check = try await CacheAgainstBuildKitTests.run(scenario, engine: engine, session: session)
            #expect(check.comparison.agrees, "\(scenario.name):\n\(check.table)")
            let ran = check.comparison.rows.filter { $0.compared && $0.engine == .ran }.map(\.line)
            #expect(ran == scenario.ran, "\(scenario.name):\n\(check.table)")
        } catch let error as HullError {
            guard case .engineFailed(let message) = error else { throw error }
            let text = try #require(scenario.files["Dockerfile"])
            let line = try #require(text.split(separator: "\n").firstIndex { $0.contains("--\(flag)") }) + 1
            #expect(message.contains("dockerfile parse error line \(line): Unknown flag: \(flag)"), "\(message)")
            print("\(engine.displayName) rejects COPY --\(flag): \(message.split(separator: "\n").last ?? "")")
        }
    }
}

/// The same scenarios with podman (buildah's layer cache). podman agrees with the model except
/// where it reuses layers BuildKit rebuilds (`podmanReuses`, documented in Docs/cache-model.md).
/// Serialized: podman 4.3 fails with "layer not known" / "container not known" when builds and
/// removals run at once in one store.
@Suite("hull cache against podman", .serialized, .enabled(if: EngineEnvironment.isAvailable, Comment(rawValue: EngineEnvironment.missingMessage)))
struct CacheAgainstPodmanTests {
    @Test("podman reuses what hull cache predicts CACHED, and more only where documented", arguments: CacheAgainstBuildKitTests.scenarios)
    func scenario(_ scenario: CacheScenario) async throws {
        let engine = try #require(try TestEngine.podman?.get())
        let session = EngineSession()
        defer { session.cleanUp(using: engine) }
        let check = try await CacheAgainstBuildKitTests.run(scenario, engine: engine, session: session)
        // Tags and every layer image the builds committed go with the cleanup.
        let images = session.images
        #expect(images.count > 3)
        #expect(session.cleanUp(using: engine).isEmpty)
        for image in images { #expect(!engine.imageExists(image), "\(image) is left behind") }
        let comparison = check.comparison
        #expect(comparison.unmatched.isEmpty, "\(scenario.name):\n\(check.table)")
        let disagreeing = comparison.disagreements.map(\.line)
        #expect(disagreeing == scenario.podmanReuses, "\(scenario.name): disagreements on lines \(disagreeing):\n\(check.table)")
        #expect(comparison.disagreements.allSatisfy { $0.predicted == .rebuilt && $0.engine == .cached })
        let ran = comparison.rows.filter { $0.compared && $0.engine == .ran }.map(\.line).sorted()
        #expect(ran == scenario.ran.filter { !scenario.podmanReuses.contains($0) }, "\(scenario.name):\n\(check.table)")
    }
}
