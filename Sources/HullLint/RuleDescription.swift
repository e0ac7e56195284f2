import HullCore

/// Everything about a rule except its logic: identity, explanation, peers' names, examples.
public struct RuleDescription: Sendable {
    /// The stable code, such as `DF001`.
    public var code: RuleCode
    /// The kebab-case name of the pattern flagged, such as `maintainer-instruction`.
    public var name: String
    /// One sentence saying what is flagged.
    public var summary: String
    /// Why it matters and what to do instead, in Hull's own words.
    public var rationale: String
    /// The theme the finding belongs to.
    public var category: RuleCategory
    /// The severity used unless configuration overrides it.
    public var defaultSeverity: Severity
    /// Whether the rule is stable or a preview (off unless `preview` is enabled).
    public var stability: RuleStability
    /// Other tools' identifiers for the same check.
    public var aliases: [RuleAlias]
    /// Whether the rule is on when nothing selects it (opt-in rules are off).
    public var enabledByDefault: Bool
    /// Whether fixes exist and how safe they are.
    public var fixAvailability: FixAvailability
    /// Why the fix is unsafe, when it is.
    public var fixNote: String?
    /// Runnable Dockerfile examples; the catalogue test checks every one.
    public var examples: [RuleExample]
    /// Runnable image examples (image rules); the catalogue test builds and checks every one.
    public var imageExamples: [ImageRuleExample]

    /// Creates a description.
    public init(code: RuleCode, name: String, summary: String, rationale: String, category: RuleCategory, defaultSeverity: Severity,
                stability: RuleStability = .stable, aliases: [RuleAlias] = [], enabledByDefault: Bool = true,
                fixAvailability: FixAvailability = .none, fixNote: String? = nil, examples: [RuleExample] = [],
                imageExamples: [ImageRuleExample] = []) {
        self.code = code
        self.name = name
        self.summary = summary
        self.rationale = rationale
        self.category = category
        self.defaultSeverity = defaultSeverity
        self.stability = stability
        self.aliases = aliases
        self.enabledByDefault = enabledByDefault
        self.fixAvailability = fixAvailability
        self.fixNote = fixNote
        self.examples = examples
        self.imageExamples = imageExamples
    }

    /// The part reporters see.
    public var metadata: RuleMetadata {
        RuleMetadata(code: code, name: name, summary: summary, rationale: rationale, category: category.rawValue,
                     defaultSeverity: defaultSeverity, aliases: aliases, fixAvailability: fixAvailability,
                     helpURI: "https://hull.dev/rules/\(code.rawValue)")
    }

    /// Whether `identifier` names this rule: its code, its name, or a peer alias (case-insensitive).
    public func matches(_ identifier: String) -> Bool {
        let lowered = identifier.lowercased()
        return code.rawValue.lowercased() == lowered || name == lowered || aliases.contains { $0.id.lowercased() == lowered }
    }
}

/// The theme of a finding, used to group results.
public enum RuleCategory: String, Sendable, Codable, CaseIterable {
    /// Secrets, root, privileges, supply chain.
    case security
    /// Image and context size.
    case size
    /// Layer-cache efficiency.
    case cache
    /// Builds that fail or behave unexpectedly.
    case correctness
    /// Readability and maintenance.
    case maintainability
    /// Formatting and conventions.
    case style
}

/// Whether a rule is settled.
public enum RuleStability: String, Sendable, Codable {
    /// On by default (unless opt-in).
    case stable
    /// Off unless `preview: true`.
    case preview
}

/// Another tool's identifier, spelled as a helper for rule files.
extension RuleAlias {
    /// hadolint's `DLxxxx`/`SCxxxx`.
    public static func hadolint(_ id: String) -> RuleAlias { RuleAlias(tool: "hadolint", id: id) }
    /// BuildKit's build-check name (`docker build --check`).
    public static func buildkit(_ id: String) -> RuleAlias { RuleAlias(tool: "buildkit", id: id) }
    /// Trivy's misconfiguration ID (`DS-0001` / `AVD-DS-0001`).
    public static func trivy(_ id: String) -> RuleAlias { RuleAlias(tool: "trivy", id: id) }
    /// Checkov's check ID (`CKV_DOCKER_1`).
    public static func checkov(_ id: String) -> RuleAlias { RuleAlias(tool: "checkov", id: id) }
    /// Dockle's check ID (`CIS-DI-0001`, `DKL-DI-0001`).
    public static func dockle(_ id: String) -> RuleAlias { RuleAlias(tool: "dockle", id: id) }
}
