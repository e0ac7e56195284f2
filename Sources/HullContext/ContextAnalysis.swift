/// What `docker build` would send from a context, and what is worth knowing about it: the
/// façade result for `hull context` and for context lint rules.
public struct ContextAnalysis: Sendable {
    /// The largest folders at the first two depths.
    public struct FolderRanking: Hashable, Sendable, Codable {
        /// Top-level folders, largest first.
        public var topLevel: [FolderSize]
        /// Folders one level down, largest first.
        public var secondLevel: [FolderSize]
    }

    /// The context root after resolving symlinks.
    public var root: String
    /// Which ignore file applies, and the Dockerfile BuildKit would read.
    public var ignoreFileChoice: IgnoreFileChoice
    /// The applicable ignore file, parsed, when it exists and could be read.
    public var ignoreFile: IgnoreFile?
    /// The matcher the walk used (`nil` when no patterns apply). When the ignore file has
    /// invalid patterns this matcher leaves them out (see ``ignoreFileError``).
    public var matcher: IgnoreMatcher?
    /// A problem with the ignore file: an invalid pattern or an overlong line (BuildKit fails the
    /// build), or a file that could not be read (BuildKit treats it as absent).
    public var ignoreFileError: HullContextError?
    /// Totals of what is sent.
    public var sent: ContextTotals
    /// Totals of the whole tree, as if there were no ignore file; `nil` when not measured.
    public var withoutIgnoreFile: ContextTotals?
    /// Categories of what is sent, largest first.
    public var categories: [CategorySummary]
    /// Categories of the whole tree (what would be sent without an ignore file); empty when
    /// excluded directories were not measured.
    public var categoriesWithoutIgnoreFile: [CategorySummary]
    /// The largest sent folders.
    public var largestFolders: FolderRanking
    /// Excluded directories BuildKit does not walk into, with the deciding pattern's index.
    public var prunedDirectories: [PrunedDirectory]
    /// Secrets among the sent files; `nil` when not scanned.
    public var secrets: SecretScan?
    /// Unreadable paths and skipped special files.
    public var warnings: [ContextWarning]
    /// Per pattern of ``matcher``: how many entries it decided (see ``ContextWalk/decidingCounts``).
    public var decidingCounts: [Int]
    /// The sent entries in walker order (empty unless kept).
    public var entries: [ContextEntry]

    /// Whether `docker build` would fail on this context (an invalid ignore file or an
    /// unreadable directory it sends).
    public var buildFails: Bool {
        if let ignoreFileError {
            switch ignoreFileError {
            case .invalidPattern, .ignoreFileLineTooLong: return true
            default: break
            }
        }
        return warnings.contains(where: \.failsBuild)
    }

    /// The bytes the ignore file keeps out of the context, when measured.
    public var bytesSaved: Int64? { withoutIgnoreFile.map { $0.bytes - sent.bytes } }

    /// Patterns that decided nothing in this context: candidates for "pattern has no effect".
    public var ineffectivePatterns: [IgnorePattern] {
        guard let matcher else { return [] }
        return zip(matcher.patterns, decidingCounts).filter { $0.1 == 0 }.map(\.0)
    }

    /// The summary for one sent category, if present.
    public func sentCategory(_ category: ContextCategory) -> CategorySummary? {
        categories.first { $0.category == category }
    }

    /// Whether `path` (context-relative, as a `COPY` source names it) is excluded, and by which
    /// pattern; `nil` when no ignore file applies.
    public func verdict(for path: String) throws(HullContextError) -> IgnoreMatcher.PathVerdict? {
        try matcher?.verdict(for: path)
    }
}
