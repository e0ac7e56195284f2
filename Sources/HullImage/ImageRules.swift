import HullCore

/// One image check: its identity (an `IM` code, a name, Dockle's ID as an alias) and its logic.
public struct ImageRule: Sendable {
    /// What reports show about the rule.
    public var metadata: RuleMetadata
    /// The Dockerfile rule that flags the same thing in source, when there is one.
    public var dockerfileRule: String?
    let check: @Sendable (ImageAnalysis, ImageRuleContext) -> [ImageFinding]
}

/// What a check may need beyond the analysis.
public struct ImageRuleContext: Sendable {
    /// The reference the user named (for the `latest` tag check).
    public var reference: String
    /// The scanning host's environment (for Dockle's content-trust check).
    public var environment: [String: String]

    public init(reference: String, environment: [String: String] = [:]) {
        self.reference = reference
        self.environment = environment
    }
}

/// One finding before it becomes a ``Diagnostic``.
public struct ImageFinding: Hashable, Sendable {
    public var message: String
    /// A layer and path inside it, or nil for the image as a whole.
    public var layer: Int?
    public var path: String?
    public var notes: [String] = []
}

extension ImageRule {
    /// Runs every rule in `rules` and returns diagnostics pointing at the image or a layer path.
    public static func run(_ rules: [ImageRule], on analysis: ImageAnalysis, context: ImageRuleContext, image: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for rule in rules {
            for finding in rule.check(analysis, context) {
                let location: Location = if let layer = finding.layer, let path = finding.path {
                    .imageLayer(image: image, layer: layer, path: path)
                } else {
                    .image(image)
                }
                var notes = finding.notes
                if let related = rule.dockerfileRule { notes.append("in a Dockerfile, \(related) flags this") }
                diagnostics.append(Diagnostic(code: rule.metadata.code, name: rule.metadata.name, severity: rule.metadata.defaultSeverity,
                                              message: finding.message, location: location, notes: notes))
            }
        }
        return diagnostics
    }
}
