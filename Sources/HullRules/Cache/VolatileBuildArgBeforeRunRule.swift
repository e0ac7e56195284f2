import HullCore
import HullDockerfile
import HullLint

/// A build arg that changes on every build, declared above RUN steps that do not use it.
public struct VolatileBuildArgBeforeRunRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "LC002", name: "volatile-build-arg-before-run",
        summary: "A build arg that changes on every build is declared above RUN steps that do not use it, so they re-run every time.",
        rationale: """
        BuildKit passes every ARG with a value to each later RUN of the stage as an environment variable, \
        and the environment is part of the RUN's cache key: when the value changes, the first RUN after the \
        ARG misses the cache, and so does everything after it, whether or not the command reads the \
        variable (Docker's reference, "Impact on build caching"). Build args such as `GIT_SHA`, \
        `BUILD_DATE`, `BUILD_NUMBER`, `VERSION` or `CACHEBUST` are given a new value by CI on every build, so \
        an `ARG GIT_SHA` at the top of a stage re-runs the dependency install and the compile each time. \
        Declare such an ARG just before the step that needs it — usually after the expensive steps, or in \
        the final stage only for a LABEL. The rule knows the usual names of commit, date, build-number and \
        cache-busting args; RUN steps that reference the variable are expected to re-run and are not counted. \
        `hull cache --build-arg NAME=value` shows exactly what rebuilds.
        """,
        category: .cache, defaultSeverity: .warning,
        examples: [
            .passing("FROM node:20-alpine\nCOPY package*.json ./\nRUN npm ci\nARG GIT_SHA\nLABEL org.opencontainers.image.revision=$GIT_SHA\n"),
            .passing("FROM golang:1.22\nCOPY . .\nRUN go build -o /app .\nARG VERSION\nRUN echo \"$VERSION\" > /version\n"),
            .passing("ARG VERSION=1.0\nFROM alpine:3.20\nRUN apk add --no-cache curl\n"),
            .passing("FROM alpine:3.20\nARG NODE_VERSION=20\nRUN apk add --no-cache nodejs\n"),
            .failing("FROM node:20-alpine\nARG ⟦GIT_SHA⟧\nCOPY package*.json ./\nRUN npm ci\nLABEL org.opencontainers.image.revision=$GIT_SHA\n"),
            .failing("FROM python:3.12-slim\nARG ⟦BUILD_DATE⟧=unknown ⟦CACHEBUST⟧\nRUN pip install --no-cache-dir flask==3.0.3\nRUN echo ${BUILD_DATE} > /built\n"),
        ])

    /// The names CI usually sets to a new value on every build.
    static let volatileNames: Set<String> = [
        "GIT_SHA", "GIT_COMMIT", "GIT_COMMIT_SHA", "GIT_REV", "GIT_REVISION", "GIT_HASH", "COMMIT", "COMMIT_SHA", "COMMIT_HASH",
        "SOURCE_COMMIT", "SOURCE_VERSION", "VCS_REF", "REVISION", "SHA", "BUILD_DATE", "BUILD_TIME", "BUILD_TIMESTAMP",
        "BUILDTIME", "BUILD_DATETIME", "TIMESTAMP", "DATE", "BUILD_NUMBER", "BUILD_ID", "BUILD_VERSION", "CI_PIPELINE_ID",
        "CI_COMMIT_SHA", "GITHUB_SHA", "GITHUB_RUN_ID", "GITHUB_RUN_NUMBER", "VERSION", "APP_VERSION", "IMAGE_VERSION",
        "RELEASE", "RELEASE_VERSION", "CACHEBUST", "CACHE_BUST", "CACHEBUSTER", "CACHE_BUSTER", "CACHE_DATE",
    ]

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        for stage in input.stages {
            let instructions = input.dockerfile.instructions(in: stage)
            for instruction in instructions {
                guard case .arg(let arg) = instruction.payload else { continue }
                for declaration in arg.declarations where Self.volatileNames.contains(declaration.name.text.uppercased()) {
                    let name = declaration.name.text
                    let innocent = instructions.filter { later in
                        guard later.index > instruction.index, later.kind == .run else { return false }
                        let text = later.syntax.original
                        return !text.contains("$" + name) && !text.contains("${" + name)
                    }
                    guard let first = innocent.first else { continue }
                    let others = innocent.count > 1 ? " and \(innocent.count - 1) more" : ""
                    sink.report(declaration.name.range,
                                "`\(name)` usually changes on every build, and each later RUN sees it: `\(Self.short(first))` (line \(first.line))\(others) re-runs every time; declare it just before the step that uses it")
                }
            }
        }
    }

    /// The start of an instruction, for messages.
    static func short(_ instruction: Instruction) -> String {
        let text = instruction.syntax.original.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let trimmed = text.hasSuffix("\\") ? String(text.dropLast()).trimmingCharacters(in: .whitespaces) : text
        return trimmed.count > 40 ? String(trimmed.prefix(39)) + "…" : trimmed
    }
}
