import HullCore
import HullDockerfile
import HullLint

/// No ignore file while the context holds heavy folders or secrets.
public struct MissingDockerignoreRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "CX001", name: "missing-dockerignore",
        summary: "The build context has no `.dockerignore` although it holds heavy folders or secret files.",
        rationale: """
        Without an ignore file, everything in the context folder can reach the builder: the `.git` history, a \
        local `node_modules` or virtualenv, tool caches, and files such as `.env` or private keys. The classic \
        builder uploads all of it on every build; BuildKit uploads what the Dockerfile names, which is \
        everything as soon as a stage copies `.`. Builds get slower, the layer cache is invalidated by files \
        the image never needed, and whatever a broad `COPY` takes in (secrets included) ends up in a layer \
        anyone with the image can read. Add a `.dockerignore` that leaves them out; `hull ignore --write` \
        writes one that keeps everything the Dockerfile's `COPY` and `ADD` sources need. The finding points at \
        the source that takes the files in; when no source does, it points at the first instruction with \
        severity info (BuildKit skips them for this Dockerfile, the classic builder does not). Folders a \
        `COPY` names explicitly (a vendored `vendor/`) are not held against the context.
        """,
        category: .size, defaultSeverity: .warning,
        examples: [
            .passing("FROM node:20-alpine\nCOPY . .\n", files: ["node_modules/express/index.js", ".env", "src/index.js"],
                     ignore: "node_modules\n.env\n"),
            .passing("FROM node:20-alpine\nCOPY . .\n", files: ["package.json", "src/index.js"]),
            .passing("FROM golang:1.23\nCOPY vendor/ ./vendor/\nCOPY main.go .\n", files: ["vendor/modules.txt", "main.go"]),
            .failing("FROM node:20-alpine\nWORKDIR /app\nCOPY ⟦.⟧ .\n", files: ["node_modules/express/index.js", ".git/HEAD", "src/index.js"]),
            .failing("FROM node:20-alpine\nCOPY ⟦src⟧ ./src\n", files: ["src/index.js", "src/.env"]),
            .failing("↓FROM python:3.12-slim\nCOPY app.py .\n", files: ["app.py", ".venv/bin/python", "id_rsa"]),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        guard let context = input.context, context.ignoreFile == nil else { return }
        let sources = input.contextSources
        let heavy = context.heavyFolders.filter { folder in !sources.contains { $0.names(folder.path) } }
        let secrets = context.secretFiles.filter { secret in secret.isLikely && !sources.contains { $0.names(secret.path) } }
        guard !heavy.isEmpty || !secrets.isEmpty else { return }
        let items = heavy.map(ContextFindings.describe) + secrets.map { "`\($0.path)` (\($0.kind))" }
        guard let place = input.contextFindingPlace(for: heavy.map(\.path) + secrets.map(\.path), rule: Self.description,
                                                    fallbackSeverity: .info) else { return }
        let taken = place.source.map { "`\($0.word.text)` takes in" } ?? "the context holds"
        sink.report(place.range,
                    "there is no `.dockerignore`, and \(taken) \(ContextFindings.list(items)); add one (`hull ignore --write` writes it)",
                    notes: ["Everything a `.dockerignore` does not exclude can be sent to the builder and copied into layers."],
                    severity: place.severity)
    }
}
