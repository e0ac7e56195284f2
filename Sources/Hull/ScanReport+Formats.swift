import Foundation
import HullCore
import HullVulnerability

extension ScanReport {
    /// The report as a table: one line per finding, worst first, then the counts and notes.
    public func text() -> String {
        var lines: [String] = []
        var heading = target
        if let distribution { heading += " — \(distribution.prettyName ?? distribution.id)" + (distribution.ecosystem.map { " (\($0))" } ?? "") }
        lines.append(heading)
        lines.append("\(packageCount) package\(packageCount == 1 ? "" : "s"); advisory database \(database.path) (\(database.records) records\(database.builtAt.map { ", built \($0)" } ?? ""))")
        lines.append("")
        if findings.isEmpty {
            lines.append("No vulnerabilities found.")
        } else {
            let header = ["SEVERITY", "ID", "PACKAGE", "VERSION", "FIXED IN", "ALSO KNOWN AS"]
            var rows: [[String]] = findings.map { finding in
                [finding.severity.rawValue + (finding.score.map { String(format: " %.1f", $0) } ?? ""), finding.id, finding.package,
                 finding.version, finding.fixedVersions.first ?? "(no fix)", finding.aliases.prefix(3).joined(separator: ", ") + (finding.aliases.count > 3 ? ", …" : "")]
            }
            rows.insert(header, at: 0)
            let widths = (0..<header.count).map { column in rows.map { $0[column].count }.max() ?? 0 }
            for row in rows {
                let cells = row.enumerated().map { column, cell in column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0) }
                lines.append(cells.joined(separator: "  ").trimmingCharacters(in: .whitespaces))
            }
        }
        lines.append("")
        let parts = [("critical", counts.critical), ("high", counts.high), ("medium", counts.medium), ("low", counts.low), ("unknown", counts.unknown)]
            .filter { $0.1 > 0 }.map { "\($0.1) \($0.0)" }
        lines.append("\(findings.count) vulnerabilit\(findings.count == 1 ? "y" : "ies")" + (parts.isEmpty ? "" : ": " + parts.joined(separator: ", ")) + ".")
        if !accepted.isEmpty {
            lines.append("\(accepted.count) accepted:")
            for finding in accepted {
                lines.append("  \(finding.id) in \(finding.package) \(finding.version): \(finding.accepted?.reason ?? "")" + (finding.accepted?.expires.map { " (until \($0))" } ?? ""))
            }
        }
        for note in notes { lines.append("note: \(note)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The report as JSON (schema `Docs/schemas/scan-v1.schema.json`).
    public func json() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data()
    }

    /// The findings as SARIF 2.1.0: one rule per advisory, one result per finding.
    public func sarif() -> Data {
        var rules: [[String: Any]] = []
        var ruleIndex: [String: Int] = [:]
        var results: [[String: Any]] = []
        for finding in findings {
            if ruleIndex[finding.id] == nil {
                ruleIndex[finding.id] = rules.count
                var rule: [String: Any] = [
                    "id": finding.id,
                    "shortDescription": ["text": finding.summary ?? "\(finding.id) in \(finding.package)"],
                    "helpUri": "https://osv.dev/vulnerability/\(finding.id)",
                    "properties": ["tags": ["security", "vulnerability"]] as [String: Any],
                ]
                if let score = finding.score { rule["properties"] = ["tags": ["security", "vulnerability"], "security-severity": String(format: "%.1f", score)] as [String: Any] }
                if !finding.aliases.isEmpty {
                    rule["relationships"] = finding.aliases.map { ["target": ["id": $0, "toolComponent": ["name": "OSV"]], "kinds": ["equal"]] }
                }
                rules.append(rule)
            }
            let level: String
            switch finding.severity {
            case .critical, .high: level = "error"
            case .medium: level = "warning"
            default: level = "note"
            }
            let fix = finding.fixedVersions.first.map { "; fixed in \($0)" } ?? "; no fixed version"
            results.append([
                "ruleId": finding.id,
                "ruleIndex": ruleIndex[finding.id]!,
                "level": level,
                "message": ["text": "\(finding.package) \(finding.version) is affected by \(finding.id) (\(finding.severity.rawValue))\(fix)"],
                "locations": finding.locations.prefix(1).map { location in sarifLocation(location) },
                "partialFingerprints": ["hull/v1": "\(finding.id)|\(finding.purl)"],
            ])
        }
        let document: [String: Any] = [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [[
                "tool": ["driver": ["name": tool, "version": toolVersion, "informationUri": "https://hull.dev", "rules": rules] as [String: Any]],
                "originalUriBaseIds": ["TARGET": ["uri": URL(fileURLWithPath: target, isDirectory: true).absoluteString]],
                "results": results,
            ] as [String: Any]],
        ]
        return (try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }

    /// A package location: a path under the scanned folder, or for an image the layer that last
    /// wrote the package's metadata file (as ``HullCore/Location/imageLayer(image:layer:path:)``
    /// is written by the SARIF reporter: the image and path as the artifact, image, layer and path
    /// as a logical location).
    func sarifLocation(_ location: String) -> [String: Any] {
        let inner = location.hasPrefix("/") ? String(location.dropFirst()) : location
        guard let layer = inventory.locationLayers?[location] else {
            return ["physicalLocation": ["artifactLocation": ["uri": inner, "uriBaseId": "TARGET"]]]
        }
        let place = Location.imageLayer(image: target, layer: layer, path: location)
        guard case let .imageLayer(image, index, path) = place else { return [:] }
        var properties: [String: Any] = ["layer": index]
        if let info = inventory.layers?.first(where: { $0.index == index }) {
            if let diffID = info.diffID { properties["diffID"] = diffID }
            if let digest = info.digest { properties["digest"] = digest }
        }
        let allowed = CharacterSet.urlPathAllowed
        let uri = (image + "/" + inner).addingPercentEncoding(withAllowedCharacters: allowed) ?? image + "/" + inner
        return [
            "physicalLocation": ["artifactLocation": ["uri": uri]],
            "logicalLocations": [["name": path, "fullyQualifiedName": "\(image) [layer \(index)] \(path)", "kind": "resource"]],
            "properties": properties,
        ]
    }

    /// The inventory and findings as a CycloneDX 1.5 BOM with `vulnerabilities`.
    public func cyclonedx() -> Data {
        CycloneDX.encoded(CycloneDX.document(inventory, findings: findings + accepted, toolName: tool, toolVersion: toolVersion))
    }
}

extension ScanComparison {
    /// Added and removed findings and changed packages, as text.
    public func text() -> String {
        var lines = ["\(base) → \(other)", ""]
        func counts(_ c: ScanReport.Counts) -> String { "\(c.critical) critical, \(c.high) high, \(c.medium) medium, \(c.low) low, \(c.unknown) unknown" }
        lines.append("before: \(counts(baseCounts))")
        lines.append("after:  \(counts(otherCounts))")
        lines.append("")
        lines.append("\(added.count) added, \(removed.count) removed")
        for finding in added { lines.append("  + \(finding.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0))  \(finding.id)  \(finding.package) \(finding.version)") }
        for finding in removed { lines.append("  - \(finding.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0))  \(finding.id)  \(finding.package) \(finding.version)") }
        if !packages.isEmpty {
            lines.append("")
            lines.append("\(packages.count) package change\(packages.count == 1 ? "" : "s")")
            for change in packages { lines.append("  \(change.kind.rawValue) \(change.name): \(change.from ?? "(none)") → \(change.to ?? "(none)")") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public func json() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data()
    }
}
