import Foundation
import HullCore
import HullDockerfile
import HullLint
@testable import HullRules
import Testing

/// Behaviour of the metadata rules (DF060–DF084) that their examples cannot show:
/// configuration, pragma placement, messages, the value validators and speed.
@Suite("Metadata rules")
struct MetadataRulesTests {
    // MARK: - Repeated CMD, ENTRYPOINT, HEALTHCHECK

    @Test("the overridden instruction is reported, naming the one that wins")
    func overriddenMessage() {
        let text = "FROM alpine:3.20\nCMD [\"a\"]\nRUN true\nCMD [\"b\"]\n"
        let found = RuleHarness.lint(MultipleCmdInstructionsRule.self, text)
        #expect(found.map(\.message) == ["`CMD` has no effect: the `CMD` on line 4 replaces it"])
        #expect(found.first?.fix?.title == "Remove the overridden `CMD`")
    }

    @Test("hadolint's pragma above the later instruction, where hadolint reports, silences it")
    func pragmaOnLaterInstruction() {
        let text = "FROM alpine:3.20\nENTRYPOINT [\"/a\"]\n# hadolint ignore=DL4004\nENTRYPOINT [\"/b\"]\n"
        #expect(RuleHarness.lint(MultipleEntrypointInstructionsRule.self, text).isEmpty)
        let other = "FROM alpine:3.20\nENTRYPOINT [\"/a\"]\n# hadolint ignore=DL4003\nENTRYPOINT [\"/b\"]\n"
        #expect(RuleHarness.lint(MultipleEntrypointInstructionsRule.self, other).count == 1, "a pragma for another rule does not")
    }

    @Test("BuildKit's check name skips all three rules, hadolint's codes only their own")
    func checkSkip() {
        let text = "# check=skip=MultipleInstructionsDisallowed\nFROM alpine:3.20\nCMD a\nCMD b\nENTRYPOINT a\nENTRYPOINT b\nHEALTHCHECK NONE\nHEALTHCHECK NONE\n"
        for rule in [MultipleCmdInstructionsRule.self, MultipleEntrypointInstructionsRule.self, MultipleHealthcheckInstructionsRule.self] as [any DockerfileRule.Type] {
            #expect(RuleHarness.lint(rule, text).isEmpty)
        }
        let pragma = "FROM alpine:3.20\n# hadolint ignore=DL4003\nCMD a\n# hadolint ignore=DL4003\nHEALTHCHECK NONE\nCMD b\nHEALTHCHECK NONE\n"
        #expect(RuleHarness.lint(MultipleCmdInstructionsRule.self, pragma).isEmpty)
        #expect(RuleHarness.lint(MultipleHealthcheckInstructionsRule.self, pragma).count == 1)
    }

    @Test("removing every overridden instruction keeps the last")
    func removeAll() {
        let text = "FROM alpine:3.20\nCMD a\nCMD b\nCMD c\n"
        #expect(RuleHarness.fixed(MultipleCmdInstructionsRule.self, text) == "FROM alpine:3.20\nCMD c\n")
    }

    // MARK: - Empty continuation lines

    @Test("a gap before a line that starts an instruction gets a note, and deleting it keeps the instruction BuildKit reads")
    func gapBeforeInstruction() {
        let text = "FROM alpine:3.20\nRUN apk add curl \\\n\nRUN echo done\n"
        let found = RuleHarness.lint(EmptyContinuationLineRule.self, text)
        #expect(found.count == 1)
        #expect(found.first?.fix?.applicability == .safe)
        #expect(found.first?.fix?.title.contains("`RUN echo done`") == true)
        #expect(found.first?.notes.first?.contains("`RUN echo done`") == true)
        let fixed = RuleHarness.fixed(EmptyContinuationLineRule.self, text)
        #expect(fixed == "FROM alpine:3.20\nRUN apk add curl \\\nRUN echo done\n")
        // Before and after, the RUN swallows the next line: the same two instructions.
        let before = DockerfileParser.parse(text).instructions.map { "\($0.keyword) \($0.rest)" }
        let after = DockerfileParser.parse(fixed).instructions.map { "\($0.keyword) \($0.rest)" }
        #expect(before == ["FROM alpine:3.20", "RUN apk add curl RUN echo done"])
        #expect(after == before)
    }

