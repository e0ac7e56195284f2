import HullCore

/// Checkstyle XML: one `<file>` per file named in a diagnostic, one `<error>` per diagnostic.
///
/// `severity` is `error`, `warning` or `info` (style findings are `info`); `source` is the
/// code; `column` counts UTF-16 code units. Diagnostics without lines (context paths, images)
/// have no `line` attribute; image findings are grouped under the image reference and name
/// the layer and path in the message. Everything is escaped for XML 1.0.
public struct CheckstyleReporter: Reporter {
    /// Creates a Checkstyle reporter.
    public init() {}

    public var identifier: String { ReportFormat.checkstyle.rawValue }
    public var summary: String { ReportFormat.checkstyle.summary }

    public func write(_ report: Report, to output: inout some TextOutputStream) {
        let lookup = Report.SourceLookup(report)
        output.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        output.write("<checkstyle version=\"4.3\">\n")
        var groups: [(file: String, diagnostics: [Diagnostic])] = []
        for (_, diagnostic) in report.allDiagnostics {
            let file = LocationText.file(of: diagnostic.location)
            if let index = groups.firstIndex(where: { $0.file == file }) {
                groups[index].diagnostics.append(diagnostic)
            } else {
                groups.append((file, [diagnostic]))
            }
        }
        for group in groups {
            output.write("  <file name=\"\(XMLText.attribute(group.file))\">\n")
            for diagnostic in group.diagnostics {
                var attributes = ""
                if let resolved = lookup.resolve(diagnostic.location) {
                    attributes += " line=\"\(resolved.start.line)\" column=\"\(resolved.start.utf16Column)\""
                }
                var message = diagnostic.message
                if case .imageLayer = diagnostic.location {
                    message = LocationText.describe(diagnostic.location) + ": " + message
                }
                message += " (\(diagnostic.name))"
                attributes += " severity=\"\(Self.severity(diagnostic.severity))\""
                attributes += " message=\"\(XMLText.attribute(message))\""
                attributes += " source=\"\(XMLText.attribute(diagnostic.code.rawValue))\""
                output.write("    <error\(attributes)/>\n")
            }
            output.write("  </file>\n")
        }
        for failure in report.failures {
            output.write("  <file name=\"\(XMLText.attribute(failure.path ?? report.tool.name))\">\n")
            output.write("    <error severity=\"error\" message=\"\(XMLText.attribute(failure.message))\" source=\"\(XMLText.attribute(report.tool.name))\"/>\n")
            output.write("  </file>\n")
        }
        output.write("</checkstyle>\n")
    }

    /// Checkstyle's severity for a Hull severity.
    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info, .style: "info"
        }
    }
}
