import Foundation

/// A language ecosystem `hull ignore` recognises by its manifest files.
public enum Ecosystem: String, CaseIterable, Hashable, Sendable, Codable, Comparable {
    case node, python, go, java, ruby, rust, php, dotnet

    /// Whether `name` is one of the ecosystem's manifests.
    func isManifest(_ name: String) -> Bool {
        switch self {
        case .node: name == "package.json"
        case .python: ["pyproject.toml", "setup.py", "setup.cfg", "Pipfile", "poetry.lock"].contains(name)
            || (name.hasPrefix("requirements") && name.hasSuffix(".txt"))
        case .go: name == "go.mod"
        case .java: ["pom.xml", "build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts"].contains(name)
        case .ruby: name == "Gemfile"
        case .rust: name == "Cargo.toml"
        case .php: name == "composer.json"
        case .dotnet: name.hasSuffix(".csproj") || name.hasSuffix(".fsproj") || name.hasSuffix(".vbproj")
            || name.hasSuffix(".sln") || name == "global.json"
        }
    }

    public static func < (lhs: Ecosystem, rhs: Ecosystem) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A shallow look at a context folder: which ecosystems its manifests announce, and where
/// folders and files that often stay out of builds sit.
struct ContextSurvey: Sendable {
    /// Ecosystems found, with the manifests that announced them.
    var ecosystems: [Ecosystem: [String]] = [:]
    /// Context-relative paths of every folder and file seen, down to ``depthLimit``.
    var paths: Set<String> = []
    /// Names of the entries at the context root.
    var rootNames: Set<String> = []

    /// How many folder levels are looked at.
    static let depthLimit = 3
    /// Folders whose contents are never looked into (they hold no first-party manifests).
    static let opaqueFolders: Set<String> = [
        "node_modules", ".git", ".hg", ".svn", "vendor", ".venv", "venv", "target", "dist", "build", "out",
        "__pycache__", "bin", "obj", ".gradle", ".next", ".nuxt", ".cache", ".terraform", "coverage", ".tox", "Pods",
    ]

    /// Surveys `root`.
    init(root: String) {
        let manager = FileManager.default
        var queue: [(String, Int)] = [("", 0)]
        while !queue.isEmpty {
            let (relative, depth) = queue.removeFirst()
            let folder = relative.isEmpty ? root : root + "/" + relative
            guard let names = try? manager.contentsOfDirectory(atPath: folder) else { continue }
            for name in names.sorted() {
                let path = relative.isEmpty ? name : relative + "/" + name
                paths.insert(path)
                if relative.isEmpty { rootNames.insert(name) }
                var isDirectory: ObjCBool = false
                let full = folder + "/" + name
                let attributes = try? manager.attributesOfItem(atPath: full)
                let isLink = attributes?[.type] as? FileAttributeType == .typeSymbolicLink
                guard manager.fileExists(atPath: full, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue && !isLink {
                    if depth + 1 < Self.depthLimit && !Self.opaqueFolders.contains(name) && !name.hasPrefix(".") {
                        queue.append((path, depth + 1))
                    }
                    continue
                }
                for ecosystem in Ecosystem.allCases where ecosystem.isManifest(name) {
                    ecosystems[ecosystem, default: []].append(path)
                }
            }
        }
    }

    /// The surveyed paths whose last component is `name`.
    func paths(named name: String) -> [String] {
        paths.filter { $0 == name || $0.hasSuffix("/" + name) }.sorted()
    }
}
