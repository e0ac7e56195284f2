import HullCore
import HullDockerfile
import HullLint

/// The image that ships copies the whole build context.
public struct CopyWholeContextRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF010", name: "copy-whole-context",
        summary: "The image that ships copies the whole build context.",
        rationale: """
        `COPY . .` puts everything the build context holds into the image: `.git`, local `node_modules`, \
        test data, editor folders and, all too often, `.env` files with real credentials. The image grows, \
        and anything sensitive is readable by whoever pulls it. Copy the paths the application needs \
        (`COPY package*.json ./` then `COPY src/ ./src/`), or keep a `.dockerignore` that excludes the \
        rest. `COPY *` is no better and has a trap of its own: each top-level folder's contents land \
        directly in the destination, not in a folder of the same name. Only the stage that ships and the \
        stages it is built on are judged; a builder stage that copies everything and hands over selected \
        artifacts with `COPY --from` is fine. When Hull knows the build context and it has a \
        `.dockerignore`, or the instruction narrows itself with `--exclude`, the rule stays silent: the \
        content is curated, and whether the ignore file is good enough is the build-context rules' job. \
        Where `COPY . .` sits relative to dependency installs is a layer-cache question, also handled \
        elsewhere.
        """,
        category: .size, defaultSeverity: .info,
        examples: [
            .passing("FROM node:20-alpine\nCOPY package*.json ./\nRUN npm ci\nCOPY src/ ./src/\n"),
            .passing("FROM node:20 AS build\nCOPY . .\nRUN npm ci && npm run build\nFROM nginx:1.27-alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\n"),
            .passing("FROM node:20-alpine\nCOPY . .\n", ignore: "node_modules\n.git\n.env\n"),
            .passing("FROM node:20-alpine\nCOPY --exclude=.git --exclude=node_modules . .\n"),
            .failing("FROM node:20-alpine\nWORKDIR /app\nCOPY ⟦.⟧ .\n"),
            .failing("FROM python:3.12-slim\nCOPY ⟦*⟧ /app/\n"),
            .failing("FROM node:20-alpine AS base\nADD ⟦./⟧ /app\nFROM base\nCMD [\"node\", \"/app/index.js\"]\n"),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        if let context = input.context, context.ignoreFile != nil { return }
        for instruction in input.targetImageInstructions {
            let copy: CopyInstruction
            switch instruction.payload {
            case .copy(let payload) where payload.from == nil: copy = payload
            case .add(let payload): copy = payload
            default: continue
            }
            guard copy.excludes.isEmpty else { continue }
            for source in copy.contextSources {
                let expansion = input.expand(source.text, at: instruction.index)
                guard expansion.isResolved else { continue }
                let normalized = BuildContextView.normalize(expansion.value)
                let missingIgnore = input.context != nil ? " (and there is no `.dockerignore`)" : ""
                if normalized.isEmpty {
                    sink.report(source.range, "`\(source.text)` copies the whole build context into the image\(missingIgnore); copy the paths the application needs, or keep a `.dockerignore` that leaves the rest out")
                } else if normalized.allSatisfy({ $0 == "*" }) {
                    sink.report(source.range, "`\(source.text)` copies every top-level entry of the build context, spilling each folder's contents into the destination\(missingIgnore); copy the paths the application needs")
                }
            }
        }
    }
}
