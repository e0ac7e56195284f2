import HullCore
import Foundation
import HullArchive

/// An image opened for reading: its configuration and its layers, each streamed on demand.
///
/// Opens `docker save` archives (the legacy layout and Docker 25+'s OCI layout with a
/// manifest.json), OCI archives (a tar of an OCI layout) and OCI layout folders, following
/// nested indexes and choosing a platform. Configs and manifests are checked against their
/// digests; nothing is extracted.
public final class ImageSource {
    /// How the image was stored.
    public enum Format: String, Sendable, Codable {
        /// `docker save` with layers as `<id>/layer.tar` or `<diffid>.tar` (Docker < 25, podman).
        case dockerArchive = "docker-archive"
        /// `docker save` of Docker 25+: an OCI layout plus manifest.json pointing into `blobs/`.
        case dockerArchiveOCI = "docker-archive-oci"
        /// A tar of an OCI image layout.
        case ociArchive = "oci-archive"
        /// An OCI image layout folder.
        case ociLayout = "oci-layout"
        /// An unpacked `docker save` folder.
        case dockerDirectory = "docker-directory"
        /// A repository in a registry (distribution API).
        case registry = "registry"
    }

    /// One layer: where its bytes are and what the config says its uncompressed digest is.
    public struct Layer: Hashable, Sendable {
        /// The path in the store.
        public var path: String
        /// The descriptor's media type and digest (OCI), if known.
        public var mediaType: String?
        public var digest: String?
        /// The stored (possibly compressed) size.
        public var size: Int64
        /// `rootfs.diff_ids[i]`.
        public var diffID: String?
    }

    /// The path given.
    public let path: String
    public let format: Format
    /// The tags the archive records for the image (RepoTags, or OCI ref names).
    public let tags: [String]
    /// The configuration as decoded, and its raw bytes' digest.
    public let config: ImageConfig
    public let configDigest: String
    /// The manifest's digest, when the image came from an OCI layout.
    public let manifestDigest: String?
    /// The platform chosen or recorded.
    public let platform: Platform?
    /// The layers, bottom first.
    public let layers: [Layer]
    /// Notes on what was chosen (another image in the archive, platforms skipped).
    public let notes: [String]
    private let store: BlobStore

