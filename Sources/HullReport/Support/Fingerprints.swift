import HullCore

/// Stable identities for findings, so that code-scanning services can track one finding
/// across runs even when lines move.
///
/// A fingerprint is the SHA-256 of a version tag, the code, the path, the finding's line text
/// with runs of white space collapsed (the subject for non-file locations), and an occurrence
/// number that tells apart identical findings on identical lines of one file. Messages are left
/// out so that rewording a message keeps the identity.
struct Fingerprints {
    private var values: [[String]] = []

    /// Computes the fingerprints of every diagnostic in `report`, indexed like its artifacts.
    init(_ report: Report) {
        let lookup = Report.SourceLookup(report)
        var occurrences: [String: Int] = [:]
        for artifact in report.artifacts {
            var row: [String] = []
            for diagnostic in artifact.diagnostics {
                let subject = Self.subject(of: diagnostic.location, lookup: lookup)
                let key = [diagnostic.code.rawValue, subject.path, subject.text].joined(separator: "\u{0}")
                let occurrence = occurrences[key, default: 0]
                occurrences[key] = occurrence + 1
                row.append(SHA256.hex(Array("hull-fingerprint-v1\u{0}\(key)\u{0}\(occurrence)".utf8)))
            }
            values.append(row)
        }
    }

    /// The fingerprint of diagnostic `index` of artifact `artifactIndex`.
    subscript(artifactIndex: Int, index: Int) -> String { values[artifactIndex][index] }

    private static func subject(of location: Location, lookup: Report.SourceLookup) -> (path: String, text: String) {
        switch location {
        case let .file(path, range):
            guard let resolved = lookup.resolve(location) else { return (path, "@\(range.start)") }
            return (path, normalised(resolved.lineText(of: resolved.start)))
        case let .contextPath(root, path):
            return (LocationText.contextPath(root: root, path: path), "")
        case let .imageLayer(image, _, path):
            // The layer index moves when earlier layers change; the path inside does not.
            return (image, path)
        case let .image(image):
            return (image, "")
        }
    }

    private static func normalised(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\u{FEFF}" }).joined(separator: " ")
    }
}
