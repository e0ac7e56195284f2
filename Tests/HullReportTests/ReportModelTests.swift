import Foundation
import HullCore
import Testing
@testable import HullReport

@Suite("Report model")
struct ReportModelTests {
    @Test("artifacts are ordered by kind then path, diagnostics by position then code")
    func canonicalOrder() {
        let report = ReportFixture.report
        #expect(report.artifacts.map(\.path) == ["Dockerfile", "services/api/Dockerfile.dev", ".", ReportFixture.image])
        #expect(report.artifacts[0].diagnostics.map(\.code) == ["DF001", "SH015", "DF052"])
        #expect(report.artifacts[3].diagnostics.map(\.code) == ["IM004", "IM001"])
        #expect(report.rules.map(\.code.rawValue) == ["CX003", "DF001", "DF003", "DF010", "DF045", "DF052", "IM001", "IM004", "SH015"])
    }

    @Test("diagnostics at the same position are ordered by code")
    func sameposition() {
        let range = TextRange(start: 0, end: 4)
        let make = { (code: RuleCode) in
            Diagnostic(code: code, name: "x", severity: .info, message: "m", location: .file(path: "Dockerfile", range: range))
        }
        let artifact = ReportArtifact(kind: .dockerfile, path: "Dockerfile", diagnostics: [make("SH002"), make("DF009"), make("DF001")])
        #expect(artifact.diagnostics.map(\.code) == ["DF001", "DF009", "SH002"])
    }

    @Test("rules are listed once per code")
    func duplicateRules() {
        let rule = ReportFixture.rules[0]
        let report = Report(tool: ReportFixture.tool, rules: [rule, rule], artifacts: [])
        #expect(report.rules.count == 1)
    }

    @Test("the summary counts severities, fixes and artifacts")
    func summary() {
        let summary = ReportFixture.report.summary
        #expect(summary.errors == 3 && summary.warnings == 3 && summary.infos == 1 && summary.styles == 1)
        #expect(summary.problems == 8)
        #expect(summary.safeFixes == 1 && summary.unsafeFixes == 1)
        #expect(summary.artifacts == ReportSummary.ArtifactCounts(files: 2, contexts: 1, images: 1))
        #expect(summary.artifactsWithProblems.total == 4)
        #expect(summary.count(.style) == 1)
    }

    @Test("a report survives encoding and decoding, source bytes included")
    func codableRoundTrip() throws {
        let bom = SourceFile(path: "odd/Dockerfile", bytes: [0xEF, 0xBB, 0xBF] + Array("FROM a\r\n\u{1}\u{FF}".utf8) + [0xFF])
        let report = Report(tool: ReportFixture.tool, rules: ReportFixture.rules,
                            artifacts: ReportFixture.report.artifacts + [.dockerfile(bom, diagnostics: [])],
                            failures: [ReportFailure(path: "gone/Dockerfile", message: "permission denied")])
        let data = try JSONEncoder().encode(report)
        let decoded = try JSONDecoder().decode(Report.self, from: data)
        #expect(decoded == report)
        #expect(decoded.source(at: "odd/Dockerfile")?.bytes == bom.bytes)
        #expect(!decoded.executionSuccessful)
    }
}
