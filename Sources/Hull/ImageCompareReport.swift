import HullCore

/// What `hull compare A B` found when A and B are image archives: each read as `hull image`
/// reads it, side by side in the image rows of the `hull check` table. The JSON form is this
/// type encoded with sorted keys (`Docs/check-output.md`).
public struct ImageCompareReport: Codable, Sendable {
    public var schemaVersion = 1
    public var tool: CheckReport.Tool
    /// The first image (A).
    public var left: CheckReport.ImageRow
    /// The second image (B).
    public var right: CheckReport.ImageRow

    /// The table for people: A's and B's image rows.
    public func text(colour: Bool = false) -> String {
        let style = TextStyle(enabled: colour)
        var out: [String] = []
        out.append(style.bold("A") + "  \(left.archive)" + style.dim("  (\([left.format, left.platform].compactMap { $0 }.joined(separator: ", ")))"))
        out.append(style.bold("B") + "  \(right.archive)" + style.dim("  (\([right.format, right.platform].compactMap { $0 }.joined(separator: ", ")))"))
        out.append("")
        out += CheckTable.render(columns: ["A", "B"], rows: CheckTable.imageRows([left, right], estimates: []), style: style)
        out.append("")
        out.append(style.dim("image findings: `hull image ARCHIVE` lists them"))
        return out.joined(separator: "\n") + "\n"
    }
}

extension Workspace {
    /// Reads two image archives (docker-save tarballs, OCI archives or layout folders) for a
    /// side-by-side table.
    /// - Throws: ``HullError`` when either cannot be opened or read, or the configuration is bad.
    /// `lint` carries the configuration file, overrides and `isolated`, as for `hull image`
    /// (configuration is found from the current folder).
    public static func compareImages(_ left: String, _ right: String, platform: String? = nil, scanContents: Bool = true,
                                     lint: LintRequest? = nil) async throws(HullError) -> ImageCompareReport {
        var request = lint ?? LintRequest(paths: ["."])
        request.paths = ["."]
        let a = try await imageRow(left, platform: platform, scanContents: scanContents, lint: request)
        let b = try await imageRow(right, platform: platform, scanContents: scanContents, lint: request)
        return ImageCompareReport(tool: .init(name: tool.name, version: tool.version), left: a.row, right: b.row)
    }
}
