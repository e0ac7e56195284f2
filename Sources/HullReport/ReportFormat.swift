/// The output formats Hull can write; the CLI lists and parses these for `--format`.
public enum ReportFormat: String, CaseIterable, Sendable, Codable {
    /// Human-readable diagnostics with code frames and a summary line.
    case text
    /// Hull's own versioned JSON (`Docs/json-output.md`).
    case json
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    case sarif
    /// GitHub Actions workflow commands, shown as annotations on pull requests.
    case github
    /// GitLab Code Quality JSON.
    case gitlab
    /// Checkstyle XML, for Jenkins and other CI dashboards.
    case checkstyle
    /// JUnit XML, for CI test-report views.
    case junit

    /// One line describing the format.
    public var summary: String {
        switch self {
        case .text: "Human-readable diagnostics with code frames and a summary"
        case .json: "Hull's versioned JSON report (schema version \(JSONReporter.schemaVersion))"
        case .sarif: "SARIF 2.1.0 for GitHub code scanning and SARIF viewers"
        case .github: "GitHub Actions workflow commands (pull-request annotations)"
        case .gitlab: "GitLab Code Quality report"
        case .checkstyle: "Checkstyle XML"
        case .junit: "JUnit XML, one test suite per artifact"
        }
    }

    /// Parses a `--format` value, ignoring case.
    public static func parse(_ name: String) throws(HullReportError) -> ReportFormat {
        guard let format = ReportFormat(rawValue: name.lowercased()) else { throw .unknownFormat(name) }
        return format
    }

    /// The reporter for this format.
    public func reporter(options: ReporterOptions = ReporterOptions()) -> any Reporter {
        switch self {
        case .text: TextReporter(colour: options.colour)
        case .json: JSONReporter()
        case .sarif: SARIFReporter(sourceRoot: options.sourceRoot)
        case .github: GitHubReporter(sourceRoot: options.sourceRoot)
        case .gitlab: GitLabReporter(sourceRoot: options.sourceRoot)
        case .checkstyle: CheckstyleReporter()
        case .junit: JUnitReporter()
        }
    }
}
