import Foundation
import HullCore

extension CheckReport {
    /// The report for people: per Dockerfile the before/after table, the findings by theme and
    /// the command that applies the fixes. `colour` adds ANSI styles (only for a terminal).
    public func text(colour: Bool = false) -> String {
        let style = TextStyle(enabled: colour)
        var out: [String] = []
        for (index, result) in results.enumerated() {
            if index > 0 { out.append("") }
            out += result.text(style: style)
        }
        for failure in failures {
            if !out.isEmpty { out.append("") }
            out.append(style.error("cannot check") + " \(failure.path): \(failure.message)")
        }
        if results.isEmpty && failures.isEmpty { out.append("No Dockerfile to check.") }
        return out.joined(separator: "\n") + "\n"
    }
}

extension CheckReport.Result {
    func text(style: TextStyle) -> [String] {
        var out: [String] = []
        out.append(style.bold(dockerfile) + style.dim("  (build context \(context))"))
        out.append("")
        out += CheckTable.render(columns: ["now", "after fix"], snapshots: [now, afterFix], style: style)
        out.append("")
        var notes: [String] = []
        var after = "after fix: `hull fix --unsafe-fixes` applied in memory"
        after += fix.fixesApplied > 0 ? " (\(ByteCount.counted(fix.fixesApplied, "fix", plural: "fixes")))" : " (nothing to change)"
        if let ignoreFile = fix.ignoreFile {
            after += afterFix.context?.ignoreFileProposed == true && now.context?.ignoreFile == nil
                ? ", with the \(ignoreFile) `hull ignore` would write (there is none now)"
                : ", with the \(ByteCount.counted(fix.ignoreLinesAdded, "line")) `hull ignore` would add to \(ignoreFile)"
        }
        notes.append(after + "; no file was changed")
        if let refusal = fix.refusal { notes.append("a fix was not used: \(refusal)") }
        if let changed = now.rebuild?.changedFile ?? afterFix.rebuild?.changedFile {
            notes.append("rebuild: what BuildKit runs again after an edit to \(changed)")
        }
        if let image = now.image {
            notes.append("image rows: measured in \(image.archive) (now only: the fixed Dockerfile is not built, so after fix keeps the estimates)")
        }
        if [now, afterFix].contains(where: { $0.baseImage.estimate != nil }) {
            notes.append("base image sizes: estimated, as of \(BaseImageSizes.asOf), unpacked linux/amd64")
        }
        out += notes.map { style.dim($0) }

        out.append("")
        if findings.isEmpty {
            out.append(style.bold("Findings") + "  none")
        } else {
            out.append(style.bold("Findings by theme"))
            let name = (dockerfile as NSString).lastPathComponent
            for theme in CheckTheme.allCases {
                let items = findings.filter { $0.theme == theme.rawValue }
                guard !items.isEmpty else { continue }
                out.append("  " + style.bold(theme.rawValue) + style.dim(" (\(items.count))"))
                for item in items {
                    let place = item.line.map { "\(name):\($0):\(item.column ?? 1)" } ?? item.path ?? name
                    let severity: String
                    switch item.severity {
                    case "error": severity = style.error("error  ")
                    case "warning": severity = style.warning("warning")
                    default: severity = style.dim(item.severity.padding(toLength: 7, withPad: " ", startingAt: 0))
                    }
                    let fixNote = switch item.fix {
                    case "safe"?: style.dim(" [fix]")
                    case "unsafe"?: style.dim(" [unsafe fix]")
                    default: ""
                    }
                    out.append("    \(severity) \(item.code)  \(place)  \(item.message)" + fixNote)
                }
            }
        }
        out.append("")
        if let command = fix.command {
            out.append(style.bold("Apply the fixes") + "  " + command)
        } else {
            out.append(style.bold("Apply the fixes") + "  nothing to apply")
        }
        return out
    }
}

