import Foundation

/// The real-world Dockerfile corpus in `shared/corpus`, read at run time.
public enum Corpus {
    /// One corpus file.
    public struct Entry: Sendable {
        /// The path relative to `shared/corpus`.
        public var relativePath: String
        /// The absolute path.
        public var url: URL
    }

    /// The Dockerfiles listed in `MANIFEST.tsv` (kind `dockerfile`), in manifest order; empty when absent.
    public static let dockerfiles: [Entry] = entries(kind: "dockerfile")

    /// The `.dockerignore` files listed in the manifest.
    public static let ignoreFiles: [Entry] = entries(kind: "dockerignore")

    private static func entries(kind: String) -> [Entry] {
        guard let root = SharedData.root?.appendingPathComponent("corpus"),
              let manifest = try? String(contentsOf: root.appendingPathComponent("MANIFEST.tsv"), encoding: .utf8) else { return [] }
        var result: [Entry] = []
        for line in manifest.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 5, fields[4] == kind else { continue }
            let relative = String(fields[3])
            result.append(Entry(relativePath: relative, url: root.appendingPathComponent(relative)))
        }
        return result
    }
}
