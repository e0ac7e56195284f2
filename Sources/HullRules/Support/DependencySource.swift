import HullDockerfile
import HullLint

/// How much of the build context one COPY or ADD source takes.
enum DependencySource: Equatable {
    /// The whole context: `.`, `./`, `*`.
    case wholeContext
    /// A folder or a folder's contents (`src`, `app/`, `lib/*`): source code that changes often.
    case folder(String)
    /// Manifests only (`package*.json`, `requirements.txt`, `gradle/`).
    case manifests
    /// Some other file or pattern (`tsconfig.json`, `*.py`, `$SRC`), not judged.
    case other

    /// Classifies a source as written; `context`, when known, tells folders from files.
    init(_ written: String, context: BuildContextView?) {
        var path = written
        while path.hasPrefix("./") { path.removeFirst(2) }
        let isFolderSyntax = path.hasSuffix("/")
        while path.hasSuffix("/") { path.removeLast() }
        if path.hasPrefix("/") { path.removeFirst() }
        if path.isEmpty || path == "." || path == "*" || path == "**" {
            self = .wholeContext
            return
        }
        let last = path.split(separator: "/").last.map(String.init) ?? path
        if path.contains("$") {
            self = .other
            return
        }
        if DependencyEcosystem.isManifest(last) {
            self = .manifests
            return
        }
        if ContextPathPattern.hasWildcards(path) {
            self = last == "*" || last == "**" ? .folder(path) : .other
            return
        }
        if let context {
            let normalized = BuildContextView.normalize(path)
            if context.files.contains(normalized) {
                self = .other
                return
            }
            if context.contains(normalized) {
                self = .folder(path)
                return
            }
        }
        if isFolderSyntax || (!last.contains(".") && !Self.extensionlessFiles.contains(last)) {
            self = .folder(path)
            return
        }
        self = .other
    }

    /// Whether the source brings in source code that changes often.
    var isBroad: Bool {
        switch self {
        case .wholeContext, .folder: true
        case .manifests, .other: false
        }
    }

    /// Files commonly written without an extension, which are not folders.
    static let extensionlessFiles: Set<String> = [
        "Makefile", "Dockerfile", "Containerfile", "LICENSE", "LICENCE", "README", "VERSION", "Procfile", "Gemfile",
        "Pipfile", "Rakefile", "Vagrantfile", "Justfile", "Brewfile", "gradlew", "mvnw", "NOTICE", "AUTHORS", "CHANGELOG",
    ]

    /// The context sources of a COPY or ADD that reads the build context (no `--from`, no URL
    /// or git source, no heredoc).
    static func contextSources(of instruction: Instruction) -> [Word] {
        let copy: CopyInstruction
        switch instruction.payload {
        case .copy(let payload):
            guard payload.from == nil else { return [] }
            copy = payload
        case .add(let payload):
            copy = payload
        default:
            return []
        }
        return copy.contextSources.filter { word in
            let text = word.text
            return !text.contains("://") && !text.hasPrefix("git@")
        }
    }

    /// Whether a source as written would bring a file called `name` (at the top of the context,
    /// or, for a folder, inside it) into the image.
    static func mayInclude(_ written: String, name: String, context: BuildContextView?) -> Bool {
        switch DependencySource(written, context: context) {
        case .wholeContext:
            return true
        case .folder(let path):
            guard let context else { return false }
            return context.contains(path + "/" + name)
        case .manifests, .other:
            var path = written
            while path.hasSuffix("/") { path.removeLast() }
            let last = path.split(separator: "/").last.map(String.init) ?? path
            return last == name || (ContextPathPattern.hasWildcards(last) && ContextPathPattern(last).matches(name))
        }
    }
}
