import Foundation
import HullArchive

/// A registry repository seen as an OCI layout: `index.json` names the manifest fetched for
/// the reference, and `blobs/ALG/HEX` is a manifest fetched from `/manifests/` when an index
/// named it, or a blob streamed from `/blobs/` when a manifest did.
final class RegistryStore: BlobStore {
    private let client: RegistryClient
    private let indexBytes: [UInt8]
    private var manifests: [String: [UInt8]] = [:]
    private var manifestDigests: Set<String> = []
    private var blobSizes: [String: Int64] = [:]

    /// A store whose `index.json` points at `top`.
    init(client: RegistryClient, top: RegistryClient.FetchedManifest, name: String) throws {
        self.client = client
        let descriptor = Descriptor(mediaType: top.mediaType, digest: top.digest, size: Int64(top.bytes.count),
                                    annotations: ["org.opencontainers.image.ref.name": name])
        let index = Index(schemaVersion: 2, mediaType: MediaType.ociIndex, manifests: [descriptor], annotations: nil)
        indexBytes = Array(try JSONEncoder().encode(index))
        manifestDigests.insert(top.digest)
        manifests[top.digest] = top.bytes
    }

    private static func digest(of path: String) -> String? {
        let parts = path.split(separator: "/")
        guard parts.count == 3, parts[0] == "blobs" else { return nil }
        return "\(parts[1]):\(parts[2])"
    }

    func exists(_ path: String) -> Bool {
        if path == "index.json" { return true }
        guard let digest = Self.digest(of: path) else { return false }
        return manifestDigests.contains(digest) || blobSizes[digest] != nil
    }

    func open(_ path: String) throws -> (source: ByteSource, size: Int64) {
        if path == "index.json" { return (MemorySource(indexBytes), Int64(indexBytes.count)) }
        guard let digest = Self.digest(of: path) else { throw HullArchiveError.missingMember(path) }
        if manifestDigests.contains(digest) {
            let bytes: [UInt8]
            if let cached = manifests[digest] { bytes = cached } else {
                bytes = try client.manifest(digest).bytes
                manifests[digest] = bytes
            }
            register(bytes)
            return (MemorySource(bytes), Int64(bytes.count))
        }
        guard let size = blobSizes[digest] else { throw HullArchiveError.missingMember(path) }
        return (RegistryBlobSource(client: client, digest: digest, size: size), size)
    }

    /// Records what a manifest or index names, so later paths know where to be fetched from.
    private func register(_ bytes: [UInt8]) {
        struct Probe: Decodable {
            var manifests: [Descriptor]?
            var config: Descriptor?
            var layers: [Descriptor]?
        }
        guard let probe = try? JSONDecoder().decode(Probe.self, from: Data(bytes)) else { return }
        for descriptor in probe.manifests ?? [] { manifestDigests.insert(descriptor.digest) }
        for descriptor in [probe.config].compactMap({ $0 }) + (probe.layers ?? []) { blobSizes[descriptor.digest] = descriptor.size }
    }
}
