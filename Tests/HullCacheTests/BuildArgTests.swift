import HullCache
import HullDockerfile
import Testing

@Suite("Cache model: build arguments")
struct BuildArgTests {
    func predict(_ text: String, _ args: [String: String?], options: BuildOptions = BuildOptions()) -> CachePrediction {
        CacheModel(dockerfile: .parse(text), options: options).predict(ChangeSet(buildArgs: args))
    }

    @Test("a changed build arg invalidates the first RUN after its declaration, and what follows")
    func firstRunAfterDeclaration() {
        let text = "FROM alpine\nRUN apk add curl\nARG VERSION=1\nCOPY a /a\nRUN echo build\nRUN echo more\nLABEL v=$VERSION\n"
        let prediction = predict(text, ["VERSION": "2"])
        #expect(prediction.steps.map(\.status) == [.cached, .cached, .metadata, .cached, .rebuilt, .rebuilt, .metadata])
        let run = prediction.step(line: 5)!
        #expect(run.reason?.kind == .buildArgChanged)
        #expect(run.reason?.variable == "VERSION")
        #expect(run.reason?.line == 3)
        #expect(run.reason?.message.contains("now `2`") == true)
    }

    @Test("a build arg the stage does not declare changes nothing there; undeclared ones are listed")
    func undeclared() {
        let prediction = predict("ARG VERSION=1\nFROM alpine\nRUN echo hi\n", ["VERSION": "2", "OTHER": "x"])
        #expect(prediction.count(.rebuilt) == 0)
        #expect(prediction.undeclaredBuildArgs == ["OTHER"])
    }

    @Test("a global build arg used in FROM rebuilds the whole stage")
    func globalArgInFrom() {
        let prediction = predict("ARG NODE=20\nFROM node:${NODE}-alpine\nWORKDIR /app\nRUN npm ci\n", ["NODE": "22"])
        #expect(prediction.steps.map(\.status) == [.rebuilt, .rebuilt, .rebuilt], "ARGs above the first FROM belong to no stage")
        #expect(prediction.step(line: 2)?.reason?.kind == .baseImageChanged)
        #expect(prediction.step(line: 2)?.reason?.message.contains("node:22-alpine") == true)
    }

    @Test("an ENV derived from a build arg invalidates RUN through the environment")
    func derivedEnv() {
        let prediction = predict("FROM alpine\nARG MODE\nENV APP_MODE=$MODE\nRUN echo hi\n", ["MODE": nil])
        #expect(prediction.step(line: 4)?.status == .rebuilt)
    }

    @Test("a build arg used in a COPY destination or WORKDIR rebuilds that step")
    func expansion() {
        let prediction = predict("FROM alpine\nARG DIR=/app\nWORKDIR $DIR\nRUN true\n", ["DIR": "/srv"])
        #expect(prediction.step(line: 3)?.status == .rebuilt)
        #expect(prediction.step(line: 3)?.reason?.kind == .expansionChanged)
        #expect(prediction.step(line: 4)?.reason?.kind == .previousStepRebuilt)
    }

    @Test("a USER that expands a changed build arg invalidates the next RUN")
    func user() {
        let prediction = predict("FROM alpine\nARG UID=1000\nUSER $UID\nCOPY a /a\n", ["UID": "1001"])
        #expect(prediction.step(line: 4)?.status == .cached, "COPY does not depend on USER")
        let withRun = predict("FROM alpine\nRUN true\nARG UID=1000\nUSER $UID\nRUN id\n", ["UID": "1001"])
        #expect(withRun.step(line: 5)?.status == .rebuilt)
    }
}
