/// What `hull compare A B` found: each Dockerfile checked as `hull check` checks it, side by side.
/// The JSON form is this type encoded with sorted keys (`Docs/check-output.md`).
public struct CompareReport: Codable, Sendable {
    public var schemaVersion = 1
    public var tool: CheckReport.Tool
    /// The first Dockerfile (A).
    public var left: CheckReport.Result
    /// The second Dockerfile (B).
    public var right: CheckReport.Result

    /// The table for people: A's and B's "now" columns, then where they differ in findings.
    public func text(colour: Bool = false) -> String {
        let style = TextStyle(enabled: colour)
        var out: [String] = []
        out.append(style.bold("A") + "  \(left.dockerfile)" + style.dim("  (build context \(left.context))"))
        out.append(style.bold("B") + "  \(right.dockerfile)" + style.dim("  (build context \(right.context))"))
        out.append("")
        out += CheckTable.render(columns: ["A", "B"], snapshots: [left.now, right.now], style: style)
        out.append("")
        if let a = left.now.rebuild?.changedFile, let b = right.now.rebuild?.changedFile, a != b {
            out.append(style.dim("rebuild: what BuildKit runs again after an edit to \(a) (A) and to \(b) (B)"))
        }
        if left.now.baseImage.estimate != nil || right.now.baseImage.estimate != nil {
            out.append(style.dim("base image sizes: estimated, as of \(BaseImageSizes.asOf), unpacked linux/amd64"))
        }
        let leftCodes = Set(left.findings.map(\.code)), rightCodes = Set(right.findings.map(\.code))
        let onlyLeft = left.findings.filter { !rightCodes.contains($0.code) }
        let onlyRight = right.findings.filter { !leftCodes.contains($0.code) }
        func list(_ findings: [CheckReport.Finding]) -> String {
            var seen: Set<String> = []
            return findings.filter { seen.insert($0.code).inserted }.map { "\($0.code) \($0.name)" }.joined(separator: ", ")
        }
        out.append(style.dim("only in A: ") + (onlyLeft.isEmpty ? "no finding" : list(onlyLeft)))
        out.append(style.dim("only in B: ") + (onlyRight.isEmpty ? "no finding" : list(onlyRight)))
        return out.joined(separator: "\n") + "\n"
    }
}
