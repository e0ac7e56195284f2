import Foundation
import HullCore
import HullImage

extension Workspace {
    /// The image rows of `hull check --image` and `hull compare` of two archives: the archive
    /// read as `hull image` reads it, with the image rules `lint`'s configuration enables (found
    /// from its first path), their findings counted by severity.
    /// - Returns: the row, and whether an image finding reaches the configuration's failure level.
    /// - Throws: ``HullError`` when the configuration is bad, or the archive cannot be opened or a layer cannot be read.
    static func imageRow(_ path: String, platform: String?, scanContents: Bool,
                         lint: LintRequest) async throws(HullError) -> (row: CheckReport.ImageRow, failed: Bool) {
        let report = try await image(ImageRequest(path: path, platform: platform, scanContents: scanContents,
                                                  environment: ProcessInfo.processInfo.environment,
                                                  configurationFile: lint.configurationFile, overrides: lint.overrides,
                                                  isolated: lint.isolated, directory: lint.paths.first ?? "."))
        let analysis = report.image
        let secrets = analysis.secrets.map {
            CheckReport.ImageSecret(place: $0.place, name: $0.name, kind: $0.kind, layer: $0.place == "file" ? $0.layer : nil,
                                    deletedLater: $0.deletedLater)
        }
        let row = CheckReport.ImageRow(archive: path, format: analysis.format, platform: analysis.platform,
                                       bytes: analysis.waste.layerBytes, storedBytes: analysis.layers.reduce(0) { $0 + $1.storedSize },
                                       layers: analysis.layers.count, user: imageUser(analysis.config.user), secrets: secrets,
                                       wastedBytes: analysis.dive.wastedBytes, efficiency: analysis.dive.efficiency,
                                       findings: severityCounts(report.diagnostics))
        return (row, report.failed)
    }

    /// The reason of the image user row when the image config sets no user.
    static let noImageUser = "the image config sets no User"

    /// The running user of an image config's `User` (`name`, `uid`, `name:group`, …); unset or empty is root.
    static func imageUser(_ user: String?) -> CheckReport.UserRow {
        let value = (user ?? "").trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty else { return .init(name: "root", isRoot: true, reason: noImageUser) }
        let name = String(value.prefix { $0 != ":" })
        return .init(name: value, isRoot: name == "root" || name == "0", reason: "the image config's User")
    }

    /// Whether `path` is an image archive or layout rather than a Dockerfile or a build context: a
    /// folder holding `oci-layout` or `manifest.json`, or a file that starts like a tar, gzip or zstd stream.
    public static func isImageArchive(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return false }
        if isDirectory.boolValue {
            return ["oci-layout", "manifest.json"].contains { FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent($0)) }
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 512)) ?? Data())
        if head.starts(with: [0x1F, 0x8B]) || head.starts(with: [0x28, 0xB5, 0x2F, 0xFD]) { return true }
        return head.count >= 262 && Array(head[257..<262]) == Array("ustar".utf8)
    }
}
