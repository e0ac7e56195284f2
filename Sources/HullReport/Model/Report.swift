import HullCore

/// Everything one run found: the tool, the rules that ran, and each artifact's diagnostics.
///
/// The initialiser puts the report in its canonical order, so every reporter renders the same
/// input the same way: rules by code, artifacts by kind (Dockerfiles, ignore files, contexts,
/// images) then path, and diagnostics by position then code.
public struct Report: Sendable, Codable, Equatable {
    /// The program that produced the report.
    public var tool: ToolInfo
    /// The metadata of the rules that ran, by code, each code once.
    public private(set) var rules: [RuleMetadata]
    /// What was analysed, in canonical order.
    public private(set) var artifacts: [ReportArtifact]
    /// Inputs that could not be analysed.
    public private(set) var failures: [ReportFailure]
    /// Counts over the whole report.
    public private(set) var summary: ReportSummary

    /// Creates a report and puts it in canonical order.
    public init(tool: ToolInfo, rules: [RuleMetadata], artifacts: [ReportArtifact], failures: [ReportFailure] = []) {
        self.tool = tool
        var seen = Set<RuleCode>()
        self.rules = rules.sorted { $0.code < $1.code }.filter { seen.insert($0.code).inserted }
        self.artifacts = artifacts.sorted { lhs, rhs in
            if lhs.kind != rhs.kind { return lhs.kind < rhs.kind }
            return lhs.path.utf8.lexicographicallyPrecedes(rhs.path.utf8)
        }
        self.failures = failures
        self.summary = ReportSummary(artifacts: self.artifacts, failures: failures)
    }

    /// Whether every input was analysed.
    public var executionSuccessful: Bool { failures.isEmpty }

    /// The metadata for `code`, if that rule ran.
    public func rule(_ code: RuleCode) -> RuleMetadata? {
        rules.first { $0.code == code }
    }

    /// The text of the file at `path`, looked up among the artifacts' sources.
    public func source(at path: String) -> SourceFile? {
        artifacts.lazy.compactMap(\.source).first { $0.path == path }
    }

    /// Every diagnostic with the artifact it belongs to, in canonical order.
    public var allDiagnostics: [(artifact: ReportArtifact, diagnostic: Diagnostic)] {
        artifacts.flatMap { artifact in artifact.diagnostics.map { (artifact, $0) } }
    }
}
