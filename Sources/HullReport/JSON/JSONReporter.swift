import HullCore

/// Hull's own JSON: a ``JSONReportDocument``, pretty-printed with sorted keys.
public struct JSONReporter: Reporter {
    /// The version of ``JSONReportDocument`` this reporter writes.
    public static let schemaVersion = 1

    /// Creates a JSON reporter.
    public init() {}

    public var identifier: String { ReportFormat.json.rawValue }
    public var summary: String { ReportFormat.json.summary }

    public func write(_ report: Report, to output: inout some TextOutputStream) {
        output.write(JSONText.encode(document(for: report)))
    }

    /// The wire document for `report`.
    public func document(for report: Report) -> JSONReportDocument {
        let lookup = Report.SourceLookup(report)
        let rules = report.rules.map { rule in
            JSONReportDocument.Rule(
                code: rule.code.rawValue, name: rule.name, summary: rule.summary, rationale: rule.rationale,
                category: rule.category, defaultSeverity: rule.defaultSeverity.rawValue,
                aliases: rule.aliases.map(Self.alias), fixAvailability: rule.fixAvailability.rawValue, helpUri: rule.helpURI)
        }
        let artifacts = report.artifacts.map { artifact in
            JSONReportDocument.Artifact(
                kind: artifact.kind.rawValue, path: artifact.path,
                diagnostics: artifact.diagnostics.map { diagnostic(for: $0, report: report, lookup: lookup) })
        }
        let summary = report.summary
        return JSONReportDocument(
            schemaVersion: Self.schemaVersion,
            tool: .init(name: report.tool.name, version: report.tool.version, informationUri: report.tool.informationURI),
            rules: rules,
            artifacts: artifacts,
            failures: report.failures.map { .init(path: $0.path, message: $0.message) },
            summary: .init(
                problems: summary.problems,
                bySeverity: .init(error: summary.errors, warning: summary.warnings, info: summary.infos, style: summary.styles),
                fixable: .init(safe: summary.safeFixes, unsafe: summary.unsafeFixes),
                artifacts: summary.artifacts.total,
                artifactsWithProblems: summary.artifactsWithProblems.total,
                failures: summary.failures))
    }

    private static func alias(_ alias: RuleAlias) -> JSONReportDocument.Alias {
        .init(tool: alias.tool, id: alias.id)
    }

    private func diagnostic(for diagnostic: Diagnostic, report: Report, lookup: Report.SourceLookup) -> JSONReportDocument.Diagnostic {
        let location: JSONReportDocument.Location
        var fix: JSONReportDocument.Fix?
        switch diagnostic.location {
        case let .file(path, range):
            location = .init(kind: "file", path: path, range: Self.range(range, in: path, lookup: lookup))
            fix = diagnostic.fix.map { fix in
                .init(title: fix.title, applicability: fix.applicability.rawValue,
                      edits: fix.edits.sorted { $0.range < $1.range }.map {
                          .init(range: Self.range($0.range, in: path, lookup: lookup), replacement: $0.replacement)
                      })
            }
        case let .contextPath(root, path):
            location = .init(kind: "contextPath", path: path, root: root)
        case let .imageLayer(image, layer, path):
            location = .init(kind: "imageLayer", path: path, image: image, layer: layer)
        case let .image(image):
            location = .init(kind: "image", image: image)
        }
        if fix == nil, let original = diagnostic.fix {
            // Fixes outside text files have nothing to edit, but their advice still counts.
            fix = .init(title: original.title, applicability: original.applicability.rawValue, edits: [])
        }
        return .init(
            code: diagnostic.code.rawValue, name: diagnostic.name,
            aliases: (diagnostic.aliases ?? report.rule(diagnostic.code)?.aliases ?? []).map(Self.alias),
            severity: diagnostic.severity.rawValue, message: diagnostic.message, notes: diagnostic.notes,
            location: location, fix: fix)
    }

    private static func range(_ range: TextRange, in path: String, lookup: Report.SourceLookup) -> JSONReportDocument.Range {
        guard let resolved = lookup.resolve(range, inFile: path) else {
            return .init(start: .init(offset: range.start), end: .init(offset: range.end))
        }
        return .init(start: position(resolved.start), end: position(resolved.end))
    }

    private static func position(_ location: SourceLocation) -> JSONReportDocument.Position {
        .init(offset: location.offset, line: location.line, utf8Column: location.utf8Column, utf16Column: location.utf16Column)
    }
}
