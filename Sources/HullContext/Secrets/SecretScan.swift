/// The result of scanning a context for secrets.
public struct SecretScan: Hashable, Sendable, Codable {
    /// The findings, ordered by path and position.
    public var findings: [SecretFinding]
    /// Files whose first bytes were read.
    public var filesRead: Int
    /// Bytes read in total.
    public var bytesRead: Int64
    /// Files skipped as binary (a NUL byte in the first 8,000 bytes, or a binary extension).
    public var skippedBinary: Int
    /// Files skipped as larger than the size cap.
    public var skippedTooLarge: Int
    /// Files that could not be read.
    public var unreadable: Int
    /// Files left unread because the file or byte budget ran out.
    public var skippedOverBudget: Int
    /// Files left unread because they lie in dependency or version-control folders.
    public var skippedThirdParty: Int = 0

    /// Creates a scan result.
    public init(findings: [SecretFinding] = [], filesRead: Int = 0, bytesRead: Int64 = 0, skippedBinary: Int = 0,
                skippedTooLarge: Int = 0, unreadable: Int = 0, skippedOverBudget: Int = 0) {
        self.findings = findings
        self.filesRead = filesRead
        self.bytesRead = bytesRead
        self.skippedBinary = skippedBinary
        self.skippedTooLarge = skippedTooLarge
        self.unreadable = unreadable
        self.skippedOverBudget = skippedOverBudget
    }

    /// Whether the budget stopped the scan before every candidate file was read.
    public var isTruncated: Bool { skippedOverBudget > 0 }
}
