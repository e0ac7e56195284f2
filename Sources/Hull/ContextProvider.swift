import Foundation
import HullContext
import HullLint

/// Builds the build-context view rules see. For a Dockerfile on disk the folder it sits in is
/// taken as the context, as `docker build -f DIR/Dockerfile DIR` would use it; the ignore file
/// that applies (`<Dockerfile>.dockerignore` or `.dockerignore`) decides what is sent, exactly
/// as BuildKit decides it. The lint profile checks secrets by path only and does not walk
/// excluded folders, so it stays cheap on large contexts.
public enum ContextProvider {
    /// Nil for standard input, or when the folder cannot be walked. Dockerfiles that share a
    /// folder and an ignore file share one walk for the whole run.
    static func view(forDockerfile path: String) async -> BuildContextView? {
        guard path != "-" else { return nil }
        let folder = (path as NSString).deletingLastPathComponent
        let root = folder.isEmpty ? "." : folder
        let key = root + "\u{0}" + (IgnoreFile.applicable(contextDirectory: root, dockerfile: path).path ?? "")
        return await ContextViewCache.shared.view(for: key) { await makeView(root: root, dockerfile: path) }
    }

    /// The view of the context beside `path` as it would be with `ignoreFileText` as its ignore
    /// file (a proposal not yet written). Not cached.
    static func view(forDockerfile path: String, ignoreFileText: [UInt8]) async -> BuildContextView? {
        guard path != "-" else { return nil }
        let folder = (path as NSString).deletingLastPathComponent
        return await makeView(root: folder.isEmpty ? "." : folder, dockerfile: path, ignoreFileText: ignoreFileText)
    }

    private static func makeView(root: String, dockerfile path: String, ignoreFileText: [UInt8]? = nil) async -> BuildContextView? {
        guard let analysis = try? await BuildContext.analyze(root: root, dockerfile: path, options: .lint, ignoreFileText: ignoreFileText) else { return nil }
        let sent = analysis.entries.filter { $0.kind != .directory }.map(\.path.description)
        let matcher = analysis.matcher
        let everything = FileListing(root: root)
        var view = BuildContextView(
            sentFiles: sent,
            ignoreFile: analysis.ignoreFileChoice.path.map { ($0 as NSString).lastPathComponent },
            allFiles: { everything.files },
            exists: { relative in
                var isDirectory: ObjCBool = false
                return FileManager.default.fileExists(atPath: relative.isEmpty ? root : root + "/" + relative, isDirectory: &isDirectory)
            },
            isExcluded: { relative in (try? matcher?.isExcluded(relative)) ?? false })
        summarize(&view, totals: analysis.sent, categories: analysis.categories,
                  findings: analysis.secrets?.findings ?? [], ignoreFileError: analysis.ignoreFileError,
                  warnings: analysis.warnings)
        return view
    }

    /// A view of an in-memory context (rule examples, tests): `files` are context-relative
    /// paths of empty files, `ignoreFile` the text of the ignore file named `ignoreFileName`.
    /// The ignore file is read and matched exactly as BuildKit does; the summary is built as
    /// for a context on disk.
    public static func view(files: [String], ignoreFile text: String?, ignoreFileName: String = IgnoreFile.defaultName) -> BuildContextView {
        var problem: HullContextError?
        var matcher: IgnoreMatcher?
        if let text {
            do {
                let parsed = try IgnoreFile(bytes: Array(text.utf8))
                do {
                    matcher = try IgnoreMatcher(patterns: parsed.patterns)
                    for file in files { _ = try matcher?.verdict(for: file) }
                } catch {
                    problem = error
                    matcher = try? IgnoreMatcher(patterns: parsed.patterns, policy: .dropInvalid)
                }
            } catch {
                problem = error
            }
        }
        let active = matcher
        let excluded: @Sendable (String) -> Bool = { path in (try? active?.isExcluded(path)) ?? false }
        var view = BuildContextView(files: files, ignoreFile: text == nil ? nil : ignoreFileName, isExcluded: excluded)
        var totals = ContextTotals()
        var aggregator = ContextAggregator()
        var findings: [SecretFinding] = []
        let scanner = SecretScanner(options: .init(scanContents: false))
        for file in view.sentFiles {
            let entry = ContextEntry(path: ContextPath(file), kind: .file, size: 0)
            totals.add(entry)
            aggregator.add(entry)
            if let finding = scanner.finding(forPath: entry.path, kind: .file) { findings.append(finding) }
        }
        summarize(&view, totals: totals, categories: aggregator.categories(), findings: findings,
                  ignoreFileError: problem, warnings: [])
        return view
    }

