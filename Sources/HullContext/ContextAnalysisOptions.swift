/// What ``BuildContext/analyze(root:dockerfile:options:)`` does.
public struct ContextAnalysisOptions: Hashable, Sendable {
    /// How to walk. `measureExcluded` (on by default) also totals what the ignore file leaves
    /// out, for the "with and without" comparison.
    public var walk: ContextWalker.Options
    /// How to look for secrets in what is sent; `nil` skips the secret scan.
    public var secrets: SecretScanner.Options?
    /// How many folders to rank at each depth.
    public var largestFolders: Int
    /// How many roots to list per category.
    public var categoryRoots: Int
    /// Keep the sent entries in ``ContextAnalysis/entries``.
    public var keepEntries: Bool

    /// Creates options.
    public init(walk: ContextWalker.Options = .init(), secrets: SecretScanner.Options? = .init(),
                largestFolders: Int = 10, categoryRoots: Int = 5, keepEntries: Bool = true) {
        self.walk = walk
        self.secrets = secrets
        self.largestFolders = largestFolders
        self.categoryRoots = categoryRoots
        self.keepEntries = keepEntries
    }

    /// The fast profile for lint rules: no measurement of pruned directories, no content scan.
    public static let lint = ContextAnalysisOptions(walk: .init(measureExcluded: false), secrets: .init(scanContents: false))
}
