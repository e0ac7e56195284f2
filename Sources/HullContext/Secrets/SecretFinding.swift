import HullCore

/// A secret found in what the build context sends. It never holds the secret itself.
public struct SecretFinding: Hashable, Sendable, Codable {
    /// How sure the detector is.
    public enum Confidence: Int, Comparable, Hashable, Sendable, Codable, CustomStringConvertible {
        /// Plausible but often benign (a `.pem` that may be a certificate, a short password).
        case low
        /// Likely a secret.
        case medium
        /// A format that is a secret by construction, with supporting evidence.
        case high

        public static func < (lhs: Confidence, rhs: Confidence) -> Bool { lhs.rawValue < rhs.rawValue }

        public var description: String {
            switch self {
            case .low: "low"
            case .medium: "medium"
            case .high: "high"
            }
        }
    }

    /// The context-relative path of the file (or folder).
    public var path: ContextPath
    /// What was found.
    public var kind: SecretKind
    /// The 1-based line, for content findings.
    public var line: Int?
    /// The 1-based UTF-8 column range of the secret on that line (half-open), for content findings.
    public var columns: Range<Int>?
    /// The secret's byte range in the file, for content findings.
    public var range: TextRange?
    /// The line with the secret redacted (its first characters, then `…`); for path findings,
    /// the path.
    public var excerpt: String
    /// How sure the detector is.
    public var confidence: Confidence

    /// Creates a finding.
    public init(path: ContextPath, kind: SecretKind, line: Int? = nil, columns: Range<Int>? = nil,
                range: TextRange? = nil, excerpt: String, confidence: Confidence) {
        self.path = path
        self.kind = kind
        self.line = line
        self.columns = columns
        self.range = range
        self.excerpt = excerpt
        self.confidence = confidence
    }
}
