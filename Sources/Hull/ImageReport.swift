import HullCore
import HullImage
import HullReport

/// The result of `hull image`: the analysis, the rule findings, and the CI verdict.
/// Encoded by `--format json` (schema: Docs/schemas/image-v1.schema.json).
public struct ImageReport: Sendable, Codable {
    /// The JSON document's version.
    public static let schemaVersion = 1

    public var schemaVersion: Int
    public var tool: ToolInfo
    public var image: ImageAnalysis
    public var diagnostics: [Diagnostic]
    /// The dive-like checks, when `--ci` asked for them.
    public var ci: CIResult?
    /// Whether the run fails (a CI check failed, or a finding reached the fail level).
    public var failed: Bool
    /// The metadata of the image rules that ran (the configuration's selection), for the lint
    /// reporters; not part of the JSON document.
    public var rules: [RuleMetadata] = []

    private enum CodingKeys: String, CodingKey {
        case schemaVersion, tool, image, diagnostics, ci, failed
    }

    /// One threshold check.
    public struct CICheck: Hashable, Sendable, Codable {
        /// `lowestEfficiency`, `highestWastedBytes` or `highestUserWastedPercent`.
        public var name: String
        public var threshold: Double
        public var value: Double
        public var passed: Bool
    }

    /// The CI verdict.
    public struct CIResult: Hashable, Sendable, Codable {
        public var passed: Bool
        public var checks: [CICheck]
    }

    /// The report in the lint reporters' model (SARIF, GitHub, GitLab, Checkstyle, JUnit, JSON),
    /// with the metadata of the rules that ran.
    public func lintReport() -> Report {
        Report(tool: tool, rules: rules, artifacts: [ReportArtifact(kind: .image, path: image.source, diagnostics: diagnostics)])
    }
}
