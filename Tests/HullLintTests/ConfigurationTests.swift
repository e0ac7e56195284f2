import HullCore
import HullDockerfile
import HullRules
import Testing
@testable import HullLint

@Suite("Configuration and suppression")
struct ConfigurationTests {
    let maintainer = MaintainerInstructionRule.description

    @Test("selection by code, prefix, name, alias and ALL; ignore wins")
    func selection() {
        for identifier in ["DF001", "DF", "df0", "maintainer-instruction", "DL4000", "MaintainerDeprecated", "CKV_DOCKER_6", "ALL"] {
            var configuration = Configuration()
            configuration.select = [identifier]
            #expect(configuration.isEnabled(maintainer), "\(identifier)")
        }
        var configuration = Configuration()
        configuration.select = ["SH"]
        #expect(!configuration.isEnabled(maintainer))
        configuration.extendSelect = ["DF001"]
        #expect(configuration.isEnabled(maintainer))
        configuration.ignore = ["DL4000"]
        #expect(!configuration.isEnabled(maintainer))
    }

    @Test(".hull.yaml sets selection, severities, options and the fail level")
    func hullYAML() throws {
        let configuration = try ConfigurationLoader.hull("""
        select: [DF, SH]
        ignore:
          - DF002
        severity:
          DF001: error
        rules:
          missing-oci-labels:
            required: [org.opencontainers.image.source]
        trusted-registries: ["*.example.com"]
        fail-level: info
        preview: true
        """)
        #expect(configuration.select == ["DF", "SH"])
        #expect(configuration.ignore == ["DF002"])
        #expect(configuration.severity(for: maintainer) == .error)
        #expect(configuration.rules["missing-oci-labels"]?["required"]?.stringList == ["org.opencontainers.image.source"])
        #expect(configuration.trustedRegistries == ["*.example.com"])
        #expect(configuration.failLevel == .info)
        #expect(configuration.preview)
    }

    @Test("an unknown key or a bad value is an error naming the key")
    func invalid() {
        #expect(throws: ConfigurationError.unknownKey(file: ".hull.yaml", key: "selct", known: ConfigurationLoader.hullKeys)) {
            try ConfigurationLoader.hull("selct: [DF]")
        }
        #expect(throws: ConfigurationError.unknownSeverity(file: ".hull.yaml", key: "fail-level", value: "fatal")) {
            try ConfigurationLoader.hull("fail-level: fatal")
        }
        #expect(throws: ConfigurationError.invalidValue(file: ".hull.yaml", key: "preview", expected: "true or false")) {
            try ConfigurationLoader.hull("preview: maybe")
        }
        do {
            _ = try ConfigurationLoader.hull("select: [DF\n")
            Issue.record("expected a YAML error")
        } catch {
            #expect(error.description.hasPrefix(".hull.yaml: not valid YAML"))
        }
    }

    @Test(".hadolint.yaml is honoured through aliases")
    func hadolintYAML() throws {
        let configuration = try ConfigurationLoader.hadolint("""
        ignored: [DL3008]
        override:
          error: [DL4000]
          info: [DL3059]
        trustedRegistries: [docker.io, my.registry:5000]
        failure-threshold: error
        """)
        #expect(configuration.ignore == ["DL3008"])
        #expect(configuration.severity(for: maintainer) == .error)
        #expect(configuration.trustedRegistries == ["docker.io", "my.registry:5000"])
        #expect(configuration.failLevel == .error)
    }

    func findings(_ text: String) -> [Diagnostic] {
        var configuration = Configuration()
        configuration.select = ["DF001"]
        return Linter(rules: BuiltinRules.all, configuration: configuration).lint(AnalyzedDockerfile(Dockerfile.parse(text), configuration: configuration))
    }

    @Test("in-file pragmas: hull and hadolint, next instruction or global; BuildKit check=skip")
    func pragmas() {
        #expect(findings("FROM a\nMAINTAINER x\n").count == 1)
        #expect(findings("FROM a\n# hull ignore=DF001\nMAINTAINER x\n").isEmpty)
        #expect(findings("FROM a\n# hadolint ignore=DL4000,DL3006\nMAINTAINER x\n").isEmpty)
        #expect(findings("FROM a\n# hull ignore=DF001\nRUN x\nMAINTAINER x\n").count == 1, "a pragma covers only the next instruction")
        #expect(findings("# hull global ignore=maintainer-instruction\nFROM a\nMAINTAINER x\nMAINTAINER y\n").isEmpty)
        #expect(findings("FROM a\n# hadolint global ignore=DL4000\nMAINTAINER x\n").isEmpty)
        #expect(findings("# check=skip=MaintainerDeprecated\nFROM a\nMAINTAINER x\n").isEmpty)
        #expect(findings("# check=skip=all\nFROM a\nMAINTAINER x\n").isEmpty)
        #expect(findings("# check=error=true\nFROM a\nMAINTAINER x\n").first?.severity == .error)
    }

    @Test("a file BuildKit rejects gives a PS001 finding at BuildKit's place, and rules still run")
    func parseError() {
        var configuration = Configuration()
        configuration.select = ["DF001"]
        let found = Linter(rules: BuiltinRules.all, configuration: configuration).lint(AnalyzedDockerfile(Dockerfile.parse("FROM a\nENV X\nMAINTAINER y\n")))
        #expect(found.map(\.code.rawValue) == ["PS001", "DF001"])
        #expect(found.first?.message == "ENV must have two arguments")
    }
}

