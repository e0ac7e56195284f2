/// What `hull cache` asks: a Dockerfile and its context, and what changed.
public struct CacheRequest: Sendable, Hashable {
    /// The Dockerfile (`-f`); nil for `Dockerfile` in the context folder.
    public var dockerfile: String?
    /// The build context folder.
    public var context: String
    /// Changed paths, relative to the context (absolute paths inside it are accepted).
    public var changedPaths: [String]
    /// A git reference: the change set is what changed since it (committed, staged, unstaged
    /// and untracked).
    public var since: String?
    /// Changed build arguments: the new value, or nil when only the name is given.
    public var buildArgs: [String: String?]
    /// `--target`.
    public var target: String?

    /// Creates a request.
    public init(dockerfile: String? = nil, context: String = ".", changedPaths: [String] = [], since: String? = nil,
                buildArgs: [String: String?] = [:], target: String? = nil) {
        self.dockerfile = dockerfile
        self.context = context
        self.changedPaths = changedPaths
        self.since = since
        self.buildArgs = buildArgs
        self.target = target
    }

    /// Whether a change set was given (otherwise the impact of each input is shown).
    public var hasChangeSet: Bool { !changedPaths.isEmpty || since != nil || !buildArgs.isEmpty }
}
