import HullCore
import HullDockerfile
import HullLint

/// `COPY --from=<stage> / /` copies a whole filesystem.
public struct CopyRootFilesystemRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF032", name: "copy-root-filesystem",
        summary: "`COPY --from=<stage> / /` copies the other stage's whole filesystem.",
        rationale: """
        Copying `/` to `/` lays every file of the source stage (shells, package databases, caches, the \
        build toolchain you meant to leave behind) over the current stage in one layer that duplicates \
        whatever was already there. It defeats the point of a multi-stage build and bloats the image. \
        Copy the directories the image needs, or base the stage on the other one with `FROM <stage>`.
        """,
        category: .size, defaultSeverity: .warning,
        aliases: [.hadolint("DL3067")],
        examples: [
            .passing("FROM golang:1.23 AS build\nFROM scratch\nCOPY --from=build /app/bin/ /usr/local/bin/\n"),
            .passing("FROM alpine:3.20\nCOPY / /\n"),
            .failing("FROM golang:1.23 AS build\nFROM scratch\nCOPY --from=build ⟦/⟧ /\n"),
            .failing("FROM golang:1.23 AS build\nFROM scratch\nCOPY --link --from=build [↓\"/.\", \"//\"]\n"),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        for instruction in input.instructions {
            guard case .copy(let copy) = instruction.payload, copy.from != nil, copy.sources.count == 1,
                  let source = copy.sources.first, let destination = copy.destination,
                  Self.isRoot(source.text), Self.isRoot(destination.text) else { continue }
            sink.report(source.range, "`COPY --from=\(copy.from ?? "")` copies the whole filesystem of its source",
                        notes: ["Copy only the directories the image needs."])
        }
    }

    static func isRoot(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        return path.hasPrefix("/") && parts.allSatisfy { $0 == "." }
    }
}