    @Test("deleting empty lines keeps CRLF endings, escape directives and trailing gaps right")
    func emptyLineFixes() {
        #expect(RuleHarness.fixed(EmptyContinuationLineRule.self, "FROM a\r\nRUN x \\\r\n\r\n   \r\n  y\r\n") == "FROM a\r\nRUN x \\\r\n  y\r\n")
        #expect(RuleHarness.fixed(EmptyContinuationLineRule.self, "# escape=`\nFROM a\nRUN x `\n\n  y\n") == "# escape=`\nFROM a\nRUN x `\n  y\n")
        #expect(RuleHarness.fixed(EmptyContinuationLineRule.self, "FROM a\nRUN x \\\n\n") == "FROM a\nRUN x \\\n")
        let found = RuleHarness.lint(EmptyContinuationLineRule.self, "FROM a\nRUN x \\\n\n\n  y\n")
        #expect(found.first?.notes == ["2 empty lines are inside this instruction."])
    }

    // MARK: - TLS variables

    @Test("each variable follows its tool's reading of the value", arguments: [
        ("GIT_SSL_NO_VERIFY=0", true), ("GIT_SSL_NO_VERIFY=\"\"", true), ("PYTHONHTTPSVERIFY=false", false),
        ("NODE_TLS_REJECT_UNAUTHORIZED=00", false), ("NPM_CONFIG_STRICT_SSL=0", true), ("Npm_Config_Strict-SSL=False", true),
        ("NPM_CONFIG_STRICT_SSL=true", false), ("CURL_CA_BUNDLE=/etc/ssl/ca.pem", false), ("CURL_CA_BUNDLE=", true),
        ("YARN_ENABLE_STRICT_SSL=FALSE", true), ("GOINSECURE=", false), ("PIP_TRUSTED_HOST=\"pypi.org files.pythonhosted.org\"", true),
    ])
    func tlsValues(_ assignment: String, _ flagged: Bool) {
        let found = RuleHarness.lint(TlsVerificationDisabledInEnvRule.self, "FROM alpine:3.20\nENV \(assignment)\n")
        #expect(found.isEmpty != flagged, "\(assignment)")
    }

    @Test("the message names the tool and the value after expansion")
    func tlsMessage() {
        let found = RuleHarness.lint(TlsVerificationDisabledInEnvRule.self, "FROM node:20\nARG OFF=0\nENV NODE_TLS_REJECT_UNAUTHORIZED=$OFF\n")
        #expect(found.map(\.message) == ["`NODE_TLS_REJECT_UNAUTHORIZED=0` turns off TLS certificate verification in Node.js"])
    }

    // MARK: - Users

    @Test("only the USER in force at the end of the target stage is judged")
    func userTarget() {
        let text = "FROM alpine:3.20 AS build\nUSER builder\nFROM alpine:3.20\nUSER 10001\n"
        #expect(RuleHarness.lint(NonNumericUserRule.self, text).isEmpty)
        var configuration = Configuration()
        configuration.select = [NonNumericUserRule.description.code.rawValue]
        let analyzed = AnalyzedDockerfile(Dockerfile.parse(text), configuration: configuration, options: BuildOptions(target: "build"))
        let found = Linter(rules: [NonNumericUserRule.self], configuration: configuration).lint(analyzed)
        #expect(found.map { RuleHarness.snippet(text, $0) } == ["builder"])
    }

    // MARK: - EXPOSE

    @Test("port specifications split as BuildKit splits them", arguments: [
        ("80", "", "", "80", ""), ("80/tcp", "", "", "80", "tcp"), ("8080:80", "", "8080", "80", ""),
        ("127.0.0.1:8080:80/udp", "127.0.0.1", "8080", "80", "udp"), ("[::1]:53:53", "[::1]", "53", "53", ""),
    ])
    func portSplit(_ text: String, _ ip: String, _ host: String, _ port: String, _ proto: String) {
        let spec = MetadataPorts.split(text)
        #expect([spec.ip, spec.hostPort, spec.port, spec.proto] == [ip, host, port, proto])
    }

