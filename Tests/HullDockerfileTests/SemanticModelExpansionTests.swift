import Testing
@testable import HullDockerfile

/// Expansions the semantic model makes with and without variables, on default and other platforms.
@Suite("Semantic model expansion")
struct SemanticModelExpansionTests {
    @Test("all pairs of one ENV see the scope before it; the next instruction sees the new values")
    func envPairsSeeTheScopeBefore() {
        let model = SemanticModel(Dockerfile.parse("FROM alpine\nENV A=0\nENV A=1 B=$A C=${A}x\nENV D=$A$B\n"))
        #expect(model.scopes[2].value(of: "A") == "0")
        #expect(model.scopes[3].value(of: "A") == "1")
        #expect(model.scopes[3].value(of: "B") == "0")
        #expect(model.scopes[3].value(of: "C") == "0x")
        #expect(model.expand("$D-$A", at: 3).value == "-1")
        #expect(model.expand("$A", at: 3).matched == ["A"])
        #expect(model.expand("no variables", at: 3) == Expansion(raw: "no variables", value: "no variables", matched: [], unmatched: [], error: nil))
    }

    @Test("FROM lines expand global ARGs; stage ARGs inherit global defaults and platform values")
    func globalAndPlatformArgs() {
        let text = "ARG BASE=alpine\nARG TAG=3.20\nFROM $BASE:${TAG} AS build\nARG TAG\nARG TARGETARCH\nARG TARGETVARIANT\nRUN x\n"
        let model = SemanticModel(Dockerfile.parse(text), options: BuildOptions(platform: "linux/arm/v7"))
        #expect(model.baseExpansions[0].value == "alpine:3.20")
        #expect(model.baseExpansions[0].matched == ["BASE", "TAG"])
        #expect(model.scopes[6].value(of: "TAG") == "3.20")
        #expect(model.scopes[6].value(of: "TARGETARCH") == "arm")
        #expect(model.scopes[6].value(of: "TARGETVARIANT") == "v7")
    }

    @Test("platform ARGs split os/arch/variant, with empty parts when absent")
    func platformArgs() {
        let args = Dictionary(uniqueKeysWithValues: BuildOptions(platform: "linux/arm64/v8", buildPlatform: "windows").platformArgs)
        #expect(args["TARGETOS"] == "linux" && args["TARGETARCH"] == "arm64" && args["TARGETVARIANT"] == "v8")
        #expect(args["BUILDOS"] == "windows" && args["BUILDARCH"] == "" && args["BUILDVARIANT"] == "")
        #expect(args["TARGETPLATFORM"] == "linux/arm64/v8")
    }

    @Test("a word the lexer rejects keeps its raw text and the error")
    func expansionError() {
        let model = SemanticModel(Dockerfile.parse("FROM alpine\nWORKDIR /x\n"))
        let expansion = model.expand("${A", at: 1)
        #expect(expansion.value == "${A")
        #expect(expansion.error != nil)
    }
}
