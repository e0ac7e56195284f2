import HullCore
import HullDockerfile
import HullLint

/// An ignore file that still lets `node_modules`, version control or `.env` files through.
public struct IncompleteDockerignoreRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "CX002", name: "incomplete-dockerignore",
        summary: "The `.dockerignore` still sends `node_modules`, version-control folders or `.env` files.",
        rationale: """
        An ignore file is there to keep the build context small and clean, and these three are the usual \
        leaks: a local `node_modules` (or virtualenv) is large, built for the host rather than the image, and \
        should be installed inside the image; `.git` holds the whole history and changes on every commit, \
        which invalidates the layer cache of a broad `COPY`; `.env` files hold credentials that a `COPY . .` \
        bakes into a layer. Patterns are anchored at the context root, so `node_modules` does not exclude \
        `packages/api/node_modules`; write `**/node_modules`. The finding points at the source that takes the \
        files in, or at the first instruction with severity info when none does. Paths a `COPY` names \
        explicitly are not held against the ignore file.
        """,
        category: .size, defaultSeverity: .warning,
        examples: [
            .passing("FROM node:20-alpine\nCOPY . .\n", files: ["node_modules/x/index.js", ".git/HEAD", ".env", "index.js"],
                     ignore: "**/node_modules\n.git\n**/.env\n"),
            .passing("FROM node:20-alpine\nCOPY . .\n", files: [".env.example", "index.js"], ignore: "*.log\n"),
            .failing("FROM node:20-alpine\nCOPY ⟦.⟧ .\n", files: ["packages/api/node_modules/x/index.js", "packages/api/index.js"],
                     ignore: "node_modules\n"),
            .failing("FROM node:20-alpine\nCOPY ⟦.⟧ /app\n", files: [".git/HEAD", ".env.production", "index.js"], ignore: "*.log\n"),
            .failing("↓FROM node:20-alpine\nCOPY index.js .\n", files: [".git/HEAD", "index.js"], ignore: "*.log\n"),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        guard let context = input.context, let ignoreFile = context.ignoreFile else { return }
        let sources = input.contextSources
        let folders = context.heavyFolders.filter { folder in
            (folder.kind == .versionControl || ["node_modules", ".venv", "venv"].contains(String(folder.name)))
                && !sources.contains { $0.names(folder.path) }
        }
        let environment = context.secretFiles.filter { secret in secret.isEnvironmentFile && !sources.contains { $0.names(secret.path) } }
        guard !folders.isEmpty || !environment.isEmpty else { return }
        let items = folders.map(ContextFindings.describe) + environment.map { "`\($0.path)`" }
        guard let place = input.contextFindingPlace(for: folders.map(\.path) + environment.map(\.path), rule: Self.description,
                                                    fallbackSeverity: .info) else { return }
        sink.report(place.range, "`\(ignoreFile)` still sends \(ContextFindings.list(items)); exclude them (`**/` matches at any depth)",
                    severity: place.severity)
    }
}
