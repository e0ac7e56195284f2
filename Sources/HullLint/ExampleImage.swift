/// A small image described as data, for image rules' examples: build steps (each a history
/// line, with the files of the layer it made, or none for a step that made no layer), the
/// runtime configuration, and the tag it is saved under. The catalogue test builds it in memory
/// as a `docker save` archive and runs the analyzer over it.
public struct ExampleImage: Sendable, Hashable {
    /// One entry of a layer.
    public struct Entry: Sendable, Hashable {
        /// What the entry is.
        public enum Kind: Sendable, Hashable {
            /// A regular file with these bytes.
            case file([UInt8])
            /// A regular file of this many zero bytes (for size checks).
            case zeros(Int)
            /// A folder.
            case directory
            /// A symbolic link to this target.
            case symlink(String)
            /// A hard link to this path in the same layer.
            case hardLink(String)
            /// A whiteout: the layer deletes this path of a lower layer.
            case whiteout
            /// An opaque marker: the layer hides everything lower layers put in this folder.
            case opaque
        }

        /// The path inside the layer, without a leading slash unless the example is about one.
        public var path: String
        /// What the entry is.
        public var kind: Kind
        /// Permission bits, with setuid (0o4000), setgid (0o2000) and sticky (0o1000).
        public var mode: UInt32
        /// Owner and group IDs.
        public var uid: Int
        public var gid: Int

        /// A text file.
        public static func file(_ path: String, _ text: String = "", mode: UInt32 = 0o644, uid: Int = 0, gid: Int = 0) -> Entry {
            Entry(path: path, kind: .file(Array(text.utf8)), mode: mode, uid: uid, gid: gid)
        }
        /// A file of `size` zero bytes.
        public static func file(_ path: String, size: Int, mode: UInt32 = 0o644, uid: Int = 0, gid: Int = 0) -> Entry {
            Entry(path: path, kind: .zeros(size), mode: mode, uid: uid, gid: gid)
        }
        /// A folder.
        public static func directory(_ path: String, mode: UInt32 = 0o755, uid: Int = 0, gid: Int = 0) -> Entry {
            Entry(path: path, kind: .directory, mode: mode, uid: uid, gid: gid)
        }
        /// A symbolic link.
        public static func symlink(_ path: String, to target: String) -> Entry { Entry(path: path, kind: .symlink(target), mode: 0o777, uid: 0, gid: 0) }
        /// A hard link.
        public static func hardLink(_ path: String, to target: String) -> Entry { Entry(path: path, kind: .hardLink(target), mode: 0o644, uid: 0, gid: 0) }
        /// Deletes `path` of a lower layer.
        public static func whiteout(_ path: String) -> Entry { Entry(path: path, kind: .whiteout, mode: 0o644, uid: 0, gid: 0) }
        /// Hides the lower layers' contents of folder `path`.
        public static func opaque(_ path: String) -> Entry { Entry(path: path, kind: .opaque, mode: 0o644, uid: 0, gid: 0) }
    }

    /// One build step: a history line and, when it made a layer, that layer's entries.
    public struct Step: Sendable, Hashable {
        /// The history line (`created_by`), as `docker history` shows it.
        public var createdBy: String
        /// The layer's entries; nil for a step that made no layer (ENV, LABEL, CMD …).
        public var entries: [Entry]?

        /// A step that made a layer.
        public static func layer(_ createdBy: String, _ entries: [Entry] = []) -> Step { Step(createdBy: createdBy, entries: entries) }
        /// A step that made no layer.
        public static func config(_ createdBy: String) -> Step { Step(createdBy: createdBy, entries: nil) }
    }

    /// The runtime configuration (the `config` object of the image configuration).
    public struct Config: Sendable, Hashable {
        /// `User`; nil leaves it out.
        public var user: String?
        /// `Env` as `NAME=value`.
        public var env: [String]
        /// `Labels`.
        public var labels: [String: String]
        /// `Volumes`.
        public var volumes: [String]
        /// `Healthcheck.Test`; nil leaves the health check out.
        public var healthcheck: [String]?
        /// `Cmd`.
        public var cmd: [String]?
        /// `Entrypoint`.
        public var entrypoint: [String]?