    @Test("port ranges and numbers follow BuildKit's limits")
    func portRanges() throws {
        #expect(try MetadataPorts.range("8000-8010").get() == 8000...8010)
        #expect(try MetadataPorts.range("80-80").get() == 80...80)
        #expect(try MetadataPorts.range("+80").get() == 80...80)
        #expect(MetadataPorts.range("-80") == .failure(.notANumber("")))
        #expect(MetadataPorts.range("90-80") == .failure(.reversed))
        #expect(MetadataPorts.range("65536") == .failure(.outOfRange("65536")))
        #expect(MetadataPorts.range("99999999999999999999") == .failure(.outOfRange("99999999999999999999")))
    }

    @Test("one EXPOSE word can fail several ways, each reported by its own rule")
    func exposeRules() {
        let text = "FROM alpine:3.20\nEXPOSE 0.0.0.0:2222:22/TCP\n"
        #expect(RuleHarness.lint(ExposeHostMappingRule.self, text).map { RuleHarness.snippet(text, $0) } == ["0.0.0.0:2222:"])
        #expect(RuleHarness.lint(ExposeProtocolCasingRule.self, text).map { RuleHarness.snippet(text, $0) } == ["TCP"])
        #expect(RuleHarness.lint(SshPortExposedRule.self, text).count == 1)
        #expect(RuleHarness.lint(InvalidExposePortRule.self, text).isEmpty)
    }

    // MARK: - WORKDIR and VOLUME

