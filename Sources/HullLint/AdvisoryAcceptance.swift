/// One entry of `.hull.yaml`'s `accepted-advisories`: a vulnerability the project has looked
/// at and accepts, with the reason and, optionally, the last day the acceptance holds.
public struct AdvisoryAcceptance: Sendable, Hashable, Codable {
    /// An advisory ID or any of its aliases (`CVE-2024-1234`, `GHSA-…`).
    public var id: String
    public var reason: String
    /// `YYYY-MM-DD`, inclusive.
    public var expires: String?
    /// Limits the entry to one package name.
    public var package: String?

    public init(id: String, reason: String, expires: String? = nil, package: String? = nil) {
        self.id = id
        self.reason = reason
        self.expires = expires
        self.package = package
    }

    /// Whether `text` is a `YYYY-MM-DD` date.
    public static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isNumber) }), let month = Int(parts[1]), let day = Int(parts[2]) else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }
}
