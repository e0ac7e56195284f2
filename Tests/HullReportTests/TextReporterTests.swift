import HullCore
import Testing
@testable import HullReport

@Suite("Text reporter")
struct TextReporterTests {
    static func render(_ text: String, _ range: (SourceFile) -> TextRange, fix: Fix? = nil) -> String {
        let source = SourceFile(path: "Dockerfile", text: text)
        let diagnostic = Diagnostic(code: "DF001", name: "some-rule", severity: .warning, message: "message",
                                    location: .file(path: "Dockerfile", range: range(source)), fix: fix)
        let report = Report(tool: ReportFixture.tool, rules: [], artifacts: [.dockerfile(source, diagnostics: [diagnostic])])
        return TextReporter().render(report)
    }

    static func frame(_ text: String, _ range: (SourceFile) -> TextRange) -> [String] {
        Array(render(text, range).split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropFirst())
    }

    @Test("carets sit under wide characters and tab-expanded text")
    func wideAndTabs() {
        let lines = Self.frame("ENV A=\"👋\"\tB=1\n") { ReportFixture.range(of: "B=1", in: $0) }
        // 7 cells, the emoji's 2, a quote, then the tab to the next stop at 12.
        #expect(lines[1] == "1 | ENV A=\"👋\"  B=1")
        #expect(lines[2] == "  |             ^^^")
    }

    @Test("the header column counts characters, not bytes")
    func headerColumn() {
        let output = Self.render("RUN echo é😀 x\n") { ReportFixture.range(of: "x", in: $0) }
        #expect(output.hasPrefix("Dockerfile:1:13: warning[DF001] message (some-rule)\n"))
    }

    @Test("an empty range shows one caret")
    func emptyRange() {
        let lines = Self.frame("FROM a\n") { _ in TextRange.empty(at: 6) }
        #expect(lines[1] == "1 | FROM a")
        #expect(lines[2] == "  |       ^")
    }

    @Test("a range that ends with the line break is drawn on its own line only")
    func endsAtLineBreak() {
        let lines = Self.frame("FROM a\nRUN b\n") { _ in TextRange(start: 0, end: 7) }
        #expect(lines[1] == "1 | FROM a")
        #expect(lines[2] == "  | ^^^^^^")
        #expect(lines[3] == "")
    }

    @Test("a range over many lines shows its first and last line with an ellipsis")
    func manyLines() {
        let lines = Self.frame("RUN a \\\n  b \\\n  c \\\n  d\n") { _ in TextRange(start: 4, end: 25) }
        #expect(Array(lines.prefix(7)) == ["  |", "1 | RUN a \\", "  |     ^^^", "...", "4 |   d", "  |   ^", ""])
    }

    @Test("control characters in source, messages and paths cannot reach the terminal")
    func controlCharacters() {
        let source = SourceFile(path: "evil\u{1B}[2J", text: "RUN a\u{1B}]0;x\u{7}\rb\n")
        let diagnostic = Diagnostic(code: "DF001", name: "r", severity: .error, message: "bad\n\u{1B}[31m",
                                    location: .file(path: source.path, range: TextRange(start: 0, end: 3)))
        let output = TextReporter().render(Report(tool: ReportFixture.tool, rules: [], artifacts: [.dockerfile(source, diagnostics: [diagnostic])]))
        #expect(!output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x0D })
        #expect(output.contains("RUN a␛]0;x␇␍b"))
    }

    @Test("a byte-order mark is not shown and does not shift the carets")
    func byteOrderMark() {
        let source = SourceFile(path: "Dockerfile", bytes: [0xEF, 0xBB, 0xBF] + Array("FROM a\n".utf8))
        let diagnostic = Diagnostic(code: "DF001", name: "r", severity: .info, message: "m",
                                    location: .file(path: "Dockerfile", range: TextRange(start: 8, end: 9)))
        let output = TextReporter().render(Report(tool: ReportFixture.tool, rules: [], artifacts: [.dockerfile(source, diagnostics: [diagnostic])]))
        #expect(output.contains("Dockerfile:1:6: info[DF001]"))
        #expect(output.contains("1 | FROM a\n  |      ^\n"))
    }

    @Test("the help line names the fix and whether it is safe",
          arguments: [(Applicability.safe, "safe fix"), (.unsafe, "unsafe fix"), (.displayOnly, "suggestion")])
    func helpLine(_ applicability: Applicability, _ wording: String) {
        let fix = Fix(title: "Do it", edits: [], applicability: applicability)
        let output = Self.render("FROM a\n", { _ in TextRange(start: 0, end: 4) }, fix: fix)
        #expect(output.contains("  = help: Do it (\(wording))\n"))
    }

    @Test("the summary line counts problems, artifacts and fixes", arguments: [
        (ReportFixture.report.summary, "Found 8 problems (3 errors, 3 warnings, 1 info, 1 style) in 2 files, 1 build context and 1 image; 1 fixable with hull fix, 1 more with hull fix --unsafe-fixes"),
        (Report(tool: ReportFixture.tool, rules: [], artifacts: [.dockerfile(ReportFixture.dockerfile, diagnostics: [])]).summary,
         "No problems found in 1 file"),
        (Report(tool: ReportFixture.tool, rules: [], artifacts: [], failures: [ReportFailure(path: nil, message: "x")]).summary,
         "No problems found; 1 input could not be analysed"),
    ])
    func summaryLine(_ summary: ReportSummary, _ expected: String) {
        #expect(TextReporter.summaryLine(summary) == expected)
    }

    @Test("the brief's example summary reads as specified")
    func exampleSummary() {
        let source = SourceFile(path: "a", text: "x\n")
        let make = { (severity: Severity, fix: Fix?) in
            Diagnostic(code: "DF001", name: "n", severity: severity, message: "m",
                       location: .file(path: "a", range: TextRange(start: 0, end: 1)), fix: fix)
        }
        let report = Report(tool: ReportFixture.tool, rules: [], artifacts: [
            .dockerfile(source, diagnostics: [make(.error, Fix(title: "t", edits: [], applicability: .safe)), make(.warning, nil)]),
            .dockerfile(SourceFile(path: "b", text: "x\n"), diagnostics: [make(.warning, nil)]),
        ])
        #expect(TextReporter.summaryLine(report.summary) == "Found 3 problems (1 error, 2 warnings) in 2 files; 1 fixable with hull fix")
    }
}
