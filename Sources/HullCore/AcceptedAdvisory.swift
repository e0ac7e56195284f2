/// An advisory the project has looked at and accepts (`.hull.yaml`'s `accepted-advisories`):
/// ignored by scans until `expires`, with the reason recorded.
public struct AcceptedAdvisory: Codable, Hashable, Sendable {
    /// An advisory ID or any of its aliases (`CVE-2024-1234`, `GHSA-…`), matched case-insensitively.
    public var id: String
    public var reason: String
    /// `YYYY-MM-DD`, inclusive; after this day the entry no longer applies.
    public var expires: String?
    /// Limits the entry to one package name.
    public var package: String?

    public init(id: String, reason: String, expires: String? = nil, package: String? = nil) {
        self.id = id
        self.reason = reason
        self.expires = expires
        self.package = package
    }

    /// Whether the entry still applies on `today` (`YYYY-MM-DD`).
    public func isActive(today: String) -> Bool {
        guard let expires else { return true }
        return today <= expires
    }

    /// Whether `text` is a `YYYY-MM-DD` date.
    public static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isNumber) }), let month = Int(parts[1]), let day = Int(parts[2]) else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }
}
