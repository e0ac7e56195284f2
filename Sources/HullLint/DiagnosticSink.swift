import HullCore

/// Where a rule reports: stamps each finding with the rule's code, name and configured severity.
public struct DiagnosticSink: Sendable {
    /// The rule reporting.
    public let rule: RuleDescription
    /// The severity configuration gives the rule.
    public let severity: Severity
    /// The rule's options from configuration (or an example).
    public let options: [String: ConfigValue]
    /// The file reported on.
    public let path: String
    /// What was reported so far.
    public private(set) var diagnostics: [Diagnostic] = []

    /// Creates a sink.
    public init(rule: RuleDescription, severity: Severity, options: [String: ConfigValue], path: String) {
        self.rule = rule
        self.severity = severity
        self.options = options
        self.path = path
    }

    /// Reports a finding at `range`. `peerIDs` narrows the rule's aliases to the peer IDs this
    /// finding corresponds to (e.g. `["DL3018"]` for an apk finding of a rule that also has
    /// `DL3008`), so that ignoring one peer ID silences exactly what that peer would report.
    public mutating func report(_ range: TextRange, _ message: String, notes: [String] = [], fix: Fix? = nil, severity override: Severity? = nil, peerIDs: [String]? = nil) {
        let aliases = peerIDs.map { ids in rule.aliases.filter { ids.contains($0.id) } }
        diagnostics.append(Diagnostic(code: rule.code, name: rule.name, severity: override ?? severity, message: message,
                                      location: .file(path: path, range: range), notes: notes, fix: fix, aliases: aliases))
    }

    /// A string option.
    public func option(_ name: String) -> String? { options[name]?.stringValue }
    /// A list option.
    public func listOption(_ name: String) -> [String] { options[name]?.stringList ?? [] }
    /// A boolean option with a default.
    public func flag(_ name: String, default value: Bool) -> Bool { options[name]?.boolValue ?? value }
}
