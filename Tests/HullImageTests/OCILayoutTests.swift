import Foundation
import HullArchive
import HullImage
import HullOCI
import HullTestSupport
import Testing

/// OCI layouts written by the test: a nested index with two platforms, digests checked.
@Suite("OCI layouts")
struct OCILayoutTests {
    /// Writes a blob under `blobs/sha256/` and returns its descriptor JSON.
    static func blob(_ bytes: [UInt8], in folder: String, mediaType: String, platform: [String: String]? = nil) throws -> [String: Any] {
        let hex = ImageArchiveWriter.sha256(bytes)
        try FileManager.default.createDirectory(atPath: folder + "/blobs/sha256", withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: folder + "/blobs/sha256/" + hex))
        var descriptor: [String: Any] = ["mediaType": mediaType, "digest": "sha256:" + hex, "size": bytes.count]
        if let platform { descriptor["platform"] = platform }
        return descriptor
    }

    static func json(_ object: Any) throws -> [UInt8] { Array(try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) }

    static func layout() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hull-oci-\(UUID().uuidString)").path
        var manifests: [[String: Any]] = []
        for (arch, user) in [("amd64", "1000"), ("arm64", "2000")] {
            let layer = TarWriter.archive([.file("etc/arch", arch)])
            let gzipped = try Subprocess.run("/usr/bin/env", ["gzip", "-c"], stdin: layer).stdout
            let layerDescriptor = try blob(gzipped, in: folder, mediaType: MediaType.ociLayerGzip)
            let config = try json(["os": "linux", "architecture": arch, "config": ["User": user],
                                   "rootfs": ["type": "layers", "diff_ids": ["sha256:" + ImageArchiveWriter.sha256(layer)]]])
            let configDescriptor = try blob(config, in: folder, mediaType: MediaType.ociConfig)
            let manifest = try json(["schemaVersion": 2, "mediaType": MediaType.ociManifest, "config": configDescriptor, "layers": [layerDescriptor]])
            manifests.append(try blob(manifest, in: folder, mediaType: MediaType.ociManifest, platform: ["os": "linux", "architecture": arch]))
        }
        let nested = try blob(try json(["schemaVersion": 2, "mediaType": MediaType.ociIndex, "manifests": manifests]), in: folder, mediaType: MediaType.ociIndex)
        var top = nested
        top["annotations"] = ["org.opencontainers.image.ref.name": "v1"]
        try Data(try json(["schemaVersion": 2, "manifests": [top]])).write(to: URL(fileURLWithPath: folder + "/index.json"))
        try Data(#"{"imageLayoutVersion":"1.0.0"}"#.utf8).write(to: URL(fileURLWithPath: folder + "/oci-layout"))
        return folder
    }

    @Test("a nested multi-platform index: linux/amd64 by default, another platform with --platform, an unknown one refused")
    func platforms() throws {
        let folder = try Self.layout()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let amd64 = try ImageSource.open(path: folder)
        #expect(amd64.format == .ociLayout && amd64.platform?.architecture == "amd64" && amd64.config.config?.user == "1000")
        #expect(amd64.tags == ["v1", "v1"] && amd64.notes.contains { $0.contains("2 platforms") })
        let arm = try ImageSource.open(path: folder, platform: Platform(parsing: "linux/arm64"))
        #expect(arm.config.config?.user == "2000")
        let analysis = try ImageAnalyzer().analyze(arm)
        #expect(analysis.layers.map(\.compression) == ["gzip"] && analysis.filesystem.bytes == 5)
        do {
            _ = try ImageSource.open(path: folder, platform: Platform(parsing: "linux/s390x"))
            Issue.record("an absent platform was accepted")
        } catch {
            #expect(error.description.contains("linux/amd64") && error.description.contains("linux/arm64"))
        }
    }

    @Test("a blob that does not match its digest is refused")
    func digest() throws {
        let folder = try Self.layout()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let index = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/index.json"))) as! [String: Any]
        let digest = ((index["manifests"] as! [[String: Any]])[0]["digest"] as! String).dropFirst("sha256:".count)
        let path = folder + "/blobs/sha256/" + digest
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        bytes.append(UInt8(ascii: " "))
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        do {
            _ = try ImageSource.open(path: folder)
            Issue.record("a tampered index was accepted")
        } catch {
            #expect(error.description.contains("does not match its digest"))
        }
    }
}