/// The before/after table shared by `hull check` and `hull compare`.
enum CheckTable {
    /// One row's label and its cell per snapshot.
    static func rows(_ snapshots: [CheckReport.Snapshot]) -> [(label: String, cells: [String])] {
        var rows: [(String, [String])] = []
        if snapshots.contains(where: { $0.context != nil }) {
            rows.append(("build context", snapshots.map { snapshot in
                guard let context = snapshot.context else { return "—" }
                var cell = "\(ByteCount.counted(context.sent.files, "file")), \(ByteCount.text(context.sent.bytes))"
                if context.ignoreFileProposed { cell += " (proposed \((context.ignoreFile.map { ($0 as NSString).lastPathComponent }) ?? ".dockerignore"))" }
                else if context.ignoreFile == nil { cell += " (no .dockerignore)" }
                return cell
            }))
        }
        if snapshots.contains(where: { $0.rebuild != nil }) {
            let files = Set(snapshots.compactMap { $0.rebuild?.changedFile })
            let label = files.count == 1 ? "rebuild after editing \(files.first!)" : "rebuild on a source change"
            rows.append((label, snapshots.map { snapshot in
                guard let rebuild = snapshot.rebuild else { return "—" }
                var cell = "\(rebuild.rebuilt.count) of \(ByteCount.counted(rebuild.steps, "step")) re-run"
                if rebuild.installs.isEmpty {
                    cell += " (no dependency install)"
                } else if rebuild.reinstalls {
                    cell += ", including " + (rebuild.installs.count == 1 ? "`\(rebuild.installs[0])`" : "the install")
                } else {
                    cell += "; the install stays cached"
                }
                return cell
            }))
        }
        rows.append(("running user", snapshots.map { $0.user.name }))
        rows.append(("secrets baked in", snapshots.map { snapshot in
            guard !snapshot.secrets.isEmpty else { return "none" }
            let places = snapshot.secrets.map { $0.kind == "file" ? $0.location : "\($0.location) (\($0.kind.uppercased()))" }
            return places.prefix(3).joined(separator: ", ") + (places.count > 3 ? ", … (\(places.count))" : "")
        }))
        rows.append(("base image", snapshots.map { snapshot in
            guard let reference = snapshot.baseImage.reference else { return "unknown" }
            guard let estimate = snapshot.baseImage.estimate else { return "\(reference) (size not in the table)" }
            return "\(reference) (~\(ByteCount.text(estimate.bytes)), estimated)"
        }))
        rows.append(("findings", snapshots.map { counts($0.findings) }))
        if snapshots.contains(where: { $0.image != nil }) {
            rows += imageRows(snapshots.map(\.image), estimates: snapshots.map(\.baseImage.estimate))
        }
        return rows
    }

    /// Findings per severity as a cell: `1 error, 6 warnings, 2 info`, or `none`.
    static func counts(_ findings: [String: Int]) -> String {
        let parts = ["error", "warning", "info", "style"].compactMap { severity -> String? in
            let count = findings[severity] ?? 0
            guard count > 0 else { return nil }
            return severity == "info" || severity == "style" ? "\(count) \(severity)" : ByteCount.counted(count, severity)
        }
        return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }

    /// The image rows. A column without an image (the "after fix" column of `hull check --image`)
    /// shows the base image's estimate where there is one, and "not built" elsewhere.
    static func imageRows(_ images: [CheckReport.ImageRow?], estimates: [BaseImageSizes.Estimate?]) -> [(label: String, cells: [String])] {
        func cells(_ cell: (CheckReport.ImageRow) -> String) -> [String] { images.map { $0.map(cell) ?? "not built" } }
        var size = cells { "\(ByteCount.text($0.bytes)) (measured; \(ByteCount.text($0.storedBytes)) stored)" }
        for (index, image) in images.enumerated() where image == nil {
            if let estimate = index < estimates.count ? estimates[index] : nil { size[index] = "~\(ByteCount.text(estimate.bytes)) and up (base image, estimated)" }
        }
        return [
            ("image size", size),
            ("image layers", cells { "\($0.layers)" }),
            ("image user", cells { $0.user.reason == Workspace.noImageUser ? "root (no USER)" : $0.user.name }),
            ("image secrets", cells { image in
                guard !image.secrets.isEmpty else { return "none" }
                var seen: Set<String> = []
                let places = image.secrets.filter { seen.insert($0.place + "\u{0}" + $0.name).inserted }.map { secret in
                    switch secret.place {
                    case "file": secret.name + (secret.layer.map { " (layer \($0)\(secret.deletedLater ? ", deleted later" : ""))" } ?? "")
                    default: "\(secret.name) (\(secret.place.uppercased()))"
                    }
                }
                return places.prefix(3).joined(separator: ", ") + (places.count > 3 ? ", … (\(places.count))" : "")
            }),
            ("image waste", cells { "\(ByteCount.text($0.wastedBytes)) wasted, " + String(format: "%.1f", $0.efficiency * 100) + "% efficient" }),
            ("image findings", cells { counts($0.findings) }),
        ]
    }

    /// The table as aligned text: a header, then one line per row.
    static func render(columns: [String], snapshots: [CheckReport.Snapshot], style: TextStyle) -> [String] {
        render(columns: columns, rows: rows(snapshots), style: style)
    }

    /// Rows as aligned text: a header, then one line per row.
    static func render(columns: [String], rows: [(label: String, cells: [String])], style: TextStyle) -> [String] {
        let labelWidth = max(rows.map(\.label.count).max() ?? 0, 1)
        var widths = columns.map(\.count)
        for row in rows {
            for (index, cell) in row.cells.enumerated() where index < widths.count - 1 { widths[index] = max(widths[index], cell.count) }
        }
        func line(_ label: String, _ cells: [String], header: Bool) -> String {
            var text = "  " + label.padding(toLength: labelWidth, withPad: " ", startingAt: 0)
            for (index, cell) in cells.enumerated() {
                let padded = index < cells.count - 1 ? cell.padding(toLength: widths[index], withPad: " ", startingAt: 0) : cell
                text += "   " + (header ? style.bold(padded) : padded)
            }
            return text.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        var out = [line("", columns, header: true)]
        for row in rows { out.append(line(row.label, row.cells, header: false)) }
        return out
    }
}
