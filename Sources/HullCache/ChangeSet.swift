/// What changed since the build whose cache is being reused: files in the build context and
/// build arguments.
public struct ChangeSet: Sendable, Hashable, Codable {
    /// Changed paths, relative to the context root (files, or folders meaning "something below").
    public var paths: [String]
    /// Build arguments whose value changed: the new value, or nil when only the fact of the
    /// change is known.
    public var buildArgs: [String: String?]
    /// The Dockerfile as the previous build read it, when known (from git with `--since`): edited
    /// instructions then miss the cache.
    public var previousDockerfile: String?

    /// Creates a change set.
    public init(paths: [String] = [], buildArgs: [String: String?] = [:], previousDockerfile: String? = nil) {
        self.paths = paths
        self.buildArgs = buildArgs
        self.previousDockerfile = previousDockerfile
    }

    /// Whether nothing changed.
    public var isEmpty: Bool { paths.isEmpty && buildArgs.isEmpty && previousDockerfile == nil }
}
