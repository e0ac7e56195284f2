/// What a report needs to know about a rule: its identity, explanation and peers' names for it.
///
/// Rules carry richer descriptions (examples, options); this is the part reporters and
/// machine-readable formats see, so that reporting never depends on rule code.
public struct RuleMetadata: Hashable, Sendable, Codable {
    /// The stable code, such as `DF001`.
    public var code: RuleCode
    /// The kebab-case name of the pattern flagged.
    public var name: String
    /// One sentence saying what is flagged.
    public var summary: String
    /// Why it matters and what to do instead.
    public var rationale: String
    /// The theme: `security`, `size`, `cache`, `correctness`, `maintainability`, `style`.
    public var category: String
    /// The severity used unless configuration overrides it.
    public var defaultSeverity: Severity
    /// Other tools' identifiers for the same check.
    public var aliases: [RuleAlias]
    /// Whether a fix exists, and the most a fix may do without asking.
    public var fixAvailability: FixAvailability
    /// A page documenting the rule, when there is one.
    public var helpURI: String?

    /// Creates rule metadata.
    public init(code: RuleCode, name: String, summary: String, rationale: String, category: String, defaultSeverity: Severity, aliases: [RuleAlias] = [], fixAvailability: FixAvailability = .none, helpURI: String? = nil) {
        self.code = code
        self.name = name
        self.summary = summary
        self.rationale = rationale
        self.category = category
        self.defaultSeverity = defaultSeverity
        self.aliases = aliases
        self.fixAvailability = fixAvailability
        self.helpURI = helpURI
    }
}

/// Another tool's identifier for a rule, such as hadolint's `DL4000`.
public struct RuleAlias: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The tool: `hadolint`, `buildkit`, `trivy`, `checkov`, `dockle`, `dive`, `shellcheck`.
    public var tool: String
    /// The identifier in that tool.
    public var id: String

    /// Creates an alias.
    public init(tool: String, id: String) {
        self.tool = tool
        self.id = id
    }

    public var description: String { "\(tool):\(id)" }
}

/// Whether a rule offers fixes, and how safe they are.
public enum FixAvailability: String, Hashable, Sendable, Codable {
    /// No fix.
    case none
    /// Advice that is shown but never applied.
    case displayOnly
    /// Fixes that need `--unsafe-fixes`.
    case unsafe
    /// Fixes applied by default.
    case safe
    /// Some findings get safe fixes, others unsafe ones.
    case sometimes
}
