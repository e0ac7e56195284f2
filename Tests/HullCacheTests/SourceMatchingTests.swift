import HullCache
import HullContext
import HullDockerfile
import Testing

@Suite("Cache model: matching changed paths against sources")
struct SourceMatchingTests {
    @Test("paths are cleaned as BuildKit cleans COPY sources", arguments: [
        ("./src/", "src"), ("/src//a/../b", "src/b"), ("..", "."), (".", "."), ("a/./b/.", "a/b"),
    ])
    func clean(input: String, expected: String) {
        #expect(SourcePath.clean(input) == expected)
    }

    @Test("globs match one segment at a time; folders include everything below", arguments: [
        ("package.json", "package*.json", true),
        ("package-lock.json", "package*.json", true),
        ("sub/package.json", "package*.json", false),
        ("src/a/b.js", "src", true),
        ("srcx/a.js", "src", false),
        ("src/a.js", "*/a.js", true),
        ("src/deep/a.js", "*/a.js", false),
        ("src/deep/a.js", "s?c/*", true),
        ("a1.txt", "a[0-9].txt", true),
        ("ab.txt", "a[^0-9].txt", true),
        ("src", "src/index.js", true),
        ("x/y/z.go", "x/**/z.go", true),
        ("x/y/w/z.go", "x/**/z.go", false),
    ])
    func relation(path: String, source: String, matches: Bool) {
        #expect((SourcePath.relation(of: path, to: source) != nil) == matches)
    }

    @Test("with --parents, ** spans any number of segments")
    func doubleStar() {
        #expect(SourcePath.relation(of: "x/y/z.go", to: "x/**/z.go", doubleStar: true) != nil)
        #expect(SourcePath.relation(of: "x/z.go", to: "x/**/z.go", doubleStar: true) != nil)
        #expect(SourcePath.relation(of: "y/z.go", to: "x/**/z.go", doubleStar: true) == nil)
    }

    @Test("--exclude keeps excluded files from invalidating the COPY")
    func exclude() {
        let model = CacheModel(dockerfile: .parse("FROM alpine\nCOPY --exclude=*.md --exclude=docs . /app\nRUN true\n"))
        #expect(model.predict(ChangeSet(paths: ["README.md"])).count(.rebuilt) == 0)
        #expect(model.predict(ChangeSet(paths: ["docs/x.txt"])).count(.rebuilt) == 0)
        #expect(model.predict(ChangeSet(paths: ["main.go"])).count(.rebuilt) == 2)
    }

    @Test("RUN --mount=type=bind reads the context; a change to the bound file rebuilds the RUN")
    func bindMount() {
        let model = CacheModel(dockerfile: .parse("FROM node:20\nRUN --mount=type=bind,source=package.json,target=package.json npm ci\nCOPY . .\n"))
        let prediction = model.predict(ChangeSet(paths: ["package.json"]))
        #expect(prediction.step(line: 2)?.reason?.kind == .mountSourceChanged)
        #expect(model.predict(ChangeSet(paths: ["src/a.js"])).step(line: 2)?.status == .cached)
        let cacheMount = CacheModel(dockerfile: .parse("FROM node:20\nRUN --mount=type=cache,target=/root/.npm npm ci\n"))
        #expect(cacheMount.predict(ChangeSet(paths: ["package.json"])).count(.rebuilt) == 0)
    }

    @Test("RUN --mount from a stage that rebuilds rebuilds the RUN")
    func mountFromStage() {
        let model = CacheModel(dockerfile: .parse("FROM alpine AS a\nCOPY x /x\nFROM alpine\nRUN --mount=type=bind,from=a,target=/m cat /m/x\n"))
        let step = model.predict(ChangeSet(paths: ["x"])).step(line: 4)
        #expect(step?.status == .rebuilt)
        #expect(step?.reason?.kind == .mountFromStageRebuilt)
    }

    @Test("ADD <url> without --checksum is re-checked every build; with one it is not")
    func remote() {
        let model = CacheModel(dockerfile: .parse("FROM alpine\nADD https://example.com/a.tgz /a\nADD --checksum=sha256:0000000000000000000000000000000000000000000000000000000000000000 https://example.com/b.tgz /b\n"))
        let prediction = model.predict(ChangeSet())
        #expect(prediction.step(line: 2)?.status == .cached)
        #expect(prediction.step(line: 2)?.notes.first?.kind == .remoteSource)
        #expect(prediction.step(line: 2)?.notes.first?.message.contains("re-checked every build") == true)
        #expect(prediction.step(line: 3)?.notes.isEmpty == true)
    }

    @Test("COPY --link stays cached when only earlier steps rebuild")
    func link() {
        let model = CacheModel(dockerfile: .parse("FROM alpine\nCOPY a /a\nCOPY --link b /b\nRUN true\n"))
        let prediction = model.predict(ChangeSet(paths: ["a"]))
        #expect(prediction.steps.map(\.status) == [.cached, .rebuilt, .cached, .rebuilt])
        #expect(prediction.step(line: 3)?.notes.first?.kind == .linkedCopy)
    }

    @Test("heredoc sources are not context files")
    func heredoc() {
        let model = CacheModel(dockerfile: .parse("FROM alpine\nCOPY <<EOF /a\nhello\nEOF\nRUN true\n"))
        #expect(model.predict(ChangeSet(paths: ["EOF"])).count(.rebuilt) == 0)
    }

    @Test("without a change set, each input group names the step it invalidates first")
    func impacts() {
        let model = CacheModel(dockerfile: .parse("FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm install\nCOPY src/ /x/\n"))
        let impacts = model.impacts(contextFiles: ["package.json", "src/index.js", "README.md"])
        let copyAll = impacts.first { $0.line == 3 }!
        #expect(copyAll.firstInvalidated?.line == 3)
        #expect(copyAll.files == 3)
        #expect(copyAll.rebuiltSteps == 3)
        let copySrc = impacts.first { $0.line == 5 }!
        #expect(copySrc.firstInvalidated?.line == 3, "src/ is already copied by `COPY . .`")
        #expect(copySrc.files == 1)
    }

    @Test("without a change set, build args name the first RUN they invalidate")
    func argImpacts() {
        let model = CacheModel(dockerfile: .parse("FROM alpine\nARG V=1\nCOPY a /a\nRUN make\n"))
        let impact = model.impacts(contextFiles: nil).first { $0.kind == .buildArg }
        #expect(impact?.sources == ["V"])
        #expect(impact?.firstInvalidated?.line == 4)
        #expect(impact?.rebuiltSteps == 1)
    }
}
