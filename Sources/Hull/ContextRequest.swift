/// What `hull context` is asked to do.
public struct ContextRequest: Sendable {
    /// The build context folder.
    public var root: String
    /// The Dockerfile (`-f`), resolved against the current folder as `docker build` does; nil
    /// for `<root>/Dockerfile`.
    public var dockerfile: String?
    /// List every sent path in the report.
    public var listPaths: Bool
    /// Read the first bytes of sent files for secrets (otherwise only paths are checked).
    public var scanContents: Bool
    /// Also walk folders the ignore file excludes, to total what would be sent without it.
    public var measureExcluded: Bool
    /// Preview what the `.dockerignore` that `hull ignore` proposes would send.
    public var previewProposal: Bool

    /// The Dockerfile's text to use instead of the file's (a fixed version held in memory).
    public var dockerfileText: String?
    /// The ignore file's text to use instead of the file's, or in place of a missing one (a
    /// proposed file not yet written).
    public var ignoreFileText: String?

    /// Creates a request.
    public init(root: String, dockerfile: String? = nil, listPaths: Bool = false, scanContents: Bool = true,
                measureExcluded: Bool = true, previewProposal: Bool = true,
                dockerfileText: String? = nil, ignoreFileText: String? = nil) {
        self.dockerfileText = dockerfileText
        self.ignoreFileText = ignoreFileText
        self.root = root
        self.dockerfile = dockerfile
        self.listPaths = listPaths
        self.scanContents = scanContents
        self.measureExcluded = measureExcluded
        self.previewProposal = previewProposal
    }
}
