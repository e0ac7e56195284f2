import Foundation
import HullCore

/// One configuration value merged from defaults, `.hull.yaml` (or `.hadolint.yaml`), the
/// environment and the command line, and passed explicitly to whatever needs it.
public struct Configuration: Sendable, Hashable, Codable {
    /// Rules to run, by code, code prefix (`DF`, `DF0`), name or peer alias; nil runs the defaults.
    public var select: [String]?
    /// Rules to run in addition to the selection (opt-in rules, for example).
    public var extendSelect: [String] = []
    /// Rules never to run.
    public var ignore: [String] = []
    /// Severity overrides by rule identifier.
    public var severity: [String: Severity] = [:]
    /// Options by rule identifier.
    public var rules: [String: [String: ConfigValue]] = [:]
    /// Registries base images may come from (wildcards allowed, e.g. `*.example.com`); empty allows any.
    public var trustedRegistries: [String] = []
    /// The lowest severity that makes `hull lint` exit 1.
    public var failLevel: Severity = .warning
    /// Whether preview rules run.
    public var preview: Bool = false
    /// Required labels and the format of their values (hadolint's `label-schema`).
    public var labelSchema: [String: String] = [:]
    /// Whether labels outside `labelSchema` are reported.
    public var strictLabels: Bool = false
    /// Whether in-file pragmas (`# hull ignore=`, `# hadolint ignore=`, `# check=skip=`) are honoured.
    public var allowsInlinePragmas: Bool = true
    /// Whether ShellCheck checks RUN scripts: nil runs it when it is installed (and says once
    /// that it was skipped when it is not), false never runs it.
    public var shellcheck: Bool?
    /// Vulnerability advisories the project accepts (`hull scan` reports them apart and does
    /// not fail on them until they expire).
    public var acceptedAdvisories: [AcceptedAdvisory] = []

    /// The defaults.
    public init() {}

    /// Whether `description`'s rule runs under this configuration. Ignoring one of several peer
    /// IDs of the same tool that a rule carries keeps the rule on; its findings for that ID are
    /// dropped instead (see ``ignoresFinding(_:of:)``).
    public func isEnabled(_ description: RuleDescription) -> Bool {
        if ignore.contains(where: { Self.identifier($0, matches: description) && !Self.isPartialAlias($0, of: description) }) { return false }
        if extendSelect.contains(where: { Self.identifier($0, matches: description) }) { return true }
        // Giving an off-by-default rule a severity turns it on, as hadolint's `override` does.
        if !description.enabledByDefault, severity.keys.contains(where: { description.matches($0) }) { return true }
        if let select {
            return select.contains { Self.identifier($0, matches: description) }
        }
        return description.enabledByDefault && (description.stability == .stable || preview)
    }

    /// Whether configuration drops this finding although the rule runs: it ignores a peer ID
    /// that the finding corresponds to.
    public func ignoresFinding(_ diagnostic: Diagnostic, of description: RuleDescription) -> Bool {
        ignore.contains { Self.isPartialAlias($0, of: description) && Self.finding(diagnostic, hasPeerID: $0) }
    }

    /// Whether `identifier` is one of several peer IDs of the same tool on the rule.
    public static func isPartialAlias(_ identifier: String, of description: RuleDescription) -> Bool {
        guard let alias = description.aliases.first(where: { $0.id.lowercased() == identifier.lowercased() }) else { return false }
        return description.aliases.filter { $0.tool == alias.tool }.count > 1 && description.code.rawValue.lowercased() != identifier.lowercased()
    }

    /// Whether the finding corresponds to peer ID `identifier` (a finding without narrowed
    /// aliases corresponds to all the rule's).
    public static func finding(_ diagnostic: Diagnostic, hasPeerID identifier: String) -> Bool {
        guard let aliases = diagnostic.aliases else { return true }
        return aliases.contains { $0.id.lowercased() == identifier.lowercased() }
    }

    /// The severity for `description`'s findings.
    public func severity(for description: RuleDescription) -> Severity {
        for (identifier, level) in severity where Self.identifier(identifier, matches: description) { return level }
        return description.defaultSeverity
    }

    /// The options for `description`.
    public func options(for description: RuleDescription) -> [String: ConfigValue] {
        var merged: [String: ConfigValue] = [:]
        for (identifier, options) in rules where Self.identifier(identifier, matches: description) {
            merged.merge(options) { _, new in new }
        }
        return merged
    }

    /// Whether a selection identifier names a rule: `ALL`, a code, a code prefix, a name or an alias.
    public static func identifier(_ identifier: String, matches description: RuleDescription) -> Bool {
        let trimmed = identifier.trimmingCharacters(in: .whitespaces)
        if trimmed.uppercased() == "ALL" { return true }
        if description.matches(trimmed) { return true }
        let upper = trimmed.uppercased()
        return !upper.isEmpty && upper.allSatisfy { $0.isLetter || $0.isNumber } && description.code.rawValue.hasPrefix(upper) && upper.first!.isLetter
    }
}
