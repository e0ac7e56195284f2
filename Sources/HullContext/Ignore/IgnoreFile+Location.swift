import Foundation

extension IgnoreFile {
    /// The default Dockerfile name.
    public static let defaultDockerfileName = "Dockerfile"
    /// The context-root ignore file name.
    public static let defaultName = ".dockerignore"

    /// Which ignore file applies when building `contextDirectory` with `dockerfile` (the
    /// `-f` path; `nil` means `<context>/Dockerfile`). Paths are used as given: resolve a
    /// relative `-f` against the current directory, as `docker build` does, before calling.
    public static func applicable(contextDirectory: String, dockerfile: String? = nil) -> IgnoreFileChoice {
        let requested = dockerfile ?? join(contextDirectory, defaultDockerfileName)
        let directory = (requested as NSString).deletingLastPathComponent
        let name = (requested as NSString).lastPathComponent
        var found: String?
        if isFile(requested) {
            found = requested
        } else if name == defaultDockerfileName {
            let lowercase = join(directory, defaultDockerfileName.lowercased())
            if isFile(lowercase) { found = lowercase }
        }
        let specific = join(directory, name + defaultName)
        let root = join(contextDirectory, defaultName)
        let rootExists = isFile(root)
        if isFile(specific) {
            return IgnoreFileChoice(source: .dockerfileSpecific, path: specific, dockerfile: found,
                                    replacedRootIgnoreFile: rootExists && !samePath(root, specific) ? root : nil,
                                    candidates: [specific, root])
        }
        if rootExists {
            return IgnoreFileChoice(source: .contextRoot, path: root, dockerfile: found, replacedRootIgnoreFile: nil,
                                    candidates: [specific, root])
        }
        return IgnoreFileChoice(source: .none, path: nil, dockerfile: found, replacedRootIgnoreFile: nil,
                                candidates: [specific, root])
    }

    private static func join(_ directory: String, _ name: String) -> String {
        directory.isEmpty ? name : (directory as NSString).appendingPathComponent(name)
    }

    private static func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    private static func samePath(_ a: String, _ b: String) -> Bool {
        (a as NSString).standardizingPath == (b as NSString).standardizingPath
    }
}
