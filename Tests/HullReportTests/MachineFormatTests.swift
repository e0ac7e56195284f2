import Foundation
import HullCore
import HullTestSupport
import Testing
@testable import HullReport

@Suite("Machine-readable formats")
struct MachineFormatTests {
    static let options = ReporterOptions(sourceRoot: ReportFixture.sourceRoot)

    @Test("the JSON output decodes back into the documented wire type")
    func jsonDecodes() throws {
        let text = JSONReporter().render(ReportFixture.report)
        let document = try JSONDecoder().decode(JSONReportDocument.self, from: Data(text.utf8))
        #expect(document == JSONReporter().document(for: ReportFixture.report))
        #expect(document.schemaVersion == 1)
        let port = document.artifacts[1].diagnostics[1]
        #expect(port.code == "DF045")
        // `ENV GREETING="héllo 👋"<tab>`: é is 2 bytes and 1 unit, 👋 is 4 bytes and 2 units.
        #expect(port.location.range?.start.utf8Column == 28)
        #expect(port.location.range?.start.utf16Column == 25)
    }

    @Test("the JSON output validates against Docs/schemas/report-v1.schema.json",
          .enabled(if: SchemaValidator.hasJSONSchema, Comment(rawValue: SchemaValidator.missingPython)))
    func jsonSchema() throws {
        let schema = SharedData.packageRoot.appendingPathComponent("Docs/schemas/report-v1.schema.json").path
        let failure = Report(tool: ReportFixture.tool, rules: [], artifacts: [], failures: [ReportFailure(path: "x", message: "unreadable")])
        for report in [ReportFixture.report, failure] {
            let errors = try SchemaValidator.errors(in: JSONReporter().render(report), schemaPath: schema, validator: "Draft202012Validator")
            #expect(errors.isEmpty, "\(errors.joined(separator: "\n"))")
        }
    }

    @Test("the SARIF output validates against the official SARIF 2.1.0 schema",
          .enabled(if: SchemaValidator.sarifSchemaPath != nil, Comment(rawValue: SchemaValidator.missingSARIFSchema)))
    func sarifSchema() throws {
        let failure = Report(tool: ReportFixture.tool, rules: [], artifacts: [], failures: [ReportFailure(path: "x", message: "unreadable")])
        for report in [ReportFixture.report, failure] {
            let output = SARIFReporter(sourceRoot: ReportFixture.sourceRoot).render(report)
            let errors = try SchemaValidator.errors(in: output, schemaPath: SchemaValidator.sarifSchemaPath!, validator: "Draft4Validator")
            #expect(errors.isEmpty, "\(errors.joined(separator: "\n"))")
        }
    }

    @Test("SARIF results point at their rules, with UTF-16 regions and relative URIs")
    func sarifResults() {
        let log = SARIFReporter(sourceRoot: ReportFixture.sourceRoot).log(for: ReportFixture.report)
        let run = log.runs[0]
        let rules = run.tool.driver.rules ?? []
        for result in run.results {
            #expect(rules[result.ruleIndex].id == result.ruleId)
        }
        let port = run.results.first { $0.ruleId == "DF045" }!
        #expect(port.locations[0].physicalLocation.artifactLocation.uri == "services/api/Dockerfile.dev")
        #expect(port.locations[0].physicalLocation.artifactLocation.uriBaseId == "%SRCROOT%")
        #expect(port.locations[0].physicalLocation.region?.startColumn == 25)
        #expect(run.originalUriBaseIds?.sourceRoot.uri == "file:///work/project/")
        #expect(run.results.allSatisfy { !$0.locations.isEmpty })
        let maintainer = run.results.first { $0.ruleId == "DF001" }!
        #expect(maintainer.fixes?.first?.artifactChanges.first?.replacements.count == 1)
        #expect(run.results.first { $0.ruleId == "DF052" }?.fixes == nil)
    }

    @Test("fingerprints survive lines moving but tell apart identical findings")
    func fingerprints() {
        func report(_ text: String) -> Report {
            let source = SourceFile(path: "Dockerfile", text: text)
            let diagnostics = [0, 1].map { occurrence in
                Diagnostic(code: "DF001", name: "r", severity: .warning, message: "m",
                           location: .file(path: "Dockerfile", range: ReportFixture.range(of: "MAINTAINER", in: source, occurrence: occurrence)))
            }
            return Report(tool: ReportFixture.tool, rules: [], artifacts: [.dockerfile(source, diagnostics: diagnostics)])
        }
        let before = Fingerprints(report("MAINTAINER x\nMAINTAINER x\n"))
        let after = Fingerprints(report("FROM a\n\n   MAINTAINER   x\nMAINTAINER x\n"))
        #expect(before[0, 0] == after[0, 0])
        #expect(before[0, 1] == after[0, 1])
        #expect(before[0, 0] != before[0, 1])
    }

    @Test("GitHub workflow commands escape data and properties", arguments: [
        ("100%\r\nnext", "100%25%0D%0Anext", "100%25%0D%0Anext"),
        ("a:b,c", "a:b,c", "a%3Ab%2Cc"),
        ("%3A", "%253A", "%253A"),
    ])
    func githubEscaping(_ raw: String, _ data: String, _ property: String) {
        #expect(GitHubReporter.escapeData(raw) == data)
        #expect(GitHubReporter.escapeProperty(raw) == property)
    }

    @Test("a hostile message cannot start a second workflow command")
    func githubInjection() {
        let source = SourceFile(path: "a,b:c", text: "x\n")
        let diagnostic = Diagnostic(code: "DF001", name: "r", severity: .error, message: "x\n::error::forged",
                                    location: .file(path: source.path, range: TextRange(start: 0, end: 1)))
        let output = GitHubReporter().render(Report(tool: ReportFixture.tool, rules: [], artifacts: [.dockerfile(source, diagnostics: [diagnostic])]))
        #expect(output == "::error file=a%2Cb%3Ac,line=1,col=1,endLine=1,endColumn=2,title=DF001 r::x%0A::error::forged\n")
    }

    @Test("XML escaping covers markup, quotes, line breaks and forbidden characters")
    func xmlEscaping() {
        #expect(XMLText.attribute("<a href=\"x\">&'\n\t\u{1}") == "&lt;a href=&quot;x&quot;&gt;&amp;'&#10;&#9;\u{FFFD}")
        #expect(XMLText.content("a < b\n\"q\"\r") == "a &lt; b\n\"q\"&#13;")
    }

    @Test("GitLab issues carry a unique fingerprint, a mapped severity and repository paths")
    func gitlab() {
        let issues = GitLabReporter(sourceRoot: ReportFixture.sourceRoot).issues(for: ReportFixture.report)
        #expect(Set(issues.map(\.fingerprint)).count == issues.count)
        #expect(Set(issues.map(\.severity)) == ["critical", "major", "minor", "info"])
        #expect(issues.first { $0.checkName.hasPrefix("DF045") }?.location.lines.begin == 3)
    }
}
