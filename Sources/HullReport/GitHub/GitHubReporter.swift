import HullCore

/// GitHub Actions workflow commands, which the runner turns into annotations on the pull
/// request: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE name::message`.
///
/// Errors map to `error`, warnings to `warning`, infos and style findings to `notice`.
/// Columns count UTF-16 code units. Paths are relative to the source root (the workspace) when
/// it is known. Property values escape `%`, CR, LF, `:` and `,`; the message escapes `%`, CR and
/// LF, so a finding can never end the command early or start another. Notes and the fix's
/// title follow the message on their own lines. GitHub shows a limited number of annotations
/// per step; the rest remain in the log.
public struct GitHubReporter: Reporter {
    /// The absolute directory paths are made relative to, normally `$GITHUB_WORKSPACE`.
    public var sourceRoot: String?

    /// Creates a GitHub reporter.
    public init(sourceRoot: String? = nil) {
        self.sourceRoot = sourceRoot
    }

    public var identifier: String { ReportFormat.github.rawValue }
    public var summary: String { ReportFormat.github.summary }

    public func write(_ report: Report, to output: inout some TextOutputStream) {
        let lookup = Report.SourceLookup(report)
        let paths = RepositoryPath(root: sourceRoot)
        for (_, diagnostic) in report.allDiagnostics {
            output.write(command(for: diagnostic, lookup: lookup, paths: paths))
            output.write("\n")
        }
        for failure in report.failures {
            var properties: [(String, String)] = []
            if let path = failure.path { properties.append(("file", paths.display(path))) }
            properties.append(("title", "\(report.tool.name) could not analyse this input"))
            output.write(Self.command("error", properties: properties, message: failure.message) + "\n")
        }
    }

    func command(for diagnostic: Diagnostic, lookup: Report.SourceLookup, paths: RepositoryPath) -> String {
        var properties: [(String, String)] = []
        var message = diagnostic.message
        switch diagnostic.location {
        case let .file(path, _):
            properties.append(("file", paths.display(path)))
            if let resolved = lookup.resolve(diagnostic.location) {
                properties.append(("line", String(resolved.start.line)))
                properties.append(("col", String(resolved.start.utf16Column)))
                properties.append(("endLine", String(resolved.end.line)))
                properties.append(("endColumn", String(resolved.end.utf16Column)))
            }
        case let .contextPath(root, path):
            properties.append(("file", paths.display(LocationText.contextPath(root: root, path: path))))
        case .imageLayer, .image:
            // Not a file in the repository: the annotation goes on the run, naming the image.
            message = LocationText.describe(diagnostic.location) + ": " + message
        }
        properties.append(("title", "\(diagnostic.code.rawValue) \(diagnostic.name)"))
        for note in diagnostic.notes { message += "\nnote: " + note }
        if let fix = diagnostic.fix {
            message += "\nhelp: " + fix.title + " (" + TextReporter.describe(fix.applicability) + ")"
        }
        return Self.command(Self.level(diagnostic.severity), properties: properties, message: message)
    }

    /// The annotation level for a severity.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info, .style: "notice"
        }
    }

    /// One workflow command with escaped properties and message.
    static func command(_ name: String, properties: [(String, String)], message: String) -> String {
        let list = properties.map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
        return "::\(name)\(list.isEmpty ? "" : " " + list)::\(escapeData(message))"
    }

    /// Escapes a command's message: `%`, CR and LF.
    static func escapeData(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Escapes a property value: what ``escapeData(_:)`` escapes, plus `:` and `,`.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacing(":", with: "%3A").replacing(",", with: "%2C")
    }
}
