import Foundation

extension LabReport {
    /// The seeds' before/after table with measured figures, then the prediction check.
    public func text() -> String {
        var lines: [String] = []
        let runsNote = runs > 1 ? ", median of \(runs) runs" : ""
        lines.append("Built with \(engine.kind) \(engine.version)\(runsNote); one-file edit: \(touchedFile)")
        lines.append("")
        let headers = ["", ] + variants.map { variant in
            variant.role == "Dockerfile" ? Self.lastComponent(variant.dockerfile) : "\(variant.role): \(Self.lastComponent(variant.dockerfile))"
        }
        var table: [[String]] = [headers]
        func row(_ label: String, _ value: (Variant) -> String) { table.append([label] + variants.map(value)) }
        row("cold build") { Self.seconds($0.coldSeconds) }
        row("rebuild, no change") { "\(Self.seconds($0.noChangeSeconds)) (\($0.stepsRunNoChange) of \($0.steps) steps run)" }
        row("rebuild, \(touchedFile) edited") { "\(Self.seconds($0.touchedSeconds)) (\($0.stepsRunAfterTouch) of \($0.steps) steps run)" }
        row("image size") { ByteCountFormatter.string(fromByteCount: $0.imageBytes, countStyle: .file) }
        row("layers") { "\($0.layers)" }
        row("runs as") { $0.runsAsRoot ? "root\($0.user.isEmpty ? "" : " (\($0.user))")" : $0.user }
        row("context sent") { "\(ByteCountFormatter.string(fromByteCount: $0.contextBytes, countStyle: .file)) in \($0.contextFiles) files" }
        if advisoryDatabase != nil {
            row("vulnerabilities") { variant in
                guard let c = variant.vulnerabilities else { return "-" }
                return "\(c.critical) critical, \(c.high) high, \(c.medium) medium, \(c.low) low, \(c.unknown) unknown (\(variant.packages ?? 0) packages)"
            }
        } else {
            row("packages") { "\($0.packages.map(String.init) ?? "-")" }
        }
        row("hull cache vs engine") { variant in
            variant.disagreements.isEmpty ? "agrees on \(variant.comparedSteps) steps" : "\(variant.disagreements.count) of \(variant.comparedSteps) steps differ"
        }
        let widths = (0..<headers.count).map { column in table.map { $0[column].count }.max() ?? 0 }
        for cells in table {
            lines.append(cells.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression))
        }
        for variant in variants where !variant.disagreements.isEmpty {
            lines.append("")
            lines.append("\(Self.lastComponent(variant.dockerfile)): where hull cache's prediction differs from the engine")
            for row in variant.disagreements {
                lines.append("  \(row.stage) line \(row.line) \(row.keyword): predicted \(row.predicted.rawValue), engine \(row.engine?.rawValue ?? "did not report it")")
            }
        }
        for variant in variants where !variant.reusedIdenticalContent.isEmpty {
            let lineList = variant.reusedIdenticalContent.map { "\($0.line)" }.joined(separator: ", ")
            lines.append("")
            lines.append("\(Self.lastComponent(variant.dockerfile)): line(s) \(lineList) reused because the files copied from another stage came out identical")
        }
        for variant in variants where !variant.olderImageReruns.isEmpty {
            let lineList = variant.olderImageReruns.map { "\($0.line)" }.joined(separator: ", ")
            let images = Set(variant.olderImageReruns.compactMap(\.olderImage)).sorted().joined(separator: ", ")
            lines.append("")
            lines.append("\(Self.lastComponent(variant.dockerfile)): line(s) \(lineList) ran though predicted CACHED: \(engine.kind) went on from an older identical image (\(images)), not built by this lab, which has no cached next step (\(engine.kind) takes the oldest match; see Docs/lab-output.md)")
        }
        if advisoryDatabase == nil {
            lines.append("")
            lines.append("Vulnerability counts need an advisory database: `hull db update` or `hull db import`, then --db or HULL_DB if it is not in the default place.")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func seconds(_ value: Double) -> String { String(format: "%.2f s", value) }

    static func lastComponent(_ path: String) -> String {
        path.hasPrefix("(") ? path : String(path.split(separator: "/").last ?? Substring(path))
    }
}