    /// Fills the summary fields of `view` from what HullContext found.
    static func summarize(_ view: inout BuildContextView, totals: ContextTotals, categories: [CategorySummary],
                          findings: [SecretFinding], ignoreFileError: HullContextError?, warnings: [ContextWarning]) {
        view.sentTotals = BuildContextView.Totals(files: totals.files + totals.symlinks, bytes: totals.bytes)
        var heavy: [BuildContextView.HeavyFolder] = []
        for summary in categories {
            let kind: BuildContextView.HeavyFolder.Kind
            switch summary.category {
            case .versionControl: kind = .versionControl
            case .dependencies: kind = .dependencies
            case .caches: kind = .caches
            default: continue
            }
            for root in summary.largestRoots where ContextCategorizer.categorize(root.path, isDirectory: true)?.root == root.path {
                heavy.append(.init(path: root.path.description, kind: kind, files: root.files, bytes: root.bytes))
            }
        }
        view.heavyFolders = heavy.sorted { ($0.bytes, $1.path) > ($1.bytes, $0.path) }
        view.secretFiles = findings.filter { $0.kind.isPathBased && $0.kind != .secretsFolder }.map {
            .init(path: $0.path.description, kind: $0.kind.description, isLikely: $0.confidence >= .medium,
                  isEnvironmentFile: $0.kind == .dotenvFile)
        }
        if let ignoreFileError {
            switch ignoreFileError {
            case let .invalidPattern(pattern, line, problem, _):
                view.ignoreFileProblems = [.init(line: line, pattern: pattern, message: problem.description)]
            case let .ignoreFileLineTooLong(_, line, length):
                view.ignoreFileProblems = [.init(line: line, pattern: "",
                                                 message: "the line is \(length) bytes long, more than BuildKit reads (65,535)")]
            default:
                break
            }
        }
        view.matchesPatterns = { patterns, path in
            guard let matcher = try? IgnoreMatcher(patterns: patterns.map { IgnorePattern($0) }, policy: .dropInvalid) else { return false }
            return (try? matcher.isExcluded(path)) ?? false
        }
        view.unreadableDirectories = warnings.filter { $0.kind == .unreadableDirectory && $0.failsBuild }.map(\.path.description)
    }
}

/// Every file under a folder, listed on first use (only some rules need files the ignore
/// file excludes).
final class FileListing: @unchecked Sendable {
    private let root: String
    private let lock = NSLock()
    private var cached: [String]?

    init(root: String) { self.root = root }

    var files: [String] {
        lock.lock()
        defer { lock.unlock() }
        if let cached { return cached }
        var result: [String] = []
        Self.list(root, relative: "", into: &result)
        cached = result.sorted()
        return cached!
    }

    /// Appends every entry below `folder` that is not a directory (files, symlinks, whatever
    /// else), as paths relative to the root, descending into real directories only (not into
    /// symlinks to them) and skipping folders that cannot be read — what `FileManager`'s
    /// enumerator yields, read with `readdir` instead of a URL and a stat per entry.
    private static func list(_ folder: String, relative: String, into result: inout [String]) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let path = folder + "/" + name
            let shown = relative.isEmpty ? name : relative + "/" + name
            var isDirectory = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                var info = stat()
                isDirectory = lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            if isDirectory {
                list(path, relative: shown, into: &result)
            } else {
                result.append(shown)
            }
        }
    }
}

/// One context walk per folder and ignore file, however many Dockerfiles share them.
actor ContextViewCache {
    static let shared = ContextViewCache()
    private var views: [String: Task<BuildContextView?, Never>] = [:]

    func view(for key: String, make: @escaping @Sendable () async -> BuildContextView?) async -> BuildContextView? {
        if let task = views[key] { return await task.value }
        let task = Task { await make() }
        views[key] = task
        return await task.value
    }
}
