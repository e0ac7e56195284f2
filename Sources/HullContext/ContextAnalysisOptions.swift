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
    /// Lanes that measure the folders the ignore file prunes (1–4).
    public var measurementLanes: Int

    /// Creates options.
    public init(walk: ContextWalker.Options = .init(), secrets: SecretScanner.Options? = .init(),
                largestFolders: Int = 10, categoryRoots: Int = 5, keepEntries: Bool = true,
                measurementLanes: Int = ContextAnalysisOptions.defaultMeasurementLanes) {
        self.walk = walk
        self.secrets = secrets
        self.largestFolders = largestFolders
        self.categoryRoots = categoryRoots
        self.keepEntries = keepEntries
        self.measurementLanes = min(4, max(1, measurementLanes))
    }

    /// Four lanes. Measuring is `getdents` and `lstat` calls that can wait on the disk (cold
    /// caches, network file systems), so more lanes than cores keep requests in flight; on warm
    /// caches the extra lanes cost no CPU time, they only share the work.
    public static let defaultMeasurementLanes = 4

    /// The fast profile for lint rules: no measurement of pruned directories, no content scan.
    public static let lint = ContextAnalysisOptions(walk: .init(measureExcluded: false), secrets: .init(scanContents: false))
}
