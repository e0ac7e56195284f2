import Foundation
import HullCore
import HullDockerfile
import HullLint
@testable import HullRules
import Testing

/// Behaviour of the structure rules (DF020–DF041) that their examples cannot show: findings
/// the catalogue's lower-case variant would hide, configuration, messages and speed.
@Suite("Structure rules")
struct StructureRulesTests {
    // MARK: - Keyword casing

    @Test("keywords in the minority case or in mixed case are reported, at the keyword")
    func keywordCasing() {
        let text = "FROM alpine:3.20\nrun echo a\nRun echo b\nCOPY a b\n"
        let found = RuleHarness.lint(KeywordCasingRule.self, text)
        #expect(found.map { RuleHarness.snippet(text, $0) } == ["run", "Run"])
        #expect(found[0].message == "`run` does not match the upper-case keywords used in most of the file")
        #expect(found[1].message == "`Run` mixes upper and lower case")
    }

    @Test("a lower-case majority wins, and a tie goes to upper case")
    func keywordMajority() {
        let lower = "from alpine:3.20\nrun a\nRUN b\n"
        #expect(RuleHarness.lint(KeywordCasingRule.self, lower).map { RuleHarness.snippet(lower, $0) } == ["RUN"])
        let tie = "from alpine:3.20\nRUN b\n"
        #expect(RuleHarness.lint(KeywordCasingRule.self, tie).map { RuleHarness.snippet(tie, $0) } == ["from"])
    }

    @Test("`AS` is reported against its own `FROM`, and fixed with it")
    func fromAs() {
        let text = "FROM alpine:3.20 as build\nRUN true\n"
        #expect(RuleHarness.lint(KeywordCasingRule.self, text).map { RuleHarness.snippet(text, $0) } == ["as"])
        #expect(RuleHarness.fixed(KeywordCasingRule.self, "FROM a AS b\nrun x\nrun y\n") == "from a as b\nrun x\nrun y\n")
    }

    @Test("BuildKit's check names skip the rule")
    func buildKitSkip() {
        let text = "# check=skip=FromAsCasing\nFROM alpine:3.20 as build\n"
        #expect(RuleHarness.lint(KeywordCasingRule.self, text).isEmpty)
    }

    // MARK: - Registries

    @Test("trusted registries come from the configuration, with wildcards and Docker Hub spellings")
    func trustedRegistries() {
        var configuration = Configuration()
        configuration.trustedRegistries = ["*.corp.example", "index.docker.io", "localhost:5000"]
        let text = """
        FROM alpine:3.20
        FROM registry.corp.example/base:1
        FROM localhost:5000/tools:1
        FROM localhost:5001/tools:1
        FROM corp.example/base:1
        FROM ghcr.io/org/app:1

        """
        let found = RuleHarness.lint(UntrustedBaseRegistryRule.self, text, configuration: configuration)
        #expect(found.map { RuleHarness.snippet(text, $0) } == ["localhost:5001/tools:1", "corp.example/base:1", "ghcr.io/org/app:1"])
        #expect(found.first?.severity == .error)
        #expect(RuleHarness.lint(UntrustedBaseRegistryRule.self, text).isEmpty, "an empty list allows every registry")
    }

    // MARK: - Stages and COPY --from

    @Test("COPY --from explains a forward reference and suggests a near stage name")
    func copyFromMessages() {
        let text = "FROM golang:1.23 AS builder\nFROM alpine:3.20\nCOPY --from=bulder /a /a\nCOPY --from=later /b /b\nFROM alpine:3.20 AS later\n"
        let found = RuleHarness.lint(CopyFromUndefinedStageRule.self, text)
        #expect(found.map(\.message) == ["`bulder` is not a stage defined above (did you mean `builder`?)", "stage `later` is defined later, on line 5"])
    }

    @Test("the stage-name fix renames literal references too")
    func stageRename() {
        let text = "FROM golang:1.23 AS Build\nRUN true\nFROM alpine:3.20\nCOPY --from=BUILD /a /a\nRUN --mount=from=Build,target=/x true\n"
        #expect(RuleHarness.fixed(StageNameCasingRule.self, text) == "FROM golang:1.23 AS build\nRUN true\nFROM alpine:3.20\nCOPY --from=build /a /a\nRUN --mount=from=Build,target=/x true\n")
    }