    @Test("relative WORKDIR messages say what the path depends on")
    func relativeMessages() {
        let text = "FROM alpine:3.20\nWORKDIR app\nWORKDIR /srv\nWORKDIR data\n"
        #expect(RuleHarness.lint(RelativeWorkdirRule.self, text).map(\.message) == [
            "`app` is relative to the base image's working directory",
            "`data` is relative; it resolves to `/srv/data`",
        ])
    }

    @Test("paths clean as Go's path.Clean")
    func cleanPaths() {
        #expect(MetadataPaths.clean("/a/./b/../c/") == "/a/c")
        #expect(MetadataPaths.clean("/../x") == "/x")
        #expect(MetadataPaths.clean("a/../..") == "..")
        #expect(MetadataPaths.resolve("../proc", against: "/srv") == "/proc")
    }

    @Test("a WORKDIR that climbs into a system directory is found")
    func climbing() {
        let text = "FROM alpine:3.20\nWORKDIR /srv\nWORKDIR ../dev/shm\n"
        #expect(RuleHarness.lint(SystemDirectoryWorkdirOrVolumeRule.self, text).map(\.message) == ["`WORKDIR /dev/shm` is in `/dev`, a system directory"])
    }

    // MARK: - Labels

    @Test("the label schema and strict labels come from the configuration")
    func schemaFromConfiguration() {
        var configuration = Configuration()
        configuration.labelSchema = ["org.opencontainers.image.source": "URL", "team": "text"]
        configuration.strictLabels = true
        let text = "FROM alpine:3.20\nLABEL org.opencontainers.image.source=github.com/acme/app extra=1\n"
        #expect(RuleHarness.lint(LabelValueNotUrlRule.self, text, configuration: configuration).count == 1)
        #expect(RuleHarness.lint(LabelNotInSchemaRule.self, text, configuration: configuration).map { RuleHarness.snippet(text, $0) } == ["extra"])
        #expect(RuleHarness.lint(MissingRequiredLabelRule.self, text, configuration: configuration).map(\.message)
            == ["required label `team` is not set in the image built from `alpine:3.20`"])
        #expect(RuleHarness.lint(LabelNotInSchemaRule.self, text, configuration: configuration, options: ["strict": .bool(false)]).isEmpty,
                "the rule option overrides the configuration")
    }

    @Test("each hadolint code silences exactly its own label finding")
    func labelAliases() {
        let schema: ConfigValue = .map(["a": .string("url"), "b": .string("semver")])
        let text = "FROM alpine:3.20\n# hadolint ignore=DL3052\nLABEL a=nope b=nope\n"
        #expect(RuleHarness.lint(LabelValueNotUrlRule.self, text, options: ["schema": schema]).isEmpty)
        #expect(RuleHarness.lint(LabelValueNotSemverRule.self, text, options: ["schema": schema]).count == 1)
    }

    @Test("URLs", arguments: [
        ("https://example.com", true), ("http://localhost:8080/a?b=c#d", true), ("mailto:team@example.com", true),
        ("https://[2001:db8::1]:443/", true), ("https://example.com/%7Euser", true), ("urn:oci:image", true),
        ("example.com", false), ("https://", false), ("https://example.com/a b", false), ("https://example.com/%zz", false),
        ("https://exämple.com", false), ("1http://x", false), ("https://example.com/#a#b", false),
    ])
    func urls(_ text: String, _ valid: Bool) { #expect(MetadataLabelFormats.isURL(text) == valid, "\(text)") }

    @Test("RFC 3339 date-times", arguments: [
        ("2024-05-01T12:30:00Z", true), ("2024-05-01T12:30:00.123456+02:00", true), ("2000-02-29T00:00:00-00:00", true),
        ("2024-05-01", false), ("2024-05-01T12:30Z", false), ("1900-02-29T00:00:00Z", false), ("2024-13-01T00:00:00Z", false),
        ("2024-05-01T24:00:00Z", false), ("2024-05-01T12:30:00+0200", false), ("2024-05-01T12:30:00.Z", false),
    ])
    func rfc3339(_ text: String, _ valid: Bool) { #expect(MetadataLabelFormats.isRFC3339(text) == valid, "\(text)") }

    @Test("SPDX expressions", arguments: [
        ("MIT", true), ("apache-2.0", true), ("GPL-2.0+", true), ("GPL-3.0-or-later WITH GCC-exception-3.1", true),
        ("(MIT OR Apache-2.0) AND BSD-3-Clause", true), ("mit or apache-2.0", true), ("LicenseRef-Acme-1", true),
        ("DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2", true),
        ("Apache 2", false), ("MIT OR", false), ("(MIT", false), ("MIT WITH Nonsense-exception", false), ("BSD", false),
        ("LicenseRef-", false), ("Mit Or Apache-2.0", false),
    ])
    func spdx(_ text: String, _ valid: Bool) { #expect(MetadataLabelFormats.isSPDX(text) == valid, "\(text)") }

    @Test("the licenses option adds identifiers")
    func extraLicenses() {
        #expect(!MetadataLabelFormats.isSPDX("Acme-Proprietary"))
        #expect(MetadataLabelFormats.isSPDX("Acme-Proprietary OR MIT", extra: ["acme-proprietary"]))
    }

    @Test("semantic versions", arguments: [
        ("1.0.0", true), ("0.0.0", true), ("1.2.3-alpha.1", true), ("1.2.3+build.5", true), ("1.2.3-0.a.b-c+x.y", true),
        ("v1.0.0", false), ("1.0", false), ("01.0.0", false), ("1.0.0-01", false), ("1.0.0-", false), ("1.0.0+", false), ("1.0.0-a..b", false),
    ])
    func semver(_ text: String, _ valid: Bool) { #expect(MetadataLabelFormats.isSemVer(text) == valid, "\(text)") }

    @Test("email addresses", arguments: [
        ("a@example.com", true), ("first.last+tag@sub.example.co", true), ("\"john doe\"@example.com", true), ("root@[192.0.2.1]", true),
        ("user@localhost", true),
        ("a@", false), ("@example.com", false), (".a@example.com", false), ("a..b@example.com", false), ("Jane <j@example.com>", false),
        ("a@b@c", false),
    ])
    func emails(_ text: String, _ valid: Bool) { #expect(MetadataLabelFormats.isEmail(text) == valid, "\(text)") }

    @Test("git hashes")
    func hashes() {
        #expect(MetadataLabelFormats.isGitHash("abcdef0"))
        #expect(MetadataLabelFormats.isGitHash(String(repeating: "a", count: 64)))
        #expect(!MetadataLabelFormats.isGitHash(String(repeating: "a", count: 41)))
        #expect(!MetadataLabelFormats.isGitHash("abcdefg"))
    }

    // MARK: - Pragmas

    @Test("the pragma rule is opt-in and exempts blocks that name it")
    func pragmaRule() {
        #expect(!InlineIgnorePragmaRule.description.enabledByDefault)
        let text = "FROM alpine:3.20\n# hull ignore=DL1001\n# hull ignore=DF041\nRUN true\n# hull ignore=DF041\nRUN true\n"
        #expect(RuleHarness.lint(InlineIgnorePragmaRule.self, text).map(\.message) == ["`hull ignore=DF041` silences checks for the next instruction"])
        let global = "# hull global ignore=inline-ignore-pragma\nFROM alpine:3.20\n# hadolint ignore=DL3008\nRUN true\n"
        #expect(RuleHarness.lint(InlineIgnorePragmaRule.self, global).isEmpty)
        #expect(RuleHarness.lint(InlineIgnorePragmaRule.self, "# check=error=true\nFROM alpine:3.20\n").isEmpty, "making checks errors is no bypass")
        let reason = "FROM alpine:3.20\n# hadolint ignore=DL3008, DL3015 # pinned upstream\nRUN true\n"
        #expect(RuleHarness.lint(InlineIgnorePragmaRule.self, reason).map(\.message) == ["`hadolint ignore=DL3008,DL3015` silences checks for the next instruction"])
    }

    // MARK: - STOPSIGNAL and HEALTHCHECK

    @Test("a misspelt signal gets the closest name")
    func signalSuggestion() {
        let found = RuleHarness.lint(InvalidStopSignalRule.self, "FROM alpine:3.20\nSTOPSIGNAL SIGKIL\n")
        #expect(found.map(\.message) == ["`SIGKIL` is not a signal name (did you mean `SIGKILL`?)"])
    }

    @Test("durations read as Go reads them", arguments: [
        ("30s", 30e9), ("1m30s", 90e9), ("1.5h", 5400e9), ("500ms", 5e8), ("2us", 2e3), ("2µs", 2e3), ("2μs", 2e3), (".5s", 5e8), ("0", 0),
        ("-1s", -1e9), ("+1s", 1e9),
    ])
    func durations(_ text: String, _ nanoseconds: Double) {
        #expect(InvalidHealthcheckOptionRule.duration(text) == nanoseconds, "\(text)")
    }

    @Test("malformed durations", arguments: ["30", "s", "1x", "1.s5", ".s", "", "1h-5m", "5 s"])
    func badDurations(_ text: String) {
        #expect(InvalidHealthcheckOptionRule.duration(text) == nil, "\(text)")
    }

    // MARK: - Speed

    @Test("the metadata rules finish a large file (time reported, not asserted)", .timeLimit(.minutes(2)))
    func speed() {
        var text = "ARG BASE=alpine:3.20\n"
        for stage in 0..<200 {
            text += "FROM ${BASE} AS s\(stage)\nWORKDIR /app\nARG V\(stage)=1\nENV A\(stage)=x B\(stage)=$A\(stage)\n"
            for line in 0..<20 {
                text += "EXPOSE 80\(line)/tcp 9000-9010\nLABEL l\(line)=$V\(stage) org.opencontainers.image.version=1.0.\(line)\nWORKDIR d\(line)\nCMD [\"a\"]\n"
                text += "RUN a \\\n\n    b\n# hull ignore=DF041\nUSER app\n"
            }
        }
        var configuration = Configuration()
        configuration.labelSchema = ["org.opencontainers.image.version": "semver", "team": "text"]
        configuration.strictLabels = true
        let analyzed = AnalyzedDockerfile(Dockerfile.parse(text), configuration: configuration)
        let codes = Set((60...84).map { String(format: "DF%03d", $0) })
        let rules = BuiltinRules.all.filter { codes.contains($0.description.code.rawValue) }
        #expect(rules.count == codes.count)
        // The rules' own work, without the linter's per-finding bookkeeping.
        let start = Date()
        var found = 0
        for rule in rules {
            var sink = DiagnosticSink(rule: rule.description, severity: rule.description.defaultSeverity, options: [:], path: "Dockerfile")
            rule.init().check(analyzed, &sink)
            found += sink.diagnostics.count
        }
        #expect(found > 10_000)
        // Speed is measured in Benchmarks/, not asserted here; the time is reported for the log.
        print("metadata rules on \(text.utf8.count) bytes: \(found) findings in \(String(format: "%.2f", Date().timeIntervalSince(start))) s (debug build)")
    }
}

