import Foundation

/// Finds Dockerfiles in folders the way users name them.
public enum DockerfileDiscovery {
    /// Folders never searched.
    static let skippedFolders: Set<String> = [".git", ".hg", ".svn", "node_modules", ".venv", "venv", "vendor", ".build", "target", "dist", "__pycache__", ".terraform"]

    /// Whether a file name looks like a Dockerfile: `Dockerfile`, `Containerfile`,
    /// `Dockerfile.*`, `*.Dockerfile`, `*.dockerfile`, `Containerfile.*` (not `*.dockerignore`).
    public static func isDockerfileName(_ name: String) -> Bool {
        let lower = name.lowercased()
        if lower.hasSuffix(".dockerignore") { return false }
        if lower == "dockerfile" || lower == "containerfile" { return true }
        if lower.hasPrefix("dockerfile.") || lower.hasPrefix("containerfile.") || lower.hasPrefix("dockerfile-") { return true }
        return lower.hasSuffix(".dockerfile") || lower.hasSuffix(".containerfile")
    }

    /// The Dockerfiles under `folder` (sorted, relative paths joined to `folder`), at most `limit` levels deep.
    public static func dockerfiles(in folder: String, depthLimit: Int = 8) -> [String] {
        var found: [String] = []
        var stack: [(String, Int)] = [(folder, 0)]
        let manager = FileManager.default
        while let (current, depth) = stack.popLast() {
            guard let names = try? manager.contentsOfDirectory(atPath: current) else { continue }
            for name in names.sorted() {
                let path = current == "." ? name : (current as NSString).appendingPathComponent(name)
                var isDirectory: ObjCBool = false
                guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
                let attributes = try? manager.attributesOfItem(atPath: path)
                if attributes?[.type] as? FileAttributeType == .typeSymbolicLink { continue }
                if isDirectory.boolValue {
                    if depth < depthLimit, !skippedFolders.contains(name) { stack.append((path, depth + 1)) }
                } else if isDockerfileName(name) {
                    found.append(path)
                }
            }
        }
        return found.sorted()
    }
}
