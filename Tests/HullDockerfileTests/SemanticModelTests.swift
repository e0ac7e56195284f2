import HullDockerfile
import Testing

@Suite("Semantic model")
struct SemanticModelTests {
    @Test("global ARGs reach FROM; inside a stage only when redeclared; build args override")
    func argScopes() {
        let dockerfile = Dockerfile.parse("ARG V=20\nARG BASE=node:${V}\nFROM ${BASE}-alpine\nARG V\nRUN echo $V\nENV W=$V-x\nLABEL l=$W\n")
        let model = SemanticModel(dockerfile)
        #expect(model.baseExpansions[0].value == "node:20-alpine")
        #expect(model.scope(at: 3).value(of: "V") == nil)
        #expect(model.scope(at: 4).value(of: "V") == "20")
        #expect(model.expand("$W", at: 6).value == "20-x")
        let overridden = SemanticModel(dockerfile, options: BuildOptions(buildArgs: ["V": "22"]))
        #expect(overridden.baseExpansions[0].value == "node:22-alpine")
        #expect(overridden.scope(at: 4).value(of: "V") == "22")
    }

    @Test("ENV wins over an ARG of the same name; all pairs of one ENV see the scope before it")
    func envPrecedence() {
        let model = SemanticModel(Dockerfile.parse("FROM a\nARG X=arg\nENV X=env Y=$X\nRUN true\n"))
        #expect(model.scope(at: 3).value(of: "X") == "env")
        #expect(model.scope(at: 3).value(of: "Y") == "arg")
    }

    @Test("stage bases, forward --from references and the stages a target needs")
    func graph() {
        let dockerfile = Dockerfile.parse("FROM alpine AS a\nCOPY --from=b /x /x\nFROM alpine AS b\nFROM a AS c\nFROM Base\nFROM scratch AS unused\n")
        let model = SemanticModel(dockerfile, options: BuildOptions(target: "c"))
        #expect(model.bases[2] == .stage(0))
        if case .image(let text, _) = model.bases[3] { #expect(text == "Base") } else { Issue.record("FROM Base is an image reference") }
        #expect(model.bases[4] == .scratch)
        #expect(model.dependencies.first { $0.kind == .copyFrom }?.target == 1)
        #expect(model.requiredStages == [0, 1, 2])
    }

    @Test("platform ARGs are predefined globally and available in a stage when redeclared")
    func platformArgs() {
        let model = SemanticModel(Dockerfile.parse("FROM --platform=$BUILDPLATFORM golang:1.22\nARG TARGETARCH\nRUN echo $TARGETARCH\n"), options: BuildOptions(platform: "linux/arm64/v8"))
        #expect(model.scope(at: 2).value(of: "TARGETARCH") == "arm64")
        #expect(model.expand("$BUILDPLATFORM", at: 0).value == "linux/amd64")
    }
}
