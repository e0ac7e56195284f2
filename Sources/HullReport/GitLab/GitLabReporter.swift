import HullCore

/// GitLab Code Quality JSON: an array of issues with description, `check_name`, fingerprint,
/// severity and `location.path` / `location.lines`.
///
/// Severities map `error` → `critical`, `warning` → `major`, `info` → `minor`,
/// `style` → `info`; `blocker` is not used. Paths are relative to the source root (the project
/// directory). Findings without lines (context paths, images) point at line 1, since GitLab
/// requires a line; image findings use the image reference as their path. Fingerprints are
/// the same SHA-256 values as SARIF's.
public struct GitLabReporter: Reporter {
    /// The absolute directory paths are made relative to, normally `$CI_PROJECT_DIR`.
    public var sourceRoot: String?

    /// Creates a GitLab reporter.
    public init(sourceRoot: String? = nil) {
        self.sourceRoot = sourceRoot
    }

    public var identifier: String { ReportFormat.gitlab.rawValue }
    public var summary: String { ReportFormat.gitlab.summary }

    public func write(_ report: Report, to output: inout some TextOutputStream) {
        output.write(JSONText.encode(issues(for: report)))
    }

    func issues(for report: Report) -> [CodeQualityIssue] {
        let lookup = Report.SourceLookup(report)
        let paths = RepositoryPath(root: sourceRoot)
        let fingerprints = Fingerprints(report)
        var issues: [CodeQualityIssue] = []
        for (artifactIndex, artifact) in report.artifacts.enumerated() {
            for (index, diagnostic) in artifact.diagnostics.enumerated() {
                var lines = CodeQualityIssue.Lines(begin: 1, end: 1)
                if let resolved = lookup.resolve(diagnostic.location) {
                    lines = .init(begin: resolved.start.line, end: resolved.end.line)
                }
                var description = diagnostic.message
                if case .imageLayer = diagnostic.location {
                    description = LocationText.describe(diagnostic.location) + ": " + description
                }
                let category = report.rule(diagnostic.code)?.category ?? "correctness"
                issues.append(CodeQualityIssue(
                    description: description,
                    checkName: "\(diagnostic.code.rawValue) \(diagnostic.name)",
                    categories: [Self.codeClimateCategory(category)],
                    fingerprint: fingerprints[artifactIndex, index],
                    severity: Self.severity(diagnostic.severity),
                    engineName: report.tool.name,
                    location: .init(path: paths.display(LocationText.file(of: diagnostic.location)), lines: lines)))
            }
        }
        return issues
    }

    /// GitLab's severity for a Hull severity.
    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: "critical"
        case .warning: "major"
        case .info: "minor"
        case .style: "info"
        }
    }

    /// The Code Climate category closest to a Hull category.
    static func codeClimateCategory(_ category: String) -> String {
        switch category {
        case "security": "Security"
        case "size", "cache": "Performance"
        case "style": "Style"
        case "maintainability": "Clarity"
        default: "Bug Risk"
        }
    }
}
