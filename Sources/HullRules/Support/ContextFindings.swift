import HullCore
import HullLint

/// Wording shared by the context rules.
enum ContextFindings {
    /// `node_modules/` (2,000 files, 2.7 MB)
    static func describe(_ folder: BuildContextView.HeavyFolder) -> String {
        "`\(folder.path)/` (\(ByteCount.counted(folder.files, "file")), \(ByteCount.text(folder.bytes)))"
    }

    /// A list of up to `limit` items with "and N more".
    static func list(_ items: [String], limit: Int = 3) -> String {
        let shown = Array(items.prefix(limit))
        let rest = items.count - shown.count
        var text: String
        switch shown.count {
        case 0: return ""
        case 1: text = shown[0]
        default: text = shown.dropLast().joined(separator: ", ") + (rest > 0 ? ", " : " and ") + shown.last!
        }
        if rest > 0 { text += " and \(rest) more" }
        return text
    }
}
