import Foundation

/// The entry point: analyse what `docker build` sends from a local context.
///
/// ```swift
/// let analysis = try await BuildContext.analyze(root: "app", dockerfile: "app/Dockerfile")
/// print(analysis.sent.bytes, analysis.withoutIgnoreFile?.bytes ?? 0)
/// ```
///
/// One walk serves everything: BuildKit's pruning decides what is sent, and with
/// ``ContextWalker/Options/measureExcluded`` the pruned subtrees are then walked too (without
/// matching, in parallel lanes) to total the tree as if there were no ignore file. Memory stays
/// proportional to the sent entries (kept for the secret scan) plus one counter per folder and
/// category root.
public enum BuildContext {
    /// Analyses the context at `root` built with `dockerfile` (the `-f` path, `nil` for
    /// `<root>/Dockerfile`). `progress`, when given, is called from the analysing task every few
    /// thousand entries.
    /// `ignoreFileText`, when given, stands in for the content of the ignore file that applies
    /// (or of `<root>/.dockerignore` when none exists), so a proposed file can be measured
    /// without writing it; nothing on disk changes.
    /// - Throws: ``HullContextError`` only when the root cannot be walked. Problems with the
    ///   ignore file are reported in ``ContextAnalysis/ignoreFileError``.
    public static func analyze(root: String, dockerfile: String? = nil,
                               options: ContextAnalysisOptions = .init(),
                               ignoreFileText: [UInt8]? = nil,
                               progress: (@Sendable (ContextProgress) -> Void)? = nil) async throws(HullContextError) -> ContextAnalysis {
        var choice = IgnoreFile.applicable(contextDirectory: root, dockerfile: dockerfile)
        var ignoreFile: IgnoreFile?
        var ignoreError: HullContextError?
        if let text = ignoreFileText {
            if choice.path == nil {
                choice.path = (root as NSString).appendingPathComponent(IgnoreFile.defaultName)
                choice.source = .contextRoot
            }
            do {
                ignoreFile = try IgnoreFile(bytes: text, path: choice.path)
            } catch {
                ignoreError = error
            }
        } else if let path = choice.path {
            do {
                ignoreFile = try IgnoreFile.read(at: path)
            } catch {
                ignoreError = error
            }
        }
        let patterns = ignoreFile?.patterns ?? []
        var matcher: IgnoreMatcher?
        if !patterns.isEmpty {
            do {
                matcher = try IgnoreMatcher(patterns: patterns)
            } catch {
                ignoreError = error
                matcher = try? IgnoreMatcher(patterns: patterns, policy: .dropInvalid)
            }
        }

        var walkOptions = options.walk
        walkOptions.recordEntries = true
        // Pruned folders are measured afterwards, in parallel, rather than inside the walk.
        walkOptions.measureExcluded = false
        var excludedTotals = ContextTotals()
        // Sent and excluded entries are aggregated apart; the whole tree is their sum.
        var sentAggregator = ContextAggregator()
        var excludedAggregator = ContextAggregator()
        var seen = 0
        var seenBytes: Int64 = 0
        let visit: (ContextEntry, ContextWalker.Disposition) -> Void = { entry, disposition in
            if disposition.isSent {
                sentAggregator.add(entry)
            } else {
                excludedAggregator.add(entry)
                excludedTotals.add(entry)
            }
            guard let progress else { return }
            seen += 1
            seenBytes += entry.kind == .file ? entry.size : 0
            if seen & 4095 == 0 { progress(ContextProgress(phase: .walking, entries: seen, bytes: seenBytes)) }
        }
        var walk: ContextWalk
        do {
            if matcher?.isEmpty ?? true, options.measurementLanes > 1 {
                // Nothing to match: every folder can be read independently, in parallel.
                let whole = try await LaneWalker(root: root, lanes: options.measurementLanes).walkAll { entries, bytes in
                    progress?(ContextProgress(phase: .walking, entries: entries, bytes: bytes))
                }
                walk = whole.walk
                sentAggregator = whole.aggregator
            } else {
                walk = try await ContextWalker(matcher: matcher, options: walkOptions).walk(root: root, visit: visit)
            }
        } catch {
            guard case .invalidPattern = error else { throw error }
            // A pattern BuildKit rejects when it first needs it: report it, and show what would
            // be sent without the invalid patterns.
            ignoreError = error
            matcher = try? IgnoreMatcher(patterns: patterns, policy: .dropInvalid)
            sentAggregator = ContextAggregator()
            excludedAggregator = ContextAggregator()
            excludedTotals = ContextTotals()
            seen = 0
            seenBytes = 0
            walk = try await ContextWalker(matcher: matcher, options: walkOptions).walk(root: root, visit: visit)
        }

        var all = walk.all
        if options.walk.measureExcluded && !walk.prunedDirectories.isEmpty {
            let walked = seen, walkedBytes = seenBytes
            let measured = await LaneWalker(root: walk.root, lanes: options.measurementLanes)
                .measure(walk.prunedDirectories.map(\.path)) { entries, bytes in
                    progress?(ContextProgress(phase: .walking, entries: walked + entries, bytes: walkedBytes + bytes))
                }
            var total = walk.sent
            total.merge(excludedTotals)
            total.merge(measured.totals)
            all = total
            excludedAggregator.merge(measured.aggregator)
            walk.warnings += measured.warnings
        }
        var allAggregator = sentAggregator
        allAggregator.merge(excludedAggregator)
        var secrets: SecretScan?
        if let secretOptions = options.secrets {
            progress?(ContextProgress(phase: .scanningSecrets, entries: walk.entries.count, bytes: walk.sent.bytes))
            secrets = await SecretScanner(options: secretOptions).scan(root: walk.root, entries: walk.entries)
        }
        return ContextAnalysis(
            root: walk.root,
            ignoreFileChoice: choice,
            ignoreFile: ignoreFile,
            matcher: matcher,
            ignoreFileError: ignoreError,
            sent: walk.sent,
            withoutIgnoreFile: all,
            categories: sentAggregator.categories(largestRoots: options.categoryRoots),
            categoriesWithoutIgnoreFile: all == nil ? [] : allAggregator.categories(largestRoots: options.categoryRoots),
            largestFolders: .init(topLevel: sentAggregator.largestFolders(depth: 1, count: options.largestFolders),
                                  secondLevel: sentAggregator.largestFolders(depth: 2, count: options.largestFolders)),
            prunedDirectories: walk.prunedDirectories,
            secrets: secrets,
            warnings: walk.warnings,
            decidingCounts: walk.decidingCounts,
            entries: options.keepEntries ? walk.entries : []
        )
    }
}
