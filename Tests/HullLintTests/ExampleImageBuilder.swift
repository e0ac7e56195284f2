import Foundation
import HullCore
import HullImage
import HullLint
import HullOCI
import HullTestSupport

/// Builds an image rule's example image in memory (layers with `TarWriter`, a `docker save`
/// archive with `ImageArchiveWriter`), analyses it as `hull image` does, and runs rules over it.
enum ExampleImageBuilder {
    /// The `docker save` archive of `image`.
    static func archive(_ image: ExampleImage) throws -> [UInt8] {
        let layers = image.layers.map { entries in TarWriter.archive(entries.map(member)) }
        var container: [String: Any] = [:]
        if let user = image.config.user { container["User"] = user }
        if !image.config.env.isEmpty { container["Env"] = image.config.env }
        if !image.config.labels.isEmpty { container["Labels"] = image.config.labels }
        if !image.config.volumes.isEmpty { container["Volumes"] = Dictionary(uniqueKeysWithValues: image.config.volumes.map { ($0, [String: Any]()) }) }
        if let test = image.config.healthcheck { container["Healthcheck"] = ["Test": test] }
        if let cmd = image.config.cmd { container["Cmd"] = cmd }
        if let entrypoint = image.config.entrypoint { container["Entrypoint"] = entrypoint }
        let history: [[String: Any]] = image.steps.map { step in
            step.entries == nil ? ["created_by": step.createdBy, "empty_layer": true] : ["created_by": step.createdBy]
        }
        var config: [String: Any] = ["os": "linux", "architecture": "amd64", "config": container]
        if image.recordsHistory { config["history"] = history }
        return try ImageArchiveWriter.dockerArchive(layers: layers, config: config, tag: image.tag)
    }

    /// The analysis `hull image` makes of `image`.
    static func analyze(_ image: ExampleImage) throws -> ImageAnalysis {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hull-example-image-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("image.tar").path
        try Data(archive(image)).write(to: URL(fileURLWithPath: path))
        return try ImageAnalyzer().analyze(try ImageSource.open(path: path))
    }

    /// Runs `rule` over an analysed example under `configuration`.
    static func diagnostics(_ rule: any ImageRule.Type, _ analysis: ImageAnalysis, _ image: ExampleImage,
                            configuration: Configuration = Configuration()) -> [Diagnostic] {
        ImageLinter(rules: [rule], configuration: configuration).lint(AnalyzedImage(analysis, reference: "example.tar", environment: image.environment))
    }

    static func member(_ entry: ExampleImage.Entry) -> TarWriter.Member {
        let path = entry.path
        switch entry.kind {
        case .file(let bytes): return TarWriter.Member(name: path, content: bytes, mode: entry.mode, uid: entry.uid, gid: entry.gid)
        case .zeros(let size): return TarWriter.Member(name: path, content: [UInt8](repeating: 0, count: size), mode: entry.mode, uid: entry.uid, gid: entry.gid)
        case .directory: return TarWriter.Member(name: path.hasSuffix("/") ? path : path + "/", type: UInt8(ascii: "5"), mode: entry.mode, uid: entry.uid, gid: entry.gid)
        case .symlink(let target): return .symlink(path, to: target)
        case .hardLink(let target): return .hardLink(path, to: target)
        case .whiteout:
            let folder = (path as NSString).deletingLastPathComponent
            let name = ".wh." + (path as NSString).lastPathComponent
            return .file(folder.isEmpty ? name : folder + "/" + name, "")
        case .opaque: return .file(path + "/.wh..wh..opq", "")
        }
    }
}