@Suite("Peer-ID scoped suppression")
struct PeerScopedSuppressionTests {
    func codes(_ text: String, ignore: [String] = []) -> [String] {
        var configuration = Configuration()
        configuration.select = ["SH033"]
        configuration.ignore = ignore
        let linter = Linter(rules: BuiltinRules.all, configuration: configuration)
        return linter.lint(AnalyzedDockerfile(Dockerfile.parse(text), configuration: configuration)).flatMap { $0.aliases?.map(\.id) ?? [] }
    }

    let text = "FROM debian:12\nRUN apt-get install -y curl && apk add git\n"

    @Test("findings carry the one peer ID they correspond to")
    func narrowed() { #expect(codes(text) == ["DL3008", "DL3018"]) }

    @Test("ignoring one hadolint ID keeps the rule's other findings")
    func configuration() { #expect(codes(text, ignore: ["DL3008"]) == ["DL3018"]) }

    @Test("a pragma for one hadolint ID silences only that ID's findings")
    func pragma() { #expect(codes("FROM debian:12\n# hadolint ignore=DL3018\nRUN apt-get install -y curl && apk add git\n") == ["DL3008"]) }

    @Test("ignoring the rule's own code still silences everything")
    func whole() { #expect(codes(text, ignore: ["SH033"]).isEmpty) }
}

/// A rule that covers several peer checks names, on each finding, only the checks that would
/// report it, so that `scripts/parity` and peer-ID suppressions match what each peer does.
@Suite("Peer IDs of each finding")
struct FindingPeerIDTests {
    struct Case: Sendable, CustomStringConvertible {
        var rule: String
        var text: String
        var ids: [[String]]
        var description: String { "\(rule): \(text.split(separator: "\n").last ?? "")" }
    }

    static let cases: [Case] = [
        Case(rule: "DF005", text: "FROM alpine:3.20\nUSER root\n", ids: [["DL3002", "DS-0002", "CKV_DOCKER_8", "CIS-DI-0001"]]),
        Case(rule: "DF005", text: "FROM alpine:3.20\nCMD [\"sh\"]\n", ids: [["DS-0002", "CKV_DOCKER_3", "CIS-DI-0001"]]),
        Case(rule: "DF005", text: "FROM alpine:3.20 AS build\nUSER nobody\nFROM alpine:3.20\nCMD [\"sh\"]\n", ids: [["DS-0002", "CIS-DI-0001"]]),
        Case(rule: "DF062", text: "FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED=0 GOINSECURE=x\n", ids: [["CKV2_DOCKER_6"], []]),
        Case(rule: "SH039", text: "FROM python:3.12\nRUN pip install --trusted-host h app==1 && export GIT_SSL_NO_VERIFY=1\n", ids: [["CKV2_DOCKER_4"], ["CKV2_DOCKER_14"]]),
        Case(rule: "SH039", text: "FROM fedora:40\nRUN dnf config-manager --setopt=sslverify=0 && dnf install -y --setopt=sslverify=0 jq\n", ids: [["CKV2_DOCKER_15"], []]),
        Case(rule: "SH037", text: "FROM debian:12\nRUN apt-get install -y --force-yes --allow-unauthenticated curl && rpm -i --nodigest x.rpm\n",
             ids: [["CKV2_DOCKER_11"], ["CKV2_DOCKER_8"], ["CKV2_DOCKER_10"]]),
        Case(rule: "SH033", text: "FROM fedora:40\nRUN microdnf install -y jq && tdnf install -y git && apt install -y curl\n", ids: [["DL3041"], [], []]),
        Case(rule: "SH031", text: "FROM fedora:40\nRUN microdnf install jq && tdnf install git && yum install tar\n", ids: [["DL3038"], [], ["DL3030"]]),
        Case(rule: "SH008", text: "FROM fedora:40\nRUN microdnf install -y jq-1.7\n", ids: [["DL3040", "DS-0019", "DS-0027"]]),
        Case(rule: "SH038", text: "FROM debian:12\nRUN curl -k https://x && wget --no-check-certificate https://y\n", ids: [["CKV2_DOCKER_2"], ["CKV2_DOCKER_3"]]),
    ]

    @Test("each finding names the peer checks that report it", arguments: cases)
    func ids(_ example: Case) {
        var configuration = Configuration()
        configuration.select = [example.rule]
        let found = Linter(rules: BuiltinRules.all, configuration: configuration)
            .lint(AnalyzedDockerfile(Dockerfile.parse(example.text), configuration: configuration))
        #expect(found.map { $0.aliases?.map(\.id) ?? ["(all)"] } == example.ids)
    }
}

@Suite("hadolint configuration behaviours")
struct HadolintBehaviourTests {
    @Test("an override gives an off-by-default rule a severity and turns it on")
    func overrideEnables() throws {
        let configuration = try ConfigurationLoader.hadolint("override:\n  error: [DL1001]\n")
        let rule = try #require(BuiltinRules.descriptions.first { $0.matches("DL1001") })
        #expect(!rule.enabledByDefault)
        #expect(configuration.isEnabled(rule))
    }

    @Test("disable-ignore-pragma makes pragmas ineffective")
    func disablePragmas() throws {
        var configuration = try ConfigurationLoader.hadolint("disable-ignore-pragma: true\n")
        configuration.select = ["DF001"]
        let text = "FROM a\n# hadolint ignore=DL4000\nMAINTAINER x\n"
        #expect(Linter(rules: BuiltinRules.all, configuration: configuration).lint(AnalyzedDockerfile(Dockerfile.parse(text), configuration: configuration)).count == 1)
    }

    @Test("findings on comment lines belong to the next instruction for pragmas")
    func commentLines() {
        #expect(Linter.instruction(at: 5, spans: [TextRange(start: 0, end: 4), TextRange(start: 10, end: 20)]) == 1)
        #expect(Linter.instruction(at: 12, spans: [TextRange(start: 0, end: 4), TextRange(start: 10, end: 20)]) == 1)
        #expect(Linter.instruction(at: 2, spans: [TextRange(start: 0, end: 4), TextRange(start: 10, end: 20)]) == 0)
        #expect(Linter.instruction(at: 25, spans: [TextRange(start: 0, end: 4), TextRange(start: 10, end: 20)]) == 1)
    }
}
