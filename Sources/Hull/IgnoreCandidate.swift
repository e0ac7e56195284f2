/// One line `hull ignore` may add to a `.dockerignore`, with why it belongs there.
struct IgnoreCandidate: Hashable, Sendable {
    /// The themed groups lines are written in, in file order.
    enum Group: Int, CaseIterable, Hashable, Sendable, Comparable {
        case versionControl, secrets, dependencies, buildOutput, caches, editorAndOS, logs, coverage

        /// The comment above the group's lines.
        var title: String {
            switch self {
            case .versionControl: "Version control: history the build never needs"
            case .secrets: "Secrets: keep them out of the builder and out of every layer"
            case .dependencies: "Dependencies: install them inside the image"
            case .buildOutput: "Build output: build it inside the image"
            case .caches: "Tool caches"
            case .editorAndOS: "Editor and OS files"
            case .logs: "Logs"
            case .coverage: "Test coverage"
            }
        }

        static func < (lhs: Group, rhs: Group) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// A step that recreates a folder inside the image, so the local copy is not needed.
    enum Regeneration: String, Hashable, Sendable {
        case nodeInstall, nodeBuild, pythonBuild, maven, gradle, bundler, cargo, composer, dotnet

        /// What the step is, for messages.
        var description: String {
            switch self {
            case .nodeInstall: "installs node dependencies (`RUN npm ci`)"
            case .nodeBuild: "builds the node project (`RUN npm run build`)"
            case .pythonBuild: "builds the Python package (`RUN pip install .`)"
            case .maven: "runs Maven (`RUN mvn package`)"
            case .gradle: "runs Gradle (`RUN gradle build`)"
            case .bundler: "installs gems (`RUN bundle install`)"
            case .cargo: "runs Cargo (`RUN cargo build`)"
            case .composer: "installs Composer packages (`RUN composer install`)"
            case .dotnet: "runs `dotnet build` or `dotnet publish`"
            }
        }

