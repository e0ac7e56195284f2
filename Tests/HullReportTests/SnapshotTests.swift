import Foundation
import HullCore
import HullTestSupport
import Testing
@testable import HullReport

@Suite("Reporter snapshots")
struct SnapshotTests {
    static let directory = Snapshot.directory(besideTestFile: #filePath)

    static func fileName(_ format: ReportFormat) -> String {
        switch format {
        case .text: "fixture.txt"
        case .json: "fixture.json"
        case .sarif: "fixture.sarif"
        case .github: "fixture.github.txt"
        case .gitlab: "fixture.gitlab.json"
        case .checkstyle: "fixture.checkstyle.xml"
        case .junit: "fixture.junit.xml"
        }
    }

    static func render(_ format: ReportFormat, colour: Bool = false) -> String {
        format.reporter(options: ReporterOptions(colour: colour, sourceRoot: ReportFixture.sourceRoot)).render(ReportFixture.report)
    }

    @Test("each format renders the fixture report exactly as its snapshot", arguments: ReportFormat.allCases)
    func matchesSnapshot(_ format: ReportFormat) {
        let outcome = Snapshot.verify(Self.render(format), against: Self.directory.appendingPathComponent(Self.fileName(format)))
        #expect(outcome.isMatch, "\(outcome)")
    }

    @Test("the text format with colour matches its snapshot")
    func colourSnapshot() {
        let outcome = Snapshot.verify(Self.render(.text, colour: true), against: Self.directory.appendingPathComponent("fixture.colour.txt"))
        #expect(outcome.isMatch, "\(outcome)")
    }

    @Test("rendering is deterministic, whatever order artifacts and diagnostics arrive in", arguments: ReportFormat.allCases)
    func deterministic(_ format: ReportFormat) {
        let report = ReportFixture.report
        let shuffled = Report(
            tool: report.tool, rules: report.rules.reversed(),
            artifacts: report.artifacts.reversed().map {
                ReportArtifact(kind: $0.kind, path: $0.path, source: $0.source, diagnostics: $0.diagnostics.reversed())
            })
        let reporter = format.reporter(options: ReporterOptions(sourceRoot: ReportFixture.sourceRoot))
        #expect(reporter.render(shuffled) == reporter.render(report))
    }
}
