import HullCache
import HullDockerfile
import Testing

@Suite("Cache model: the seeds' projects on disk")
struct CacheModelTests {
    func model(_ tree: ProjectTree, options: BuildOptions = BuildOptions()) throws -> CacheModel {
        try CacheModel(contextDirectory: tree.root, dockerfilePath: tree.path("Dockerfile"), options: options)
    }

    func statuses(_ prediction: CachePrediction) -> [String] {
        prediction.steps.map { "\($0.line) \($0.keyword) \($0.status.rawValue)" }
    }

    @Test("the bad Dockerfile: a change to src/index.js rebuilds every step from `COPY . .` down")
    func badDockerfile() throws {
        let tree = try Seeds.project(Seeds.bad)
        let prediction = try model(tree).predict(ChangeSet(paths: ["src/index.js"]))
        #expect(statuses(prediction) == ["1 FROM CACHED", "2 WORKDIR CACHED", "3 COPY REBUILT", "4 RUN REBUILT", "5 EXPOSE METADATA", "6 CMD METADATA"])
        let copy = try #require(prediction.step(line: 3))
        #expect(copy.reason?.kind == .sourceChanged)
        #expect(copy.reason?.path == "src/index.js")
        #expect(copy.reason?.source == ".")
        #expect(prediction.step(line: 4)?.reason?.kind == .previousStepRebuilt)
        let miss = try #require(prediction.stages[0].firstMiss)
        #expect(miss.line == 3 && miss.stepsAfter == 1)
        #expect(prediction.unusedChanges.isEmpty)
    }

    @Test("the optimised Dockerfile: `npm ci` stays cached and only `COPY src/` rebuilds")
    func optimisedDockerfile() throws {
        let tree = try Seeds.project(Seeds.optimised)
        let prediction = try model(tree).predict(ChangeSet(paths: ["src/index.js"]))
        #expect(statuses(prediction) == ["1 FROM CACHED", "2 WORKDIR CACHED", "3 COPY CACHED", "4 RUN CACHED", "5 COPY REBUILT", "6 CMD METADATA"])
        #expect(prediction.step(line: 5)?.reason?.source == "src/")
    }

    @Test("package.json changed: the install rebuilds in both Dockerfiles", arguments: [Seeds.bad, Seeds.optimised])
    func manifestChanged(dockerfile: String) throws {
        let tree = try Seeds.project(dockerfile)
        let prediction = try model(tree).predict(ChangeSet(paths: ["package.json"]))
        #expect(prediction.step(line: 4)?.status == .rebuilt)
        #expect(prediction.step(line: 3)?.reason?.path == "package.json")
    }

    @Test("a change only to files the ignore file excludes leaves everything cached",
          arguments: ["README.md", "node_modules/left-pad/index.js", ".env", "index.test.js", "coverage/lcov.info", "debug.log"])
    func ignoredChange(path: String) throws {
        let tree = try Seeds.project(Seeds.bad)
        let prediction = try model(tree).predict(ChangeSet(paths: [path]))
        #expect(prediction.count(.rebuilt) == 0)
        let unused = try #require(prediction.unusedChanges.first)
        #expect(unused.path == path)
        #expect(unused.ignorePattern != nil)
        #expect(unused.reason.contains("`.dockerignore`"))
    }

    @Test("without an ignore file the same change rebuilds")
    func noIgnoreFile() throws {
        let tree = try Seeds.project(Seeds.bad, ignore: nil)
        let prediction = try model(tree).predict(ChangeSet(paths: ["README.md"]))
        #expect(prediction.step(line: 3)?.status == .rebuilt)
    }

    @Test("multi-stage: a source change rebuilds the builder from `COPY src/`, the runtime from its COPY --from, and leaves deps cached")
    func multiStage() throws {
        let tree = try Seeds.project(Seeds.multiStage)
        let prediction = try model(tree).predict(ChangeSet(paths: ["src/lib/util.js"]))
        let deps = prediction.stages[0], build = prediction.stages[1], runtime = prediction.stages[2]
        #expect(deps.steps.allSatisfy { $0.status == .cached })
        #expect(build.firstMiss?.line == 11)
        #expect(build.firstMiss?.stepsAfter == 1)
        #expect(build.firstMiss?.dependentStages == ["runtime"])
        #expect(prediction.step(line: 9)?.status == .cached, "the builder's install stays cached")
        #expect(prediction.step(line: 17)?.status == .cached, "COPY --from=deps stays cached")
        let copy = try #require(prediction.step(line: 18))
        #expect(copy.status == .rebuilt)
        #expect(copy.reason?.kind == .copyFromStageRebuilt)
        #expect(copy.reason?.message.contains("unless the copied files come out identical") == true)
        #expect(prediction.step(line: 16)?.status == .cached)
    }

    @Test("multi-stage with --target: stages the target does not need are skipped")
    func skippedStages() throws {
        let tree = try Seeds.project(Seeds.multiStage)
        let prediction = try model(tree, options: BuildOptions(target: "build")).predict(ChangeSet(paths: ["package.json"]))
        #expect(prediction.stages[0].steps.allSatisfy { $0.status == .skipped })
        #expect(prediction.stages[2].steps.allSatisfy { $0.status == .skipped })
        #expect(prediction.stages[0].steps[0].reason?.kind == .notNeeded)
        #expect(prediction.step(line: 9)?.status == .rebuilt)
    }

    @Test("a stage built FROM a rebuilt stage rebuilds from its FROM")
    func baseStage() throws {
        let tree = try ProjectTree(["Dockerfile": "FROM alpine AS base\nCOPY a.txt /a\nFROM base AS final\nRUN echo hi\nLABEL x=y\n", "a.txt": "a"])
        let prediction = try model(tree).predict(ChangeSet(paths: ["a.txt"]))
        #expect(statuses(prediction) == ["1 FROM CACHED", "2 COPY REBUILT", "3 FROM REBUILT", "4 RUN REBUILT", "5 LABEL METADATA"])
        #expect(prediction.step(line: 3)?.reason?.kind == .baseStageRebuilt)
        #expect(prediction.stages[0].firstMiss?.dependentStages == ["final"])
    }

    @Test("a changed file nothing copies changes nothing")
    func unreadChange() throws {
        let tree = try Seeds.project(Seeds.optimised)
        let prediction = try model(tree).predict(ChangeSet(paths: ["tsconfig.json"]))
        #expect(prediction.count(.rebuilt) == 0)
        #expect(prediction.unusedChanges.map(\.path) == ["tsconfig.json"])
        #expect(prediction.unusedChanges.first?.ignorePattern == nil)
    }
}
