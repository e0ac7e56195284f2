import HullCore

/// Human-readable output in the style of rustc and ruff.
///
/// Each diagnostic gets a header `path:line:column: severity[CODE] message (name)`, where the
/// column counts characters (Unicode scalars) from 1, then a code frame with carets under the
/// exact range, then its notes and a `help:` line naming the fix and whether it is safe. A
/// summary line closes the output. Diagnostics about context paths and image contents have no
/// source text and so no frame. Control characters in paths, messages and source lines are
/// shown as visible symbols, so hostile input cannot drive the terminal.
public struct TextReporter: Reporter {
    /// Whether to use ANSI colours.
    public var colour: Bool

    /// Creates a text reporter.
    public init(colour: Bool = false) {
        self.colour = colour
    }

    public var identifier: String { ReportFormat.text.rawValue }
    public var summary: String { ReportFormat.text.summary }

    public func write(_ report: Report, to output: inout some TextOutputStream) {
        let style = ANSIStyle(enabled: colour)
        let lookup = Report.SourceLookup(report)
        for (_, diagnostic) in report.allDiagnostics {
            for line in lines(for: diagnostic, lookup: lookup, style: style) {
                output.write(line)
                output.write("\n")
            }
            output.write("\n")
        }
        for failure in report.failures {
            let subject = failure.path.map { DisplayWidth.sanitised($0) + ": " } ?? ""
            output.write(style.severity(.error, "error") + ": " + subject + DisplayWidth.sanitised(failure.message) + "\n")
        }
        if !report.failures.isEmpty { output.write("\n") }
        output.write(style.bold(Self.summaryLine(report.summary)) + "\n")
    }

    /// The lines for one diagnostic: header, frame, notes and help.
    func lines(for diagnostic: Diagnostic, lookup: Report.SourceLookup, style: ANSIStyle) -> [String] {
        let resolved = lookup.resolve(diagnostic.location)
        let place: String
        switch diagnostic.location {
        case let .file(path, range):
            if let resolved {
                place = "\(path):\(resolved.start.line):\(resolved.characterColumn(of: resolved.start))"
            } else {
                place = "\(path)@\(range.start)"
            }
        default:
            place = LocationText.describe(diagnostic.location)
        }
        let label = style.severity(diagnostic.severity, "\(diagnostic.severity.rawValue)[\(diagnostic.code.rawValue)]")
        let message = style.message(DisplayWidth.sanitised(diagnostic.message))
        var lines = [style.bold(DisplayWidth.sanitised(place) + ":") + " " + label + " " + message + " " + style.dim("(\(diagnostic.name))")]
        var gutterWidth = 1
        if let resolved {
            let frame = CodeFrame(resolved)
            gutterWidth = frame.gutterWidth
            lines += frame.render(style: style) { style.severity(diagnostic.severity, $0) }
        }
        let pad = String(repeating: " ", count: gutterWidth)
        for note in diagnostic.notes {
            lines.append(pad + " " + style.gutter("=") + " " + style.bold("note") + ": " + style.message(DisplayWidth.sanitised(note)))
        }
        if let fix = diagnostic.fix {
            let title = style.message(DisplayWidth.sanitised(fix.title))
            lines.append(pad + " " + style.gutter("=") + " " + style.help("help") + ": " + title + " (" + Self.describe(fix.applicability) + ")")
        }
        return lines
    }

    /// How a fix's applicability reads after its title.
    static func describe(_ applicability: Applicability) -> String {
        switch applicability {
        case .safe: "safe fix"
        case .unsafe: "unsafe fix"
        case .displayOnly: "suggestion"
        }
    }

    /// The closing line, such as
    /// `Found 3 problems (1 error, 2 warnings) in 2 files; 1 fixable with hull fix`.
    public static func summaryLine(_ summary: ReportSummary) -> String {
        var line: String
        if summary.problems == 0 {
            line = "No problems found"
            if summary.artifacts.total > 0 { line += " in " + artifacts(summary.artifacts) }
        } else {
            var parts: [String] = []
            if summary.errors > 0 { parts.append(counted(summary.errors, "error")) }
            if summary.warnings > 0 { parts.append(counted(summary.warnings, "warning")) }
            if summary.infos > 0 { parts.append("\(summary.infos) info") }
            if summary.styles > 0 { parts.append("\(summary.styles) style") }
            line = "Found \(counted(summary.problems, "problem")) (\(parts.joined(separator: ", "))) in \(artifacts(summary.artifactsWithProblems))"
        }
        if summary.safeFixes > 0 {
            line += "; \(summary.safeFixes) fixable with hull fix"
            if summary.unsafeFixes > 0 { line += ", \(summary.unsafeFixes) more with hull fix --unsafe-fixes" }
        } else if summary.unsafeFixes > 0 {
            line += "; \(summary.unsafeFixes) fixable with hull fix --unsafe-fixes"
        }
        if summary.failures > 0 {
            line += "; \(counted(summary.failures, "input")) could not be analysed"
        }
        return line
    }

    private static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    private static func artifacts(_ counts: ReportSummary.ArtifactCounts) -> String {
        var parts: [String] = []
        if counts.files > 0 { parts.append(counted(counts.files, "file")) }
        if counts.contexts > 0 { parts.append(counted(counts.contexts, "build context")) }
        if counts.images > 0 { parts.append(counted(counts.images, "image")) }
        guard let last = parts.popLast() else { return "0 files" }
        return parts.isEmpty ? last : parts.joined(separator: ", ") + " and " + last
    }
}