        /// Regular expressions over a `RUN` instruction's text that show the step.
        var expressions: [String] {
            switch self {
            case .nodeInstall: [#"\bnpm\s+(ci|install|i)\b"#, #"\byarn(\s+install)?\s*($|&&|;|\||-)"#, #"\bpnpm\s+(install|i)\b"#, #"\bbun\s+install\b"#]
            case .nodeBuild: [#"\bnpm\s+run\b"#, #"\byarn\s+(run\s+)?build\b"#, #"\bpnpm\s+(run\s+)?build\b"#, #"\bnpx\b"#, #"\btsc\b"#, #"\bbun\s+(run|build)\b"#]
            case .pythonBuild: [#"\bpip3?\s+install\s+(-e\s+)?\."#, #"\bpython3?\s+(-m\s+build|setup\.py)"#, #"\bpoetry\s+(build|install)\b"#, #"\buv\s+(build|sync)\b"#]
            case .maven: [#"\bmvnw?\b"#, #"\./mvnw\b"#]
            case .gradle: [#"\bgradlew?\b"#, #"\./gradlew\b"#]
            case .bundler: [#"\bbundle\s+install\b"#]
            case .cargo: [#"\bcargo\s+(build|install|test)\b"#]
            case .composer: [#"\bcomposer\s+(install|update)\b"#]
            case .dotnet: [#"\bdotnet\s+(build|publish|restore)\b"#]
            }
        }
    }

    /// The pattern as written.
    var pattern: String
    /// Where it is written.
    var group: Group
    /// The ecosystem it serves, if any.
    var ecosystem: Ecosystem?
    /// Steps that recreate the folder in the image; when a broad `COPY` takes the folder in, one
    /// of them must run before the local copy may be left out.
    var regeneratedBy: [Regeneration]

    init(_ pattern: String, _ group: Group, _ ecosystem: Ecosystem? = nil, regeneratedBy: Regeneration? = nil) {
        self.pattern = pattern
        self.group = group
        self.ecosystem = ecosystem
        self.regeneratedBy = regeneratedBy.map { [$0] } ?? []
    }

    /// The folder or file name the pattern targets (`node_modules` for `**/node_modules`).
    var targetName: String {
        var text = pattern
        if text.hasPrefix("!") { text.removeFirst() }
        if text.hasPrefix("**/") { text.removeFirst(3) }
        return text
    }

    /// Whether the line is a `!` exception.
    var isException: Bool { pattern.hasPrefix("!") }

    /// The comparison key: patterns that differ only by a leading `/`, `**/` or trailing `/`
    /// count as the same line.
    static func key(_ pattern: String) -> String {
        var text = pattern.trimmingCharacters(in: .whitespaces)
        var prefix = ""
        if text.hasPrefix("!") { prefix = "!"; text.removeFirst() }
        while text.hasPrefix("/") { text.removeFirst() }
        if text.hasPrefix("**/") { text.removeFirst(3) }
        while text.hasSuffix("/") && text.count > 1 { text.removeLast() }
        return prefix + text
    }

    /// The lines every context gets.
    static let common: [IgnoreCandidate] = [
        .init(".git", .versionControl), .init(".hg", .versionControl), .init(".svn", .versionControl),
        .init("**/.env", .secrets), .init("**/.env.*", .secrets), .init("!.env.example", .secrets),
        .init("**/*.pem", .secrets), .init("**/*.key", .secrets), .init("**/*.p12", .secrets), .init("**/*.pfx", .secrets),
        .init("**/id_rsa*", .secrets), .init("**/id_dsa*", .secrets), .init("**/id_ecdsa*", .secrets), .init("**/id_ed25519*", .secrets),
        .init("**/.ssh", .secrets), .init("**/.aws", .secrets), .init("**/.netrc", .secrets), .init("**/.git-credentials", .secrets),
        .init("**/*.tfstate", .secrets), .init("**/*.tfstate.*", .secrets),
        .init(".cache", .caches),
        .init(".idea", .editorAndOS), .init(".vscode", .editorAndOS), .init("**/*.swp", .editorAndOS),
        .init("**/.DS_Store", .editorAndOS), .init("**/Thumbs.db", .editorAndOS),
        .init("**/*.log", .logs),
        .init("coverage", .coverage),
    ]

    /// The lines for one ecosystem.
    static func lines(for ecosystem: Ecosystem) -> [IgnoreCandidate] {
        switch ecosystem {
        case .node:
            return [
                .init("**/node_modules", .dependencies, .node, regeneratedBy: .nodeInstall),
                .init("**/.npmrc", .secrets, .node),
                .init("dist", .buildOutput, .node, regeneratedBy: .nodeBuild),
                .init("build", .buildOutput, .node, regeneratedBy: .nodeBuild),
                .init(".next", .buildOutput, .node, regeneratedBy: .nodeBuild),
                .init(".nuxt", .buildOutput, .node, regeneratedBy: .nodeBuild),
                .init(".svelte-kit", .buildOutput, .node, regeneratedBy: .nodeBuild),
                .init(".npm", .caches, .node), .init(".parcel-cache", .caches, .node), .init(".turbo", .caches, .node),
                .init("**/.eslintcache", .caches, .node),
                .init("**/npm-debug.log*", .logs, .node), .init("**/yarn-debug.log*", .logs, .node),
                .init("**/yarn-error.log*", .logs, .node),
                .init(".nyc_output", .coverage, .node),
            ]
        case .python:
            return [
                .init(".venv", .dependencies, .python), .init("venv", .dependencies, .python),
                .init("**/__pycache__", .dependencies, .python), .init("**/*.py[cod]", .dependencies, .python),
                .init("**/.pypirc", .secrets, .python),
                .init("**/*.egg-info", .buildOutput, .python, regeneratedBy: .pythonBuild),
                .init("build", .buildOutput, .python, regeneratedBy: .pythonBuild),
                .init("dist", .buildOutput, .python, regeneratedBy: .pythonBuild),
                .init(".pytest_cache", .caches, .python), .init(".mypy_cache", .caches, .python),
                .init(".ruff_cache", .caches, .python), .init(".tox", .caches, .python), .init(".nox", .caches, .python),
                .init("htmlcov", .coverage, .python), .init(".coverage", .coverage, .python), .init("coverage.xml", .coverage, .python),
            ]
        case .go:
            return [.init("**/*.test", .buildOutput, .go), .init("coverage.out", .coverage, .go)]
        case .java:
            return [
                .init("target", .buildOutput, .java, regeneratedBy: .maven),
                .init("build", .buildOutput, .java, regeneratedBy: .gradle),
                .init(".gradle", .caches, .java),
                .init("**/*.class", .buildOutput, .java, regeneratedBy: .maven),
                .init("**/*.class", .buildOutput, .java, regeneratedBy: .gradle),
            ]
        case .ruby:
            return [
                .init(".bundle", .dependencies, .ruby, regeneratedBy: .bundler),
                .init("vendor/bundle", .dependencies, .ruby, regeneratedBy: .bundler),
            ]
        case .rust:
            return [.init("target", .buildOutput, .rust, regeneratedBy: .cargo)]
        case .php:
            return [.init("vendor", .dependencies, .php, regeneratedBy: .composer), .init(".phpunit.result.cache", .caches, .php)]
        case .dotnet:
            return [
                .init("**/bin", .buildOutput, .dotnet, regeneratedBy: .dotnet),
                .init("**/obj", .buildOutput, .dotnet, regeneratedBy: .dotnet),
            ]
        }
    }
}
