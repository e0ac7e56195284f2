import HullCore

/// JUnit XML, for the test-report views of CI systems (GitLab, Jenkins, Azure Pipelines,
/// CircleCI and others).
///
/// Convention: one `<testsuite>` per artifact, named by its path; one `<testcase>` per
/// diagnostic, named `CODE name (line:column)` with the artifact's path as `classname`, holding
/// a `<failure>` whose `type` is the severity and whose body is the text reporter's rendering
/// (header, code frame, notes, fix). An artifact without diagnostics gets one passing test
/// case, so clean files show as passed rather than vanish. This mirrors how linters that
/// report to these views behave (one failure per finding) and keeps each finding's details
/// in its own entry, which CI views list and link individually. Inputs that could not be
/// analysed become test cases with an `<error>` in a final suite named after the tool.
public struct JUnitReporter: Reporter {
    /// Creates a JUnit reporter.
    public init() {}

    public var identifier: String { ReportFormat.junit.rawValue }
    public var summary: String { ReportFormat.junit.summary }

    public func write(_ report: Report, to output: inout some TextOutputStream) {
        let lookup = Report.SourceLookup(report)
        let text = TextReporter(colour: false)
        let style = ANSIStyle(enabled: false)
        let tests = report.artifacts.reduce(0) { $0 + Swift.max(1, $1.diagnostics.count) } + report.failures.count
        let name = XMLText.attribute(report.tool.name)
        output.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        output.write("<testsuites name=\"\(name)\" tests=\"\(tests)\" failures=\"\(report.summary.problems)\" errors=\"\(report.failures.count)\">\n")
        for artifact in report.artifacts {
            let path = XMLText.attribute(artifact.path)
            let count = Swift.max(1, artifact.diagnostics.count)
            output.write("  <testsuite name=\"\(path)\" tests=\"\(count)\" failures=\"\(artifact.diagnostics.count)\" errors=\"0\" skipped=\"0\">\n")
            if artifact.diagnostics.isEmpty {
                output.write("    <testcase name=\"no problems\" classname=\"\(path)\"/>\n")
            }
            for diagnostic in artifact.diagnostics {
                var caseName = "\(diagnostic.code.rawValue) \(diagnostic.name)"
                if let resolved = lookup.resolve(diagnostic.location) {
                    caseName += " (\(resolved.start.line):\(resolved.characterColumn(of: resolved.start)))"
                } else if case let .imageLayer(_, layer, inner) = diagnostic.location {
                    caseName += " (layer \(layer) \(inner))"
                } else if case let .contextPath(_, inner) = diagnostic.location {
                    caseName += " (\(inner))"
                }
                let body = text.lines(for: diagnostic, lookup: lookup, style: style).joined(separator: "\n")
                output.write("    <testcase name=\"\(XMLText.attribute(caseName))\" classname=\"\(path)\">\n")
                output.write("      <failure type=\"\(diagnostic.severity.rawValue)\" message=\"\(XMLText.attribute(diagnostic.message))\">")
                output.write(XMLText.content(body))
                output.write("</failure>\n")
                output.write("    </testcase>\n")
            }
            output.write("  </testsuite>\n")
        }
        if !report.failures.isEmpty {
            output.write("  <testsuite name=\"\(name)\" tests=\"\(report.failures.count)\" failures=\"0\" errors=\"\(report.failures.count)\" skipped=\"0\">\n")
            for failure in report.failures {
                let subject = XMLText.attribute(failure.path ?? report.tool.name)
                output.write("    <testcase name=\"analyse \(subject)\" classname=\"\(name)\">\n")
                output.write("      <error message=\"\(XMLText.attribute(failure.message))\"/>\n")
                output.write("    </testcase>\n")
            }
            output.write("  </testsuite>\n")
        }
        output.write("</testsuites>\n")
    }
}