    @Test("a missing WORKDIR is inherited through stage bases")
    func workdirInheritance() {
        let text = "FROM alpine:3.20 AS a\nWORKDIR /app\nFROM a AS b\nFROM b\nCOPY x .\nFROM alpine:3.20\nCOPY y .\n"
        let found = RuleHarness.lint(RelativeCopyDestinationWithoutWorkdirRule.self, text)
        #expect(found.count == 1)
        #expect(found.first.map { RuleHarness.snippet(text, $0) } == ".")
        #expect(found.first?.range?.start == Array(text.utf8).count - 2)
    }

    // MARK: - Variables

    @Test("ARG defaults are judged without build arguments")
    func defaultArgs() {
        let text = "ARG IMAGE\nFROM $IMAGE\n"
        var configuration = Configuration()
        configuration.select = ["DF024"]
        let linter = Linter(rules: [InvalidDefaultArgInFromRule.self], configuration: configuration)
        let analyzed = AnalyzedDockerfile(Dockerfile.parse(text), configuration: configuration, options: BuildOptions(buildArgs: ["IMAGE": "alpine:3.20"]))
        #expect(linter.lint(analyzed).count == 1)
    }

    @Test("undefined variables: global ARGs need redeclaring, image stages only report what is certain")
    func undefinedVariables() {
        let text = """
        ARG VERSION=1
        FROM alpine:3.20
        LABEL v=$VERSION
        WORKDIR $SOMETHING_FROM_THE_BASE
        ENV CONFIG_DIR=/etc/app
        COPY app.conf $CONFIG_DIRS/
        RUN echo $UNDEFINED_IN_SHELL
        FROM scratch
        COPY a $SOMETHING_FROM_THE_BASE

        """
        let found = RuleHarness.lint(UndefinedVariableRule.self, text)
        #expect(found.map { RuleHarness.snippet(text, $0) } == ["$VERSION", "$CONFIG_DIRS", "$SOMETHING_FROM_THE_BASE"])
        #expect(found[0].notes == ["`VERSION` is a global ARG; declare `ARG VERSION` in this stage to use it here."])
        #expect(found[1].message == "`CONFIG_DIRS` is not defined here (did you mean `CONFIG_DIR`?)")
    }

    @Test("predefined platform ARGs and a stage's inherited ENV count as defined")
    func definedVariables() {
        let text = "FROM scratch AS base\nENV APP=/app\nFROM base\nARG TARGETARCH\nWORKDIR $APP/$TARGETARCH\nCOPY --chown=$BUILDKIT_SANDBOX_HOSTNAME a b\n"
        #expect(RuleHarness.lint(UndefinedVariableRule.self, text).isEmpty)
    }

    @Test("the undefined ARG in FROM points at the reference and notes stage-level declarations")
    func undefinedArgInFrom() {
        let text = "FROM alpine:3.20\nARG TAG\nFROM alpine:${TAG}\n"
        let found = RuleHarness.lint(UndefinedArgInFromRule.self, text)
        #expect(found.map { RuleHarness.snippet(text, $0) } == ["${TAG}"])
        #expect(found.first?.notes.count == 1)
    }

    // MARK: - Legacy key/value form

    @Test("rewriting a legacy value keeps BuildKit's value", arguments: [
        ("plain", "plain"),
        ("two words", "\"two words\""),
        ("a  \t b", "\"a  \t b\""),
        ("'single' x", "'single'\\ x"),
        ("\"x y\" z", "\"x y\"\\ z"),
        ("a\\ b c", "a\\ b\\ c"),
        ("$HOME/bin", "$HOME/bin"),
        ("${A:-x y}", "\"${A:-x y}\""),
    ])
    func legacyRewrite(_ pair: (String, String)) throws {
        let (value, expected) = pair
        let rewritten = try #require(LegacyKeyValueFormatRule.rewrite(value, escape: .backslash))
        #expect(rewritten == expected)
        let lexer = ShellLexer()
        let environment: ShellEnvironment = ["HOME": "/root"]
        let legacy = try lexer.processWord(value, environment: environment)
        let modern = Dockerfile.parse("FROM scratch\nENV K=\(rewritten)\n")
        guard case .env(let env) = modern.instructions[1].payload else { Issue.record("not an ENV"); return }
        #expect(env.pairs.count == 1)
        #expect(try lexer.processWord(env.pairs[0].value.text, environment: environment) == legacy)
    }

