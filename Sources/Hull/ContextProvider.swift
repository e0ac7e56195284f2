import Foundation
import HullContext
import HullLint

/// Builds the build-context view rules see for a Dockerfile. The folder the Dockerfile sits
/// in is taken as the context, as `docker build -f DIR/Dockerfile DIR` would use it; the
/// ignore file that applies (`<Dockerfile>.dockerignore` or `.dockerignore`) decides what is
/// sent, exactly as BuildKit decides it.
enum ContextProvider {
    /// Nil for standard input, or when the folder cannot be walked.
    static func view(forDockerfile path: String) async -> BuildContextView? {
        guard path != "-" else { return nil }
        let folder = (path as NSString).deletingLastPathComponent
        let root = folder.isEmpty ? "." : folder
        guard let analysis = try? await BuildContext.analyze(root: root, dockerfile: path, options: .lint) else { return nil }
        let sent = analysis.entries.filter { $0.kind != .directory }.map(\.path.description)
        let matcher = analysis.matcher
        let everything = FileListing(root: root)
        return BuildContextView(
            sentFiles: sent,
            ignoreFile: analysis.ignoreFileChoice.path.map { ($0 as NSString).lastPathComponent },
            allFiles: { everything.files },
            exists: { relative in
                var isDirectory: ObjCBool = false
                return FileManager.default.fileExists(atPath: relative.isEmpty ? root : root + "/" + relative, isDirectory: &isDirectory)
            },
            isExcluded: { relative in (try? matcher?.isExcluded(relative)) ?? false })
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
        let base = URL(fileURLWithPath: root)
        if let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isDirectoryKey], options: []) {
            let prefix = base.standardizedFileURL.path + "/"
            for case let url as URL in enumerator {
                guard (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) != true else { continue }
                let full = url.standardizedFileURL.path
                result.append(full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : full)
            }
        }
        cached = result.sorted()
        return cached!
    }
}
