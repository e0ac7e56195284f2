/// A content descriptor (image-spec descriptor.md).
public struct Descriptor: Hashable, Sendable, Codable {
    public var mediaType: String?
    /// `algorithm:hex`, such as `sha256:…`.
    public var digest: String
    public var size: Int64
    public var annotations: [String: String]?
    public var platform: Platform?

    public init(mediaType: String?, digest: String, size: Int64, annotations: [String: String]? = nil, platform: Platform? = nil) {
        self.mediaType = mediaType
        self.digest = digest
        self.size = size
        self.annotations = annotations
        self.platform = platform
    }

    /// The blob's path in an OCI layout (`blobs/ALG/HEX`), nil for a malformed digest.
    public var layoutPath: String? {
        let parts = digest.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty,
              parts[1].allSatisfy({ $0.isHexDigit }), parts[0].allSatisfy({ $0.isLetter || $0.isNumber || "+._-".contains($0) }) else { return nil }
        return "blobs/\(parts[0])/\(parts[1])"
    }
}

/// A platform (image-index.md).
public struct Platform: Hashable, Sendable, Codable, CustomStringConvertible {
    public var architecture: String
    public var os: String
    public var variant: String?

    enum CodingKeys: String, CodingKey { case architecture, os, variant }

    public init(os: String, architecture: String, variant: String? = nil) {
        self.os = os
        self.architecture = architecture
        self.variant = variant
    }

    /// Parses `os/arch[/variant]`.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/").map(String.init)
        guard parts.count >= 2, parts.count <= 3 else { return nil }
        self.init(os: parts[0], architecture: parts[1], variant: parts.count == 3 ? parts[2] : nil)
    }

    /// Whether `self` (a request) matches `other`; a request without variant matches any variant.
    public func matches(_ other: Platform) -> Bool {
        os == other.os && architecture == other.architecture && (variant == nil || variant == other.variant)
    }

    public var description: String { [os, architecture, variant].compactMap { $0 }.joined(separator: "/") }
}

/// An image manifest (manifest.md), OCI or Docker schema 2.
public struct Manifest: Hashable, Sendable, Codable {
    public var schemaVersion: Int?
    public var mediaType: String?
    public var config: Descriptor
    public var layers: [Descriptor]
    public var annotations: [String: String]?
}

/// An image index (image-index.md) or Docker manifest list.
public struct Index: Hashable, Sendable, Codable {
    public var schemaVersion: Int?
    public var mediaType: String?
    public var manifests: [Descriptor]
    public var annotations: [String: String]?
}

/// One entry of a `docker save` archive's manifest.json.
public struct DockerArchiveEntry: Hashable, Sendable, Codable {
    public var config: String
    public var repoTags: [String]?
    public var layers: [String]

    enum CodingKeys: String, CodingKey {
        case config = "Config", repoTags = "RepoTags", layers = "Layers"
    }
}