    @Test("a legacy value spread over continuation lines is quoted whole, and BuildKit reads the same value")
    func legacyContinuation() throws {
        let text = "FROM scratch\nENV A b \\\n  c\n"
        let found = RuleHarness.lint(LegacyKeyValueFormatRule.self, text)
        #expect(found.count == 1)
        let fix = try #require(found.first?.fix)
        #expect(fix.applicability == .safe)
        let fixed = String(decoding: FixApplier.apply([fix], to: Array(text.utf8)).bytes, as: UTF8.self)
        #expect(fixed == "FROM scratch\nENV A=\"b \\\n  c\"\n")
        guard case .env(let before) = Dockerfile.parse(text).instructions[1].payload,
              case .env(let after) = Dockerfile.parse(fixed).instructions[1].payload else { Issue.record("not an ENV"); return }
        let lexer = ShellLexer()
        #expect(try lexer.processWord(after.pairs[0].value.text, environment: [:]) == lexer.processWord(before.pairs[0].value.text, environment: [:]))
    }

    @Test("a legacy value with quotes across continuation lines, or comments inside them, gets no fix")
    func legacyContinuationWithoutFix() {
        #expect(RuleHarness.lint(LegacyKeyValueFormatRule.self, "FROM scratch\nENV A \"b \\\n  c\" d\n").first?.fix == nil)
        #expect(RuleHarness.lint(LegacyKeyValueFormatRule.self, "FROM scratch\nENV A b \\\n# note\n  c\n").first?.fix == nil)
    }

    // MARK: - Flags, instructions

    @Test("flag problems carry suggestions")
    func flagMessages() {
        let found = RuleHarness.lint(InvalidInstructionFlagRule.self, "FROM alpine:3.20\nCOPY --chmown=1 a /a\nWORKDIR --x /a\n")
        #expect(found.map(\.message) == ["`--chmown` is not a flag of `COPY` (did you mean `--chown`?)", "`WORKDIR` takes no flags, but `--x` is given"])
    }

    @Test("unknown instructions suggest the closest keyword in the case written")
    func unknownInstruction() {
        let found = RuleHarness.lint(UnknownInstructionRule.self, "FROM alpine:3.20\nrunn true\nEXPOSED 80\n")
        #expect(found.map(\.message) == ["`runn` is not a Dockerfile instruction (did you mean `run`?)", "`EXPOSED` is not a Dockerfile instruction (did you mean `EXPOSE`?)"])
    }

    @Test("suggestions need a near name and never repeat an exact one")
    func suggestions() {
        #expect(StructureSuggestion.closest(to: "VERSON", among: ["VERSION", "OTHER"]) == "VERSION")
        #expect(StructureSuggestion.closest(to: "VERSION", among: ["VERSION"]) == nil)
        #expect(StructureSuggestion.closest(to: "AB", among: ["XY"]) == nil)
        #expect(StructureSuggestion.closest(to: "completely", among: ["different"]) == nil)
    }

    // MARK: - Speed

    @Test("the structure rules finish a large file (time reported, not asserted)", .timeLimit(.minutes(2)))
    func speed() {
        var text = "ARG BASE=alpine:3.20\n"
        for stage in 0..<200 {
            text += "FROM ${BASE} AS s\(stage)\nWORKDIR /app\nARG V\(stage)=1\nENV A\(stage)=x B\(stage)=$A\(stage)\n"
            for line in 0..<20 { text += "COPY --from=s\(max(0, stage - 1)) f\(line) g\(line) ./d\(line)/\nLABEL l\(line)=$V\(stage)\n" }
        }
        var configuration = Configuration()
        configuration.select = (20...41).map { String(format: "DF%03d", $0) }
        configuration.trustedRegistries = ["docker.io"]
        let linter = Linter(rules: BuiltinRules.all, configuration: configuration)
        let analyzed = AnalyzedDockerfile(Dockerfile.parse(text), configuration: configuration)
        let start = Date()
        let diagnostics = linter.lint(analyzed)
        #expect(!diagnostics.isEmpty)
        // Speed is measured in Benchmarks/, not asserted here; the time is reported for the log.
        print("structure rules on \(text.utf8.count) bytes: \(diagnostics.count) findings in \(String(format: "%.2f", Date().timeIntervalSince(start))) s (debug build)")
    }
}
