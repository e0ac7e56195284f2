import Foundation
import HullCore
import HullLint
import HullOCI
import HullVulnerability

extension Workspace {
    /// The advisory database path a request uses.
    public static func advisoryDatabasePath(_ explicit: String?) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        return AdvisoryDatabase.defaultPath()
    }

    /// Whether `target` is an image rather than a folder to walk: any file (a `docker save` or
    /// OCI archive), an OCI layout folder (it has `oci-layout`), or an unpacked `docker save`
    /// folder (its `manifest.json` is a JSON array, which a web app manifest never is).
    static func isImage(_ target: String) -> Bool {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) else { return false }
        guard isDirectory.boolValue else { return true }
        let folder = URL(fileURLWithPath: target)
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent("oci-layout").path) { return true }
        if let data = try? Data(contentsOf: folder.appendingPathComponent("manifest.json")), data.count < 16 << 20,
           let decoded = try? JSONSerialization.jsonObject(with: data), decoded is [Any] {
            return true
        }
        return false
    }

    /// The file tree a scan target names: a folder, or an image's final file system.
    static func fileTree(_ target: String, platform: String? = nil) throws(HullError) -> FileTree {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) else {
            throw .usage("\(target): no such file or folder; `hull scan` and `hull sbom` take a project folder, an unpacked root file system, or an image (a `docker save` or OCI archive, or an OCI layout folder)")
        }
        guard isImage(target) else { return FolderTree(root: target) }
        var chosen: Platform?
        if let platform {
            guard let parsed = Platform(parsing: platform) else { throw .usage("--platform `\(platform)`: expected os/arch or os/arch/variant, such as linux/amd64 or linux/arm64/v8") }
            chosen = parsed
        }
        do {
            let source = try ImageSource.open(path: target, platform: chosen)
            let name = source.tags.first.map { "\($0) (\(target))" } ?? target
            return try ImageFileTree(image: source, displayName: name)
        } catch {
            throw .unreadable(target, "\(error)")
        }
    }

    /// Takes the inventory of `target` (for `hull sbom`): a folder or an image.
    public static func inventory(_ target: String, platform: String? = nil) throws(HullError) -> Inventory {
        let tree = try fileTree(target, platform: platform)
        do {
            return try InventoryBuilder().inventory(of: tree)
        } catch {
            throw .unreadable(target, "\(error)")
        }
    }

    /// Inventories the target, matches it against the advisory database and applies the
    /// request's filters and the configuration's accepted advisories.
    public static func scan(_ request: ScanRequest) throws(HullError) -> ScanReport {
        let inventory = try inventory(request.target, platform: request.platform)
        let path = advisoryDatabasePath(request.databasePath)
        let database: AdvisoryDatabase
        let status: DatabaseStatus
        let all: [VulnerabilityFinding]
        do {
            database = try AdvisoryDatabase(path: path)
            status = try database.status()
            all = try VulnerabilityScanner(database: database).scan(inventory)
        } catch {
            throw .unreadable(path, "\(error)")
        }
        let acceptances = try acceptedAdvisories(request)
        var notes = inventory.notes
        for entry in acceptances where !entry.isActive(today: request.today) {
            notes.append("accepted advisory \(entry.id) expired on \(entry.expires ?? "")")
        }
        let active = acceptances.filter { $0.isActive(today: request.today) }
        var findings: [VulnerabilityFinding] = []
        var accepted: [VulnerabilityFinding] = []
        var counts = ScanReport.Counts()
        for var finding in all {
            if !request.severities.isEmpty, !request.severities.contains(finding.severity) { continue }
            if request.ignoreUnfixed, !finding.isFixable { continue }
            let ids = Set(([finding.id] + finding.aliases).map { $0.uppercased() })
            if let entry = active.first(where: { ids.contains($0.id.uppercased()) && ($0.package == nil || $0.package == finding.package) }) {
                finding.accepted = entry
                accepted.append(finding)
                continue
            }
            counts.add(finding.severity)
            findings.append(finding)
        }
        if inventory.packages.isEmpty { notes.append("no packages found in \(request.target)") }
        if let age = databaseAge(builtAt: status.builtAt, today: request.today), age > ScanRequest.staleDatabaseDays {
            notes.append("the advisory database was built \(age) days ago (\(status.builtAt ?? "")); advisories published since are missing: run `hull db update`")
        }
        return ScanReport(
            tool: tool.name, toolVersion: tool.version, target: request.target, distribution: inventory.distribution,
            database: .init(path: path, builtAt: status.builtAt, records: status.recordCount),
            packageCount: inventory.packages.count, findings: findings, accepted: accepted, counts: counts, notes: notes, inventory: inventory)
    }

    /// Whole days from the database's build time (`YYYY-MM-DDThh:mm:ssZ`) to `today`
    /// (`YYYY-MM-DD`), or nil when either cannot be read.
    static func databaseAge(builtAt: String?, today: String) -> Int? {
        guard let builtAt, builtAt.count >= 10, let built = ScanRequest.day(String(builtAt.prefix(10))), let now = ScanRequest.day(today) else { return nil }
        return Int((now.timeIntervalSince(built) / 86_400).rounded())
    }

    static func acceptedAdvisories(_ request: ScanRequest) throws(HullError) -> [AcceptedAdvisory] {
        let url: URL?
        if let explicit = request.configurationPath {
            guard FileManager.default.fileExists(atPath: explicit) else { throw .fileNotFound(explicit) }
            url = URL(fileURLWithPath: explicit)
        } else {
            url = ConfigurationLoader.discover(from: URL(fileURLWithPath: request.target))
        }
        guard let url, !url.lastPathComponent.hasPrefix(".hadolint") else { return [] }
        do {
            let configuration = try ConfigurationLoader.load(url)
            return configuration.acceptedAdvisories
        } catch {
            throw .usage(error.description)
        }
    }

    /// Compares two scans: what `other` adds and removes relative to `base`.
    public static func compare(_ base: ScanReport, _ other: ScanReport) -> ScanComparison {
        func key(_ finding: VulnerabilityFinding) -> String { "\(finding.id)\u{0}\(finding.package)\u{0}\(finding.kind.rawValue)" }
        let baseKeys = Set(base.findings.map(key)), otherKeys = Set(other.findings.map(key))
        var changes: [ScanComparison.PackageChange] = []
        func versions(_ inventory: Inventory) -> [String: Set<String>] {
            var result: [String: Set<String>] = [:]
            for package in inventory.packages { result["\(package.kind.rawValue)\u{0}\(package.name)", default: []].insert(package.version) }
            return result
        }
        let before = versions(base.inventory), after = versions(other.inventory)
        for name in Set(before.keys).union(after.keys).sorted() {
            let old = before[name] ?? [], new = after[name] ?? []
            guard old != new else { continue }
            let parts = name.split(separator: "\u{0}", maxSplits: 1).map(String.init)
            let kind = SoftwarePackage.Kind(rawValue: parts[0]) ?? .npm
            changes.append(.init(kind: kind, name: parts[1], from: old.isEmpty ? nil : old.sorted().joined(separator: ", "), to: new.isEmpty ? nil : new.sorted().joined(separator: ", ")))
        }
        return ScanComparison(
            base: base.target, other: other.target,
            added: other.findings.filter { !baseKeys.contains(key($0)) },
            removed: base.findings.filter { !otherKeys.contains(key($0)) },
            packages: changes, baseCounts: base.counts, otherCounts: other.counts)
    }

    // MARK: - Advisory database

    /// Imports OSV files, folders and `all.zip` exports into the database.
    public static func importAdvisories(_ paths: [String], databasePath: String?) throws(HullError) -> AdvisoryImporter.Summary {
        let path = advisoryDatabasePath(databasePath)
        do {
            let writer = try AdvisoryDatabaseWriter(targetPath: path)
            do {
                let summary = try AdvisoryImporter.importPaths(paths, into: writer)
                try writer.commit(hullVersion: tool.version)
                return summary
            } catch {
                writer.discard()
                throw error
            }
        } catch {
            throw .unreadable(paths.joined(separator: ", "), "\(error); the advisory database at \(path) is unchanged")
        }
    }

    /// The database's counts and sources.
    public static func advisoryStatus(databasePath: String?) throws(HullError) -> DatabaseStatus {
        let path = advisoryDatabasePath(databasePath)
        do {
            return try AdvisoryDatabase(path: path).status()
        } catch {
            throw .unreadable(path, "\(error)")
        }
    }

    /// Downloads the ecosystems' exports and imports what changed.
    public static func updateAdvisories(databasePath: String?, options: AdvisoryUpdater.Options) async throws(HullError) -> [AdvisoryUpdater.Outcome] {
        let path = advisoryDatabasePath(databasePath)
        var options = options
        options.userAgent = "\(tool.name)/\(tool.version)"
        do {
            return try await AdvisoryUpdater(options: options).run(databasePath: path, hullVersion: tool.version)
        } catch {
            throw .unreadable(path, "\(error)")
        }
    }
}
