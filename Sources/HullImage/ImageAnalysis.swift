import HullOCI

/// What one streaming pass over an image found: its configuration, history, layers, final
/// filesystem, waste (Hull's and dive's figures), OS, tools present, special files, secrets and
/// problems in the archive itself. Encoded as the `image` part of `hull image --format json`
/// (Docs/image-output.md).
public struct ImageAnalysis: Hashable, Sendable, Codable {
    /// The path given and how it was stored.
    public var source: String
    public var format: String
    public var tags: [String]
    public var platform: String?
    public var configDigest: String
    public var manifestDigest: String?
    public var created: String?
    public var config: ConfigSummary
    public var history: [HistoryLine]
    public var layers: [LayerSummary]
    public var filesystem: Filesystem
    public var waste: Waste
    public var dive: DiveFigures
    public var os: OperatingSystem?
    public var shells: [String]
    public var packageManagers: [String]
    public var setIDFiles: [SpecialFile]
    public var worldWritable: [SpecialFile]
    public var secrets: [Secret]
    public var packageCaches: [PackageCache]
    public var unneededFiles: [PathInLayer]
    public var accounts: Accounts
    public var problems: [Problem]
    public var notes: [String]

    /// The runtime configuration.
    public struct ConfigSummary: Hashable, Sendable, Codable {
        public var user: String?
        public var entrypoint: [String]?
        /// `exec` or `shell` (`["/bin/sh", "-c", "…"]`).
        public var entrypointForm: String?
        public var cmd: [String]?
        public var cmdForm: String?
        /// `NAME=value`, with the values of likely secrets cut short.
        public var env: [String]
        public var exposedPorts: [String]
        public var volumes: [String]
        public var healthcheck: Healthcheck?
        public var labels: [String: String]
        public var workingDir: String?
        public var stopSignal: String?
        public var shell: [String]?
        public var onBuild: [String]
    }

    /// A HEALTHCHECK as recorded.
    public struct Healthcheck: Hashable, Sendable, Codable {
        public var test: [String]
        /// Seconds; nil when not set.
        public var interval: Double?
        public var timeout: Double?
        public var startPeriod: Double?
        public var retries: Int?
        /// True for `HEALTHCHECK NONE`.
        public var disabled: Bool
    }

    /// One line of `docker history` (oldest first).
    public struct HistoryLine: Hashable, Sendable, Codable {
        public var index: Int
        public var created: String?
        public var createdBy: String
        public var comment: String?
        /// Whether the step made no layer.
        public var emptyLayer: Bool
        /// The layer it made and that layer's size (sum of its file sizes), when it made one.
        public var layer: Int?
        public var size: Int64
    }

    /// One layer.
    public struct LayerSummary: Hashable, Sendable, Codable {
        public var index: Int
        public var digest: String?
        public var diffID: String?
        public var compression: String
        /// Bytes as stored in the archive (compressed when compressed).
        public var storedSize: Int64
        /// Bytes of tar stream after decompression.
        public var tarSize: Int64
        /// Sum of the sizes of the layer's entries (dive's layer size).
        public var size: Int64
        /// Entries, and regular files among them.
        public var entries: Int
        public var files: Int
        public var whiteouts: Int
        public var opaqueDirectories: Int
        /// Bytes this layer hides: files of lower layers it deletes or replaces.
        public var hiddenBytes: Int64
        /// The history line that made it.
        public var createdBy: String?
    }

    /// The final filesystem (after every whiteout).
    public struct Filesystem: Hashable, Sendable, Codable {
        public var files: Int
        public var directories: Int
        public var symlinks: Int
        public var hardLinks: Int
        public var bytes: Int64
    }

    /// Bytes in the layers that the final filesystem does not show.
    public struct Waste: Hashable, Sendable, Codable {
        /// Sum of every layer's entry sizes.
        public var layerBytes: Int64
        /// Bytes of files deleted or replaced by a later layer.
        public var hiddenBytes: Int64
        public var hiddenFiles: Int
        /// The largest hidden files.
        public var largest: [HiddenFile]
    }

    /// A file a later layer deleted or replaced.
    public struct HiddenFile: Hashable, Sendable, Codable {
        public var path: String
        public var layer: Int
        public var bytes: Int64
        /// The layer that hid it.
        public var hiddenBy: Int
    }

    /// dive 0.13's figures, computed as dive computes them.
    public struct DiveFigures: Hashable, Sendable, Codable {
        public var efficiency: Double
        public var wastedBytes: Int64
        /// Wasted bytes over the sizes of every layer but the first.
        public var userWastedPercent: Double
        public var userSizeBytes: Int64
        public var sizeBytes: Int64
        public var inefficiencies: [Inefficiency]
        /// Layers dive stops visiting early (a whiteout whose path no lower layer has).
        public var abortedLayers: [Int]
    }

    /// A path seen in several layers.
    public struct Inefficiency: Hashable, Sendable, Codable {
        public var path: String
        public var count: Int
        public var cumulativeBytes: Int64
    }

    /// From os-release.
    public struct OperatingSystem: Hashable, Sendable, Codable {
        public var id: String?
        public var versionID: String?
        public var prettyName: String?
    }

    /// A setuid/setgid or world-writable file.
    public struct SpecialFile: Hashable, Sendable, Codable {
        public var path: String
        public var layer: Int
        /// Octal, such as `4755`.
        public var mode: String
        public var uid: Int64
        public var gid: Int64
    }

    /// A likely secret.
    public struct Secret: Hashable, Sendable, Codable {
        /// `env`, `history`, `label` or `file`.
        public var place: String
        /// The variable, label or build argument name, or the file path.
        public var name: String
        public var kind: String
        /// Cut short: never the whole secret.
        public var excerpt: String
        public var layer: Int?
        public var history: Int?
        public var line: Int?
        /// A file deleted or replaced by a later layer: still in the image.
        public var deletedLater: Bool
        public var confidence: String
    }

    /// Package-manager caches left in the final filesystem.
    public struct PackageCache: Hashable, Sendable, Codable {
        /// `apt-lists`, `apt-archives`, `apk-cache`, `pip-cache`, `npm-cache`, `yarn-cache`.
        public var kind: String
        public var path: String
        public var files: Int
        public var bytes: Int64
        public var layer: Int
    }

    /// A path and the layer that put it there.
    public struct PathInLayer: Hashable, Sendable, Codable {
        public var path: String
        public var layer: Int
        public var reason: String
    }

    /// Findings from /etc/passwd, /etc/group and /etc/shadow.
    public struct Accounts: Hashable, Sendable, Codable {
        public var users: Int
        public var duplicateUIDs: [String]
        public var duplicateGIDs: [String]
        public var emptyPasswords: [String]
    }

    /// Something wrong with the archive itself (hostile or broken input).
    public struct Problem: Hashable, Sendable, Codable {
        /// `absolutePath`, `pathTraversal`, `duplicateEntry`, `symlinkOutOfRoot`, `hardLinkOutOfRoot`, `hardLinkMissing`, `sparseFile`, `unreadableLayer`.
        public var kind: String
        public var layer: Int?
        public var path: String?
        public var message: String
    }
}
