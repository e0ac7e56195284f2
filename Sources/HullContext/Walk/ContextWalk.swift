/// What one walk of a build context found.
public struct ContextWalk: Sendable {
    /// The context root after resolving symlinks, as BuildKit resolves it.
    public var root: String
    /// Totals of what is sent.
    public var sent: ContextTotals
    /// Totals of everything under the root, ignore file or not; `nil` when the walk did not
    /// descend into pruned directories (``ContextWalker/Options/measureExcluded``).
    public var all: ContextTotals?
    /// Sent entries in walker order (component-wise, byte-wise), when recorded.
    public var entries: [ContextEntry]
    /// Excluded directories BuildKit does not walk into, with the index of the deciding pattern.
    public var prunedDirectories: [PrunedDirectory]
    /// Unreadable paths and skipped special files.
    public var warnings: [ContextWarning]
    /// Per pattern (indexed like ``IgnoreMatcher/patterns``): how many evaluated entries it
    /// decided, as the last pattern to match them. A pattern that decides nothing has no effect
    /// on this context (entries inside pruned directories are not evaluated and not counted).
    public var decidingCounts: [Int]

    /// Special files that would be sent but were never opened.
    public var skipped: [ContextWarning] { warnings.filter { $0.kind == .specialFileSkipped } }

    /// The sent paths as the conformance data lists them (directories end with `/`).
    public var listing: [String] { entries.map(\.listing) }
}
