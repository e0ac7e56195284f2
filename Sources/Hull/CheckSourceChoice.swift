import Foundation
import HullCache

/// Picks the source file whose edit `hull check` models in its "rebuild on a source change" row:
/// a file the build sends (with the proposed ignore file), that is not a dependency manifest, a
/// lock file, a Dockerfile, an ignore file or a secret, and that the Dockerfile copies. Files
/// with content come first, then source code (by extension), then shallower paths, then the
/// path's byte order, so the
/// same tree always gives the same file.
enum CheckSourceChoice {
    /// Manifests and lock files: editing them is a dependency change, not a source change.
    static let manifests: Set<String> = [
        "package.json", "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", ".npmrc", ".yarnrc", ".yarnrc.yml",
        "requirements.txt", "requirements-dev.txt", "constraints.txt", "pyproject.toml", "poetry.lock", "uv.lock", "pipfile", "pipfile.lock",
        "setup.py", "setup.cfg", "go.mod", "go.sum", "go.work", "go.work.sum", "gemfile", "gemfile.lock", "cargo.toml", "cargo.lock",
        "composer.json", "composer.lock", "pom.xml", "build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts",
        "gradle.properties", "package.swift", "package.resolved",
    ]

    /// Extensions of source code.
    static let sourceExtensions: Set<String> = [
        "js", "mjs", "cjs", "ts", "tsx", "jsx", "py", "go", "rb", "java", "kt", "scala", "rs", "php", "cs", "fs", "swift",
        "c", "cc", "cpp", "h", "hpp", "ex", "exs", "erl", "clj", "lua", "pl", "html", "css", "vue", "svelte",
    ]

    /// The sent files that may stand for "a source file", best first.
    static func candidates(_ entries: [ContextReport.Entry], secrets: Set<String>) -> [String] {
        // Empty files (`__init__.py`) say little about a real edit; they come last.
        let entries = entries.filter { $0.kind == "file" }
        let files = (entries.filter { $0.bytes > 0 } + entries.filter { $0.bytes == 0 }).map(\.path).filter { path in
            let name = (path as NSString).lastPathComponent.lowercased()
            if manifests.contains(name) || name.hasPrefix("requirements") && name.hasSuffix(".txt") { return false }
            if DockerfileDiscovery.isDockerfileName(name) || name.hasSuffix(".dockerignore") { return false }
            if name.hasPrefix(".env") || secrets.contains(path) { return false }
            return true
        }
        struct Ranked {
            var path: String
            var isEmpty: Bool
            var isSource: Bool
            var depth: Int
        }
        let empty = Set(entries.filter { $0.bytes == 0 }.map(\.path))
        let ranked = files.map { path in
            Ranked(path: path, isEmpty: empty.contains(path), isSource: sourceExtensions.contains((path as NSString).pathExtension.lowercased()),
                   depth: path.split(separator: "/").count)
        }
        let sorted = ranked.sorted { (lhs: Ranked, rhs: Ranked) -> Bool in
            if lhs.isEmpty != rhs.isEmpty { return rhs.isEmpty }
            if lhs.isSource != rhs.isSource { return lhs.isSource }
            if lhs.depth != rhs.depth { return lhs.depth < rhs.depth }
            return Array(lhs.path.utf8).lexicographicallyPrecedes(Array(rhs.path.utf8))
        }
        return sorted.map(\.path)
    }

    /// The first candidate whose edit makes some step of the first model run again (the
    /// Dockerfile as it is); when none does, the first the other models rebuild on.
    static func choose(_ candidates: [String], models: [CacheModel], limit: Int = 200) -> String? {
        for model in models {
            for candidate in candidates.prefix(limit) where model.predict(ChangeSet(paths: [candidate])).count(.rebuilt) > 0 {
                return candidate
            }
        }
        return nil
    }
}
