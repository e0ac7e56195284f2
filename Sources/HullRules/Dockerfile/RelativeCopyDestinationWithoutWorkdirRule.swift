import HullCore
import HullDockerfile
import HullLint

/// `COPY`/`ADD` to a relative destination in a stage that never set `WORKDIR`.
public struct RelativeCopyDestinationWithoutWorkdirRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF034", name: "relative-copy-destination-without-workdir",
        summary: "`COPY` or `ADD` writes to a relative path before the stage sets `WORKDIR`.",
        rationale: """
        A relative destination is resolved against the working directory, which, until the stage (or a \
        stage it is built `FROM`) sets one, is whatever the base image chose: `/` for many images, \
        something else for others, and it can change when the base is updated. Set `WORKDIR` first or \
        write an absolute destination. hadolint checks `COPY` only; Hull checks `ADD` as well, since it \
        resolves its destination the same way. A destination that still holds an unset variable is \
        judged only when literal text starts it (`app_${VERSION}.zip` is relative whatever the value); \
        one that starts with the variable (`${TARGET}/app.zip`) is skipped.
        """,
        category: .correctness, defaultSeverity: .warning,
        aliases: [.hadolint("DL3045")],
        examples: [
            .passing("FROM node:20\nWORKDIR /app\nCOPY package.json .\n"),
            .passing("FROM node:20 AS base\nWORKDIR /app\nFROM base\nCOPY . .\nCOPY a.txt /srv/a.txt\n"),
            .passing("FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY app.exe C:\\\\app\\\\app.exe\n"),
            .failing("FROM node:20\nCOPY package.json ⟦app/⟧\nWORKDIR /app\n"),
            .failing("FROM node:20 AS base\nFROM base\nCOPY . ↓.\nADD app.tar.gz ↓srv\n"),
            .failing("FROM alpine:3.20\nARG VERSION\nCOPY app.zip ⟦app_${VERSION}.zip⟧\n"),
            .passing("FROM alpine:3.20\nARG TARGET\nCOPY app.zip ${TARGET}/app.zip\n"),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        var stageSetsWorkdir = [Bool](repeating: false, count: input.stages.count)
        for stage in input.stages {
            var hasWorkdir = false
            if case .stage(let parent) = input.semantics.bases[stage.index] { hasWorkdir = stageSetsWorkdir[parent] }
            for instruction in input.dockerfile.instructions(in: stage) {
                switch instruction.payload {
                case .workdir:
                    hasWorkdir = true
                case .copy(let copy), .add(let copy):
                    guard !hasWorkdir, let destination = copy.destination else { continue }
                    let expansion = input.expand(destination.text, at: instruction.index)
                    guard expansion.error == nil, expansion.unmatched.isEmpty || Self.startsRelative(destination.text),
                          !Self.isAbsolute(expansion.value) else { continue }
                    sink.report(destination.range, "`\(destination.text)` is relative, but no `WORKDIR` is set in this stage",
                                notes: ["Set `WORKDIR` before this instruction or use an absolute path."])
                default:
                    break
                }
            }
            stageSetsWorkdir[stage.index] = hasWorkdir
        }
    }

    /// Whether a destination is relative whatever its variables hold: it starts with literal
    /// text that is not a root, a drive (`C:`) or a lone letter that could become one.
    static func startsRelative(_ text: String) -> Bool {
        let literal = String(text.prefix { $0 != "$" })
        guard !literal.isEmpty, !isAbsolute(literal) else { return false }
        return literal.count > 1 || !(literal.first?.isLetter ?? false)
    }

    static func isAbsolute(_ path: String) -> Bool {
        if path.hasPrefix("/") || path.hasPrefix("\\") { return true }
        let bytes = Array(path.utf8)
        return bytes.count >= 2 && ((bytes[0] | 0x20) >= 0x61 && (bytes[0] | 0x20) <= 0x7A) && bytes[1] == UInt8(ascii: ":")
    }
}
