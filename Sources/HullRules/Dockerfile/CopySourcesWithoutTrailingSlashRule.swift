import HullCore
import HullDockerfile
import HullLint

/// `COPY`/`ADD` with several sources to a destination without a trailing `/`.
public struct CopySourcesWithoutTrailingSlashRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF033", name: "copy-sources-without-trailing-slash",
        summary: "`COPY` or `ADD` has several sources but its destination does not end with `/`.",
        rationale: """
        With more than one source the destination must be a directory, and BuildKit insists that it be \
        written with a trailing `/`; without it the build fails with "destination must be a directory \
        and end with a /". The check uses the destination after variable expansion, so `$DIR` whose value \
        ends in `/` is accepted, and skips destinations that still hold unset variables. The fix appends \
        the `/`: it only turns a failing instruction into the one that was meant.
        """,
        category: .correctness, defaultSeverity: .error,
        aliases: [.hadolint("DL3021"), .trivy("DS-0011")],
        fixAvailability: .safe,
        examples: [
            .passing("FROM alpine:3.20\nCOPY package.json package-lock.json /app/\nCOPY a.txt /app/a.txt\n"),
            .passing("FROM alpine:3.20\nENV DIR=/app/\nCOPY a b $DIR\nADD [\"a\", \"b\", \"/srv/\"]\n"),
            .failing("FROM alpine:3.20\nCOPY package.json package-lock.json ⟦/app⟧\n"),
            .failing("FROM alpine:3.20\nADD --chown=1000 a b c ↓/srv\nCOPY [\"a\", \"b\", ↓\"/opt\"]\n"),
            .fix("FROM alpine:3.20\nCOPY a b /app\nCOPY [\"a\", \"b\", \"/opt\"]\n", to: "FROM alpine:3.20\nCOPY a b /app/\nCOPY [\"a\", \"b\", \"/opt/\"]\n"),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        for instruction in input.instructions {
            let copy: CopyInstruction
            switch instruction.payload {
            case .copy(let payload), .add(let payload): copy = payload
            default: continue
            }
            guard copy.sources.count > 1, let destination = copy.destination, copy.problem == nil else { continue }
            let expansion = input.expand(destination.text, at: instruction.index)
            guard expansion.error == nil, expansion.unmatched.isEmpty else { continue }
            if expansion.value.hasSuffix("/") || expansion.value.hasSuffix("\\") { continue }
            let written = input.source.text(destination.range)
            var insertion = destination.range.end
            if written.count >= 2, let last = written.last, last == "\"" || last == "'" { insertion -= 1 }
            let fix = Fix(title: "Add a trailing `/` to the destination", edits: [.insert("/", at: insertion)], applicability: .safe)
            sink.report(destination.range, "`\(instruction.syntax.keyword)` copies \(copy.sources.count) sources to `\(destination.text)`, which does not end with `/`",
                        notes: ["With several sources the destination must be a directory written with a trailing `/`."], fix: fix)
        }
    }
}