        /// A configuration.
        public init(user: String? = nil, env: [String] = [], labels: [String: String] = [:], volumes: [String] = [],
                    healthcheck: [String]? = nil, cmd: [String]? = nil, entrypoint: [String]? = nil) {
            self.user = user
            self.env = env
            self.labels = labels
            self.volumes = volumes
            self.healthcheck = healthcheck
            self.cmd = cmd
            self.entrypoint = entrypoint
        }
    }

    /// The build steps, oldest first; the first usually adds the base root filesystem.
    public var steps: [Step]
    /// The runtime configuration.
    public var config: Config
    /// The tag the image is saved under.
    public var tag: String
    /// The scanning host's environment the rule sees.
    public var environment: [String: String]
    /// Whether the image records its history (some exporters and hand-built images do not;
    /// the steps then only give the layers).
    public var recordsHistory: Bool

    /// Describes an image. The default host environment enables content trust, so that only
    /// the example about it is flagged for it.
    public init(_ steps: [Step], config: Config = Config(), tag: String = "example/app:1.0", environment: [String: String] = ["DOCKER_CONTENT_TRUST": "1"],
                recordsHistory: Bool = true) {
        self.steps = steps
        self.config = config
        self.tag = tag
        self.environment = environment
        self.recordsHistory = recordsHistory
    }

    /// The layers, in order: the entries of every step that made one.
    public var layers: [[Entry]] { steps.compactMap(\.entries) }
}

// MARK: - Listing

extension ExampleImage {
    /// The image as text for documentation: tag, configuration, then each step with its files.
    public var listing: String {
        var lines = ["image \(tag)"]
        var config: [String] = []
        if let user = self.config.user { config.append("User: \(user.isEmpty ? "\"\"" : user)") }
        if !self.config.env.isEmpty { config.append("Env: \(self.config.env.joined(separator: ", "))") }
        if !self.config.labels.isEmpty { config.append("Labels: " + self.config.labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")) }
        if !self.config.volumes.isEmpty { config.append("Volumes: \(self.config.volumes.joined(separator: ", "))") }
        if let test = self.config.healthcheck { config.append("Healthcheck: \(test.joined(separator: " "))") }
        if let entrypoint = self.config.entrypoint { config.append("Entrypoint: \(entrypoint.joined(separator: " "))") }
        if let cmd = self.config.cmd { config.append("Cmd: \(cmd.joined(separator: " "))") }
        lines += config.map { "  " + $0 }
        if environment["DOCKER_CONTENT_TRUST"] != "1" { lines.append("  (scanned on a host without DOCKER_CONTENT_TRUST=1)") }
        lines.append(recordsHistory ? "history:" : "layers (no history recorded):")
        for step in steps {
            lines.append("  " + step.createdBy + (step.entries == nil ? "   (no layer)" : ""))
            for entry in step.entries ?? [] { lines.append("      " + entry.listing) }
        }
        return lines.joined(separator: "\n")
    }
}

extension ExampleImage.Entry {
    /// One line: mode, owner, path and what it is.
    var listing: String {
        let owner = uid == 0 && gid == 0 ? "" : " \(uid):\(gid)"
        let bits = String(mode, radix: 8)
        switch kind {
        case .file(let bytes):
            let text = String(decoding: bytes, as: UTF8.self)
            let shown = text.count > 48 ? String(text.prefix(45)) + "…" : text
            return "\(bits)\(owner) /\(path)" + (bytes.isEmpty ? "" : "  \"\(shown.replacingOccurrences(of: "\n", with: "\\n"))\"")
        case .zeros(let size): return "\(bits)\(owner) /\(path)  (\(size) bytes)"
        case .directory: return "\(bits)\(owner) /\(path)/"
        case .symlink(let target): return "/\(path) -> \(target)"
        case .hardLink(let target): return "/\(path) => \(target) (hard link)"
        case .whiteout: return "deletes /\(path)"
        case .opaque: return "hides the lower contents of /\(path)/"
        }
    }
}
