import HullCore
import HullDockerfile
import HullLint

/// A `COPY .` or folder copy that takes a secret file into the image.
public struct BroadCopyIncludesSecretRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "CX003", name: "broad-copy-includes-secret",
        summary: "A `COPY` or `ADD` of a folder takes a secret file from the context into the image.",
        rationale: """
        `COPY . .` and folder copies such as `COPY config/ ./config/` take in whatever the folder holds when \
        the image is built, including files nobody meant to ship: `.env` files with database URLs and API \
        keys, private keys, cloud and registry credentials. Once copied, the file is in a layer for good; \
        deleting it later only hides it, and anyone who can pull the image can read it. Leave such files out \
        of the context with `.dockerignore` (or out of the instruction with `--exclude`), pass build-time \
        secrets with `RUN --mount=type=secret`, and give the running container its secrets through the \
        orchestrator. The rule needs the build context; it judges the stage that ships and the stages it is \
        built on, and reports only names that are secrets on their own (not a `.pem` that may be a \
        certificate). Copies that name the file itself, or a wildcard, are `secret-file-copied`'s (DF008).
        """,
        category: .security, defaultSeverity: .error,
        examples: [
            .passing("FROM node:20-alpine\nCOPY . .\n", files: [".env", "index.js"], ignore: ".env\n"),
            .passing("FROM node:20-alpine\nCOPY --exclude=.env . .\n", files: [".env", "index.js"]),
            .passing("FROM node:20-alpine AS build\nCOPY . .\nRUN npm run build\nFROM nginx:1.27-alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\n",
                     files: [".env", "index.js"]),
            .passing("FROM node:20-alpine\nCOPY src/ ./src/\n", files: [".env", "src/index.js"]),
            .failing("FROM node:20-alpine\nWORKDIR /app\nCOPY ⟦.⟧ .\n", files: [".env", "index.js"]),
            .failing("FROM alpine:3.20\nCOPY ⟦config/⟧ /etc/app/\n", files: ["config/app.yaml", "config/tls/server.key"]),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        guard let context = input.context else { return }
        let secrets = context.secretFiles.filter(\.isLikely)
        guard !secrets.isEmpty else { return }
        let shipped = Set(input.targetImageInstructions.map(\.index))
        for source in input.contextSources where source.isCopy && shipped.contains(source.instruction.index) {
            guard source.isResolved, !source.hasWildcards, !context.sentFiles.contains(source.path) else { continue }
            let taken = secrets.filter { $0.path != source.path && source.covers($0.path, context) }
            guard !taken.isEmpty else { continue }
            let items = taken.map { "`\($0.path)` (\($0.kind))" }
            sink.report(source.word.range,
                        "`\(source.word.text)` copies \(ContextFindings.list(items)) into the image; leave \(taken.count == 1 ? "it" : "them") out with `.dockerignore` or `--exclude` and pass secrets at run time")
        }
    }
}
