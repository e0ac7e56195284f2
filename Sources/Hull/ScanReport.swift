import Foundation
import HullVulnerability

/// What `hull scan` asks for.
public struct ScanRequest: Sendable {
    /// A folder (a project's lockfiles or an unpacked root file system) or an image: a
    /// `docker save` or OCI archive, or an OCI layout folder.
    public var target: String
    /// The advisory database (default: `$HULL_DB`, else the user's cache folder).
    public var databasePath: String?
    /// Severities to report; empty reports all.
    public var severities: Set<VulnerabilitySeverity>
    /// Leave out findings with no fixed version.
    public var ignoreUnfixed: Bool
    /// `.hull.yaml` to read accepted advisories from (default: discovered from the target).
    public var configurationPath: String?
    /// Today, `YYYY-MM-DD` (for expiry of accepted advisories).
    public var today: String
    /// `os/arch[/variant]` when the target is a multi-platform image.
    public var platform: String?

    public init(target: String, databasePath: String? = nil, severities: Set<VulnerabilitySeverity> = [], ignoreUnfixed: Bool = false, configurationPath: String? = nil, today: String? = nil, platform: String? = nil) {
        self.platform = platform
        self.target = target
        self.databasePath = databasePath
        self.severities = severities
        self.ignoreUnfixed = ignoreUnfixed
        self.configurationPath = configurationPath
        self.today = today ?? ScanRequest.isoDay(Date())
    }

    /// A scan notes a database older than this many days.
    public static let staleDatabaseDays = 7

    /// The UTC midnight of `YYYY-MM-DD`, or nil.
    static func day(_ text: String) -> Date? { dayFormatter().date(from: text) }

    static func isoDay(_ date: Date) -> String { dayFormatter().string(from: date) }

    /// `YYYY-MM-DD` in UTC.
    private static func dayFormatter() -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter
    }
}

/// The result of `hull scan` (JSON schema `Docs/schemas/scan-v1.schema.json`).
public struct ScanReport: Codable, Sendable, Hashable {
    public static let currentSchemaVersion = 1

    public struct Database: Codable, Sendable, Hashable {
        public var path: String
        public var builtAt: String?
        public var records: Int
    }

    public struct Counts: Codable, Sendable, Hashable {
        public var critical = 0, high = 0, medium = 0, low = 0, none = 0, unknown = 0

        mutating func add(_ severity: VulnerabilitySeverity) {
            switch severity {
            case .critical: critical += 1
            case .high: high += 1
            case .medium: medium += 1
            case .low: low += 1
            case .none: none += 1
            case .unknown: unknown += 1
            }
        }
    }

    public var schemaVersion = ScanReport.currentSchemaVersion
    public var tool: String
    public var toolVersion: String
    public var target: String
    public var distribution: Distribution?
    public var database: Database
    /// Packages inventoried.
    public var packageCount: Int
    /// Findings after the severity and fix filters, accepted ones left out.
    public var findings: [VulnerabilityFinding]
    /// Findings an active `accepted-advisories` entry covers.
    public var accepted: [VulnerabilityFinding]
    /// Counts of `findings` by severity.
    public var counts: Counts
    /// What the inventory could not cover, and expired acceptances.
    public var notes: [String]
    /// The inventory itself (for `--format cyclonedx` and `--compare`).
    public var inventory: Inventory
}

/// What changes between two scans (`hull scan A --compare B`): B relative to A.
public struct ScanComparison: Codable, Sendable, Hashable {
    public struct PackageChange: Codable, Sendable, Hashable {
        public var kind: SoftwarePackage.Kind
        public var name: String
        public var from: String?
        public var to: String?
    }

    public var schemaVersion = ScanReport.currentSchemaVersion
    public var base: String
    public var other: String
    /// Findings in `other` that `base` does not have.
    public var added: [VulnerabilityFinding]
    /// Findings in `base` that `other` no longer has.
    public var removed: [VulnerabilityFinding]
    /// Packages added, removed or at another version.
    public var packages: [PackageChange]
    public var baseCounts: ScanReport.Counts
    public var otherCounts: ScanReport.Counts
}
