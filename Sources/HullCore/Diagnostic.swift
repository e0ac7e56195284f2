/// Where a finding points.
public enum Location: Hashable, Sendable, Codable {
    /// A byte range in a text file (a Dockerfile, an ignore file).
    case file(path: String, range: TextRange)
    /// A path inside a build context.
    case contextPath(root: String, path: String)
    /// A path inside one layer of an image.
    case imageLayer(image: String, layer: Int, path: String)
    /// An image as a whole, such as its configuration.
    case image(String)
}

/// One finding: a code, a severity, a message and where it points, with an optional fix.
public struct Diagnostic: Hashable, Sendable, Codable {
    /// The stable code, such as `DF001`.
    public var code: RuleCode
    /// The rule's kebab-case name, such as `maintainer-instruction`.
    public var name: String
    /// How serious it is.
    public var severity: Severity
    /// A sentence fragment with the offending token in backticks.
    public var message: String
    /// Where it points.
    public var location: Location
    /// Extra notes shown under the message.
    public var notes: [String]
    /// An edit that resolves it, if there is one.
    public var fix: Fix?
    /// The peers' IDs for this very finding, when narrower than the rule's (a rule that covers
    /// apt and apk pins reports hadolint's `DL3008` for apt findings only); nil means the rule's.
    public var aliases: [RuleAlias]?

    /// Creates a diagnostic.
    public init(code: RuleCode, name: String, severity: Severity, message: String, location: Location, notes: [String] = [], fix: Fix? = nil, aliases: [RuleAlias]? = nil) {
        self.aliases = aliases
        self.code = code
        self.name = name
        self.severity = severity
        self.message = message
        self.location = location
        self.notes = notes
        self.fix = fix
    }

    /// The byte range, when the diagnostic points into a text file.
    public var range: TextRange? {
        if case .file(_, let range) = location { return range }
        return nil
    }
}
