/// Which ignore file BuildKit applies to a build, and why.
///
/// BuildKit reads the Dockerfile from its own directory together with
/// `<dockerfile-name>.dockerignore` beside it; when that file exists it replaces the context
/// root's `.dockerignore` (the two are never merged). For the default name `Dockerfile` a
/// lowercase `dockerfile` is accepted too, but the per-Dockerfile ignore file keeps the
/// requested name (`Dockerfile.dockerignore`).
public struct IgnoreFileChoice: Hashable, Sendable, Codable {
    /// Where the applicable ignore file comes from.
    public enum Source: String, Hashable, Sendable, Codable {
        /// `<dockerfile-name>.dockerignore` beside the Dockerfile.
        case dockerfileSpecific
        /// `.dockerignore` at the context root.
        case contextRoot
        /// No ignore file: everything is sent.
        case none
    }

    /// Where the applicable file comes from.
    public var source: Source
    /// The path of the applicable ignore file, when there is one.
    public var path: String?
    /// The Dockerfile BuildKit would read (after the lowercase fallback), if it exists.
    public var dockerfile: String?
    /// A context-root `.dockerignore` that exists but is replaced by the per-Dockerfile file.
    public var replacedRootIgnoreFile: String?
    /// The files consulted, in order.
    public var candidates: [String]

    /// Creates a choice.
    public init(source: Source, path: String?, dockerfile: String?, replacedRootIgnoreFile: String?, candidates: [String]) {
        self.source = source
        self.path = path
        self.dockerfile = dockerfile
        self.replacedRootIgnoreFile = replacedRootIgnoreFile
        self.candidates = candidates
    }
}
