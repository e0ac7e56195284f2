import HullCore

/// Runs image rules over an analysed image with a ``Configuration``: selection, ignores,
/// severity overrides and options, as ``Linter`` does for Dockerfiles. Images carry no in-file
/// pragmas, so configuration is the only way to silence a finding.
public struct ImageLinter: Sendable {
    /// The rules that run.
    public let rules: [any ImageRule]
    /// The configuration in force.
    public let configuration: Configuration

    /// Selects the enabled rules among `available`.
    public init(rules available: [any ImageRule.Type], configuration: Configuration) {
        self.configuration = configuration
        self.rules = available.filter { configuration.isEnabled($0.description) }.map { $0.init() }
    }

    /// The descriptions of the rules that run.
    public var descriptions: [RuleDescription] { rules.map { type(of: $0).description } }

    /// Runs the rules over one image. Diagnostics come in rule order, then in the order each
    /// rule reported them.
    public func lint(_ input: AnalyzedImage) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for rule in rules {
            let description = type(of: rule).description
            var sink = ImageDiagnosticSink(rule: description, severity: configuration.severity(for: description),
                                           options: configuration.options(for: description), image: input.reference)
            rule.check(input, &sink)
            diagnostics += sink.diagnostics.filter { !configuration.ignoresFinding($0, of: description) }
        }
        return diagnostics
    }
}
