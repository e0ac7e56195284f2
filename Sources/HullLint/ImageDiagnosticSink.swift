import HullCore

/// Where an image rule reports: stamps each finding with the rule's code, name and configured
/// severity, and points it at the image or at a path in one of its layers.
public struct ImageDiagnosticSink: Sendable {
    /// The rule reporting.
    public let rule: RuleDescription
    /// The severity configuration gives the rule.
    public let severity: Severity
    /// The rule's options from configuration.
    public let options: [String: ConfigValue]
    /// The image reported on, as the user named it.
    public let image: String
    /// What was reported so far.
    public private(set) var diagnostics: [Diagnostic] = []

    /// Creates a sink.
    public init(rule: RuleDescription, severity: Severity, options: [String: ConfigValue] = [:], image: String) {
        self.rule = rule
        self.severity = severity
        self.options = options
        self.image = image
    }

    /// Reports a finding about the image as a whole, or about `path` in layer `layer` when both
    /// are given. `counterpart` is the Dockerfile rule that flags the same thing in source; the
    /// finding names it in a note, with `reason` saying how it was worked out (the history line
    /// that made the layer, for example).
    public mutating func report(_ message: String, layer: Int? = nil, path: String? = nil, notes: [String] = [],
                                counterpart: DockerfileCounterpart? = nil) {
        let location: Location = if let layer, let path { .imageLayer(image: image, layer: layer, path: path) } else { .image(image) }
        var notes = notes
        if let counterpart { notes.append(counterpart.note) }
        diagnostics.append(Diagnostic(code: rule.code, name: rule.name, severity: severity, message: message, location: location, notes: notes))
    }

    /// A string option.
    public func option(_ name: String) -> String? { options[name]?.stringValue }
}

/// The Dockerfile rule that flags in source what an image finding shows in the built image.
public struct DockerfileCounterpart: Sendable, Hashable {
    /// The Dockerfile rule's code.
    public var code: RuleCode
    /// The Dockerfile rule's name.
    public var name: String
    /// How the link was made: the history line that made the layer, or nil when it is the
    /// rule's usual counterpart (the history does not say more).
    public var evidence: String?

    /// Links to `rule`, with the evidence that ties the finding to it.
    public init(_ rule: RuleDescription, evidence: String? = nil) {
        self.code = rule.code
        self.name = rule.name
        self.evidence = evidence
    }

    /// The note the finding carries.
    public var note: String {
        let base = "in a Dockerfile, \(code.rawValue) (\(name)) flags this"
        guard let evidence else { return base }
        return base + ": \(evidence)"
    }
}
