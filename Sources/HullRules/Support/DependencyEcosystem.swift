/// A language ecosystem whose dependency install reads only a few manifest files.
enum DependencyEcosystem: String, Sendable, Hashable, CaseIterable {
    case npm, yarn, pnpm, pip, poetry, uv, pipenv, bundler, go, cargo, composer, maven, gradle

    /// The files the install may read, at the top of the project, in the order a COPY lists them.
    var manifestFiles: [String] {
        switch self {
        case .npm: ["package.json", "package-lock.json", "npm-shrinkwrap.json", ".npmrc"]
        case .yarn: ["package.json", "yarn.lock", ".yarnrc", ".yarnrc.yml", ".npmrc"]
        case .pnpm: ["package.json", "pnpm-lock.yaml", "pnpm-workspace.yaml", ".npmrc", ".pnpmfile.cjs"]
        case .pip: []
        case .poetry: ["pyproject.toml", "poetry.lock", "poetry.toml"]
        case .uv: ["pyproject.toml", "uv.lock", ".python-version"]
        case .pipenv: ["Pipfile", "Pipfile.lock"]
        case .bundler: ["Gemfile", "Gemfile.lock"]
        case .go: ["go.mod", "go.sum", "go.work", "go.work.sum"]
        case .cargo: ["Cargo.toml", "Cargo.lock"]
        case .composer: ["composer.json", "composer.lock"]
        case .maven: ["pom.xml", "mvnw"]
        case .gradle: ["build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts", "gradle.properties", "gradlew"]
        }
    }

    /// Folders the install may read (the build wrappers' and Yarn's own files).
    var manifestFolders: [String] {
        switch self {
        case .yarn: [".yarn"]
        case .maven: [".mvn"]
        case .gradle: ["gradle"]
        default: []
        }
    }

    /// What to copy when the build context is unknown: the ecosystem's usual manifests.
    var usualManifests: [String] {
        switch self {
        case .npm: ["package*.json"]
        case .yarn: ["package.json", "yarn.lock"]
        case .pnpm: ["package.json", "pnpm-lock.yaml"]
        case .pip: []
        case .poetry: ["pyproject.toml", "poetry.lock"]
        case .uv: ["pyproject.toml", "uv.lock"]
        case .pipenv: ["Pipfile", "Pipfile.lock"]
        case .bundler: ["Gemfile", "Gemfile.lock"]
        case .go: ["go.mod", "go.sum"]
        case .cargo: ["Cargo.toml", "Cargo.lock"]
        case .composer: ["composer.json", "composer.lock"]
        case .maven: ["pom.xml"]
        case .gradle: ["build.gradle*", "settings.gradle*"]
        }
    }

    /// The lockfiles a frozen install needs (any one of them).
    var lockfiles: [String] {
        switch self {
        case .npm: ["package-lock.json", "npm-shrinkwrap.json"]
        case .yarn: ["yarn.lock"]
        case .pnpm: ["pnpm-lock.yaml"]
        case .poetry: ["poetry.lock"]
        case .uv: ["uv.lock"]
        case .pipenv: ["Pipfile.lock"]
        case .bundler: ["Gemfile.lock"]
        case .go: ["go.sum"]
        case .cargo: ["Cargo.lock"]
        case .composer: ["composer.lock"]
        case .pip, .maven, .gradle: []
        }
    }

    /// File-name patterns that are manifests of some ecosystem, beyond the exact names.
    static let manifestPatterns = ["package*.json", "requirements*.txt", "constraints*.txt", "*.gemspec", "build.gradle*", "settings.gradle*"]

    /// Folder names that hold only manifests.
    static let manifestFolderNames: Set<String> = Set(allCases.flatMap(\.manifestFolders) + ["requirements", "patches"])

    /// Every exact manifest name.
    static let manifestNames: Set<String> = Set(allCases.flatMap(\.manifestFiles))

    /// Whether a file or folder name (possibly a glob) names manifests only: `package*.json`,
    /// `requirements.txt`, `gradle/`. A glob counts when it matches some manifest name, so
    /// `*.json` does too: it copies configuration, not source.
    static func isManifest(_ name: String) -> Bool {
        if manifestNames.contains(name) || manifestFolderNames.contains(name) { return true }
        if manifestPatterns.contains(where: { ContextPathPattern($0).matches(name) || $0 == name }) { return true }
        if ContextPathPattern.hasWildcards(name) {
            return manifestNames.contains { ContextPathPattern(name).matches($0) }
        }
        return false
    }
}
