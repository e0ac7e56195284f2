import HullCache
import HullDockerfile
import Testing

@Suite("Cache model: edits of the Dockerfile itself")
struct DockerfileEditTests {
    static let previous = "FROM node:20-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY src/ ./src/\nRUN npm run build\nCMD [\"node\", \"dist/index.js\"]\n"

    func predict(_ current: String) -> CachePrediction {
        CacheModel(dockerfile: .parse(current)).predict(ChangeSet(previousDockerfile: Self.previous))
    }

    @Test("the same Dockerfile (keyword case and blanks aside) changes nothing")
    func unchanged() {
        #expect(predict(Self.previous).count(.rebuilt) == 0)
        #expect(predict(Self.previous.replacingOccurrences(of: "RUN npm ci", with: "run   npm ci")).count(.rebuilt) == 0)
    }

    @Test("an edited RUN misses, and every step after it")
    func editedRun() {
        let prediction = predict(Self.previous.replacingOccurrences(of: "RUN npm ci", with: "RUN npm ci --omit=dev"))
        #expect(prediction.steps.map(\.status) == [.cached, .cached, .cached, .rebuilt, .rebuilt, .rebuilt, .metadata])
        #expect(prediction.step(line: 4)?.reason?.kind == .instructionEdited)
    }

    @Test("a LABEL added or a CMD edited changes no build step")
    func metadataOnly() {
        let edited = Self.previous.replacingOccurrences(of: "WORKDIR /app\n", with: "WORKDIR /app\nLABEL team=web\n")
            .replacingOccurrences(of: "dist/index.js", with: "dist/main.js")
        #expect(predict(edited).count(.rebuilt) == 0)
    }

    @Test("an ENV added above the install leaves the COPY cached and misses at the RUN")
    func envAdded() {
        let prediction = predict(Self.previous.replacingOccurrences(of: "WORKDIR /app\n", with: "WORKDIR /app\nENV NODE_ENV=production\n"))
        #expect(prediction.step(line: 4)?.status == .cached, "COPY does not see ENV")
        let run = prediction.step(line: 5)
        #expect(run?.status == .rebuilt)
        #expect(run?.reason?.kind == .metadataEdited)
        #expect(run?.reason?.line == 3)
    }

    @Test("a step inserted early shifts the chain: it and everything after it miss")
    func inserted() {
        let prediction = predict(Self.previous.replacingOccurrences(of: "WORKDIR /app\n", with: "WORKDIR /app\nRUN apk add --no-cache git\n"))
        #expect(prediction.steps.map(\.status) == [.cached, .cached, .rebuilt, .rebuilt, .rebuilt, .rebuilt, .rebuilt, .metadata])
    }

    @Test("an edited heredoc body misses")
    func heredoc() {
        let before = "FROM alpine\nRUN <<EOF\necho one\nEOF\n"
        let model = CacheModel(dockerfile: .parse("FROM alpine\nRUN <<EOF\necho two\nEOF\n"))
        #expect(model.predict(ChangeSet(previousDockerfile: before)).step(line: 2)?.status == .rebuilt)
        #expect(model.predict(ChangeSet(previousDockerfile: "FROM alpine\nRUN <<EOF\necho two\nEOF\n")).count(.rebuilt) == 0)
    }

    @Test("a new stage is built from its FROM")
    func newStage() {
        let prediction = predict(Self.previous + "FROM alpine:3.20 AS extra\nRUN true\n")
        #expect(prediction.stages[0].rebuilds == false)
        #expect(prediction.stages[1].firstMiss?.line == 8)
    }
}
