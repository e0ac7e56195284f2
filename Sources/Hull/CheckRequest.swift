/// What `hull check` is asked to do.
public struct CheckRequest: Sendable {
    /// Folders (searched for Dockerfiles) or Dockerfiles; empty for the current folder.
    public var paths: [String]
    /// Configuration file and overrides, as for `hull lint`.
    public var lint: LintRequest
    /// Read the first bytes of sent files for secrets (otherwise only names are checked).
    public var scanContents: Bool
    /// An image archive or OCI layout built from the Dockerfile (`--image`): its measured rows go in the "now" column.
    public var image: String?
    /// `os/arch[/variant]` to read from a multi-platform image.
    public var platform: String?

    /// Creates a request.
    public init(paths: [String], lint: LintRequest? = nil, scanContents: Bool = true, image: String? = nil, platform: String? = nil) {
        self.paths = paths
        self.lint = lint ?? LintRequest(paths: paths)
        self.scanContents = scanContents
        self.image = image
        self.platform = platform
    }
}