    /// Opens the image at `path`; `platform` picks one image of a multi-platform index.
    public static func open(path: String, platform: Platform? = nil, limits: ArchiveLimits = ArchiveLimits()) throws(HullOCIError) -> ImageSource {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .notAnImage(path: path, reason: "no such file or folder")
        }
        do {
            if isDirectory.boolValue {
                let store = DirectoryStore(root: path)
                if store.exists("manifest.json") { return try openDockerArchive(path: path, store: store, directory: true, platform: platform) }
                if store.exists("index.json") { return try openLayout(path: path, store: store, format: .ociLayout, platform: platform) }
                throw HullOCIError.notAnImage(path: path, reason: "the folder has neither manifest.json nor index.json")
            }
            let store: TarStore
            do { store = try TarStore(path: path, limits: limits) } catch let error as HullArchiveError {
                if case .invalidHeader = error {
                    throw HullOCIError.notAnImage(path: path, reason: "it is not a tar file (\(error))")
                }
                throw HullOCIError.archive(error)
            }
            if store.exists("manifest.json") { return try openDockerArchive(path: path, store: store, directory: false, platform: platform) }
            if store.exists("index.json") { return try openLayout(path: path, store: store, format: .ociArchive, platform: platform) }
            throw HullOCIError.notAnImage(path: path, reason: "the tar has neither manifest.json nor index.json")
        } catch let error as HullOCIError {
            throw error
        } catch let error as HullArchiveError {
            throw .archive(error)
        } catch {
            throw .notAnImage(path: path, reason: String(describing: error))
        }
    }

    private init(path: String, format: Format, tags: [String], config: ImageConfig, configDigest: String, manifestDigest: String?,
                 platform: Platform?, layers: [Layer], notes: [String], store: BlobStore) {
        self.path = path
        self.format = format
        self.tags = tags
        self.config = config
        self.configDigest = configDigest
        self.manifestDigest = manifestDigest
        self.platform = platform
        self.layers = layers
        self.notes = notes
        self.store = store
    }

    /// A stream over layer `index`'s stored bytes (compressed or not) and their size.
    public func openLayer(_ index: Int) throws -> (source: ByteSource, size: Int64) {
        try store.open(layers[index].path)
    }

    // MARK: - docker save

    private static func openDockerArchive(path: String, store: BlobStore, directory: Bool, platform: Platform?) throws -> ImageSource {
        let entries: [DockerArchiveEntry] = try decode(store.data("manifest.json"), what: "manifest.json")
        guard let entry = entries.first else { throw HullOCIError.invalidDocument(what: "manifest.json", reason: "it lists no image") }
        var notes: [String] = []
        if entries.count > 1 {
            notes.append("the archive holds \(entries.count) images; reading the first (\(entry.repoTags?.first ?? entry.config))")
        }
        guard store.exists(entry.config) else { throw HullOCIError.missingBlob(what: "the image config", path: entry.config) }
        let configBytes = try store.data(entry.config)
        let configHex = SHA256.hex(configBytes)
        // The config's file name is its digest (legacy `<hex>.json`, Docker 25+ `blobs/sha256/<hex>`).
        let base = String(TarPath.base(entry.config)).replacingOccurrences(of: ".json", with: "")
        if base.count == 64, base.allSatisfy(\.isHexDigit), base != configHex {
            throw HullOCIError.digestMismatch(what: "the image config `\(entry.config)`", expected: "sha256:\(base)", actual: configHex)
        }
        let config: ImageConfig = try decode(configBytes, what: "the image config `\(entry.config)`")
        let isOCI = entry.layers.contains { $0.hasPrefix("blobs/") } && store.exists("index.json")
        let diffIDs = config.rootfs?.diffIDs ?? []
        var layers: [Layer] = []
        for (index, layerPath) in entry.layers.enumerated() {
            guard store.exists(layerPath) else { throw HullOCIError.missingBlob(what: "layer \(index)", path: layerPath) }
            let size = try store.open(layerPath).size
            var digest: String?
            if layerPath.hasPrefix("blobs/sha256/") { digest = "sha256:" + TarPath.base(layerPath) }
            layers.append(Layer(path: layerPath, mediaType: nil, digest: digest, size: size, diffID: index < diffIDs.count ? diffIDs[index] : nil))
        }
        if !diffIDs.isEmpty, diffIDs.count != layers.count {
            notes.append("the config lists \(diffIDs.count) diff IDs for \(layers.count) layers")
        }
        let recorded = config.os.map { Platform(os: $0, architecture: config.architecture ?? "", variant: config.variant) }
        if let platform, let recorded, !platform.matches(recorded) {
            throw HullOCIError.ambiguous("the image is \(recorded), not \(platform)")
        }
        return ImageSource(path: path, format: directory ? .dockerDirectory : (isOCI ? .dockerArchiveOCI : .dockerArchive),
                           tags: entry.repoTags ?? [], config: config, configDigest: "sha256:" + configHex, manifestDigest: nil,
                           platform: recorded, layers: layers, notes: notes, store: store)
    }

    // MARK: - OCI layout

    private struct Candidate {
        var descriptor: Descriptor
        var manifest: Manifest
        var name: String?
    }

    static func openLayout(path: String, store: BlobStore, format: Format, platform: Platform?) throws -> ImageSource {
        let index: Index = try decode(store.data("index.json"), what: "index.json")
        var candidates: [Candidate] = []
        try collect(index.manifests, store: store, depth: 0, into: &candidates, name: nil)
        guard !candidates.isEmpty else { throw HullOCIError.invalidDocument(what: "index.json", reason: "it names no image manifest") }
        var notes: [String] = []
        var withPlatforms: [(Candidate, Platform?, ImageConfig, String)] = []
        for candidate in candidates {
            guard let configPath = candidate.manifest.config.layoutPath else {
                throw HullOCIError.invalidDocument(what: "a manifest", reason: "config digest `\(candidate.manifest.config.digest)` is malformed")
            }
            guard store.exists(configPath) else { throw HullOCIError.missingBlob(what: "the image config", path: configPath) }
            let bytes = try store.data(configPath)
            let hex = SHA256.hex(bytes)
            try verify(candidate.manifest.config, hex: hex, what: "the image config")
            let config: ImageConfig = try decode(bytes, what: "the image config `\(configPath)`")
            let recorded = candidate.descriptor.platform
                ?? config.os.map { Platform(os: $0, architecture: config.architecture ?? "", variant: config.variant) }
            withPlatforms.append((candidate, recorded, config, hex))
        }
        var chosen = withPlatforms
        if let platform {
            chosen = withPlatforms.filter { $0.1.map(platform.matches) ?? false }
            guard !chosen.isEmpty else {
                let available = Set(withPlatforms.compactMap { $0.1?.description }).sorted().joined(separator: ", ")
                throw HullOCIError.ambiguous("no image for \(platform) in \(path); it has \(available.isEmpty ? "no platform information" : available)")
            }
        } else {
            let platforms = Set(withPlatforms.compactMap { $0.1?.description })
            if platforms.count > 1 {
                let host = Platform(os: "linux", architecture: "amd64")
                let onHost = withPlatforms.filter { $0.1.map(host.matches) ?? false }
                guard !onHost.isEmpty else {
                    throw HullOCIError.ambiguous("\(path) holds images for \(platforms.sorted().joined(separator: ", ")); choose one with --platform")
                }
                notes.append("the index has \(platforms.count) platforms (\(platforms.sorted().joined(separator: ", "))); reading linux/amd64 (choose with --platform)")
                chosen = onHost
            }
        }
        let (candidate, recorded, config, configHex) = chosen[0]
        if chosen.count > 1 { notes.append("the layout holds \(chosen.count) matching images; reading the first (\(candidate.name ?? candidate.descriptor.digest))") }
        let diffIDs = config.rootfs?.diffIDs ?? []
        var layers: [Layer] = []
        for (index, descriptor) in candidate.manifest.layers.enumerated() {
            guard let layerPath = descriptor.layoutPath else {
                throw HullOCIError.invalidDocument(what: "the manifest", reason: "layer digest `\(descriptor.digest)` is malformed")
            }
            guard store.exists(layerPath) else { throw HullOCIError.missingBlob(what: "layer \(index)", path: layerPath) }
            layers.append(Layer(path: layerPath, mediaType: descriptor.mediaType, digest: descriptor.digest, size: descriptor.size,
                                diffID: index < diffIDs.count ? diffIDs[index] : nil))
        }
        let tags = candidates.compactMap(\.name)
        return ImageSource(path: path, format: format, tags: tags, config: config, configDigest: "sha256:" + configHex,
                           manifestDigest: candidate.descriptor.digest, platform: recorded, layers: layers, notes: notes, store: store)
    }

    private static func collect(_ descriptors: [Descriptor], store: BlobStore, depth: Int, into candidates: inout [Candidate], name: String?) throws {
        guard depth < 8 else { throw HullOCIError.invalidDocument(what: "index.json", reason: "indexes nest more than 8 deep") }
        for descriptor in descriptors {
            guard let blob = descriptor.layoutPath else {
                throw HullOCIError.invalidDocument(what: "an index", reason: "digest `\(descriptor.digest)` is malformed")
            }
            guard store.exists(blob) else { throw HullOCIError.missingBlob(what: "a manifest", path: blob) }
            let bytes = try store.data(blob)
            try verify(descriptor, hex: SHA256.hex(bytes), what: "the manifest `\(blob)`")
            let refName = descriptor.annotations?["org.opencontainers.image.ref.name"] ?? descriptor.annotations?["io.containerd.image.name"] ?? name
            let probe = try? JSONDecoder().decode(MediaTypeProbe.self, from: Data(bytes))
            if MediaType.isIndex(descriptor.mediaType) || MediaType.isIndex(probe?.mediaType) || (probe?.manifests != nil && probe?.layers == nil) {
                let nested: Index = try decode(bytes, what: "the index `\(blob)`")
                try collect(nested.manifests, store: store, depth: depth + 1, into: &candidates, name: refName)
            } else {
                let manifest: Manifest = try decode(bytes, what: "the manifest `\(blob)`")
                candidates.append(Candidate(descriptor: descriptor, manifest: manifest, name: refName))
            }
        }
    }

    private struct MediaTypeProbe: Decodable {
        var mediaType: String?
        var manifests: [Descriptor]?
        var layers: [Descriptor]?
    }

    private static func verify(_ descriptor: Descriptor, hex: String, what: String) throws {
        guard descriptor.digest.hasPrefix("sha256:") else { return }
        let expected = String(descriptor.digest.dropFirst("sha256:".count))
        guard expected == hex else { throw HullOCIError.digestMismatch(what: what, expected: descriptor.digest, actual: hex) }
    }

    private static func decode<T: Decodable>(_ bytes: [UInt8], what: String) throws -> T {
        do { return try JSONDecoder().decode(T.self, from: Data(bytes)) } catch {
            throw HullOCIError.invalidDocument(what: what, reason: Self.describe(error))
        }
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context): "malformed JSON (\(context.debugDescription))"
        case DecodingError.keyNotFound(let key, let context): "`\((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))` is missing"
        case DecodingError.typeMismatch(_, let context): "`\(context.codingPath.map(\.stringValue).joined(separator: "."))` has the wrong type"
        case DecodingError.valueNotFound(_, let context): "`\(context.codingPath.map(\.stringValue).joined(separator: "."))` is null"
        default: String(describing: error)
        }
    }
}
