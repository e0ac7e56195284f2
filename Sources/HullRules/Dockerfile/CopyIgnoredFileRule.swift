import HullCore
import HullDockerfile
import HullLint

/// A `COPY`/`ADD` source is excluded from the build context by the ignore file.
public struct CopyIgnoredFileRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF035", name: "copy-ignored-file",
        summary: "A `COPY` or `ADD` source is excluded by the `.dockerignore` file.",
        rationale: """
        Files the ignore file excludes are never sent to the builder, so a `COPY` of one fails with \
        "not found", or, for a folder, silently copies less than it names. Either the ignore pattern is \
        too broad or the instruction copies something that was meant to stay out of the image (often a \
        secret or a local build output). The rule runs only when the build context is known. BuildKit \
        gives up when the ignore file has `!` exceptions; Hull evaluates the exceptions, so re-included \
        files are not reported. A wildcard source is reported when every context file it matches is \
        excluded. Sources read from another stage (`--from`) and remote `ADD` sources are not checked.
        """,
        category: .correctness, defaultSeverity: .warning,
        aliases: [.buildkit("CopyIgnoredFile")],
        examples: [
            .passing("FROM alpine:3.20\nCOPY app.py /app/\n", files: ["app.py", ".env"], ignore: ".env\n"),
            .passing("FROM alpine:3.20\nCOPY docs/README.md /doc/\n", files: ["docs/README.md", "docs/big.pdf"], ignore: "docs\n!docs/README.md\n"),
            .passing("FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=build /out /out\nADD https://example.com/a.tgz /a.tgz\n", ignore: "out\n"),
            .failing("FROM alpine:3.20\nCOPY ⟦.env⟧ /app/.env\n", files: [".env", "app.py"], ignore: ".env\n"),
            .failing("FROM alpine:3.20\nADD build/app.jar ↓./*.log /app/\nCOPY [↓\"dist\", \"/srv/\"]\n",
                     files: ["build/app.jar", "a.log", "b.log", "dist/index.html"], ignore: "*.log\ndist\n"),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        guard let context = input.context, let ignoreFile = context.ignoreFile else { return }
        for instruction in input.instructions {
            let copy: CopyInstruction
            switch instruction.payload {
            case .copy(let payload), .add(let payload): copy = payload
            default: continue
            }
            guard copy.from == nil else { continue }
            for source in copy.contextSources {
                let expansion = input.expand(source.text, at: instruction.index)
                guard expansion.error == nil, expansion.unmatched.isEmpty else { continue }
                let path = expansion.value
                if path.contains("://") || path.hasPrefix("git@") { continue }
                let normalized = BuildContextView.normalize(path)
                if normalized.isEmpty { continue }
                let excluded: Bool
                if normalized.contains(where: { "*?[".contains($0) }) {
                    let matching = context.files.filter { Self.glob($0, normalized) }
                    excluded = !matching.isEmpty && matching.allSatisfy(context.isExcluded)
                } else {
                    excluded = context.isExcluded(normalized)
                }
                guard excluded else { continue }
                sink.report(source.range, "`\(source.text)` is excluded by `\(ignoreFile)`",
                            notes: ["Excluded files are not sent to the builder; adjust the ignore file or stop copying them."])
            }
        }
    }

    /// Path wildcards as `COPY` reads them: `*` and `?` within one path segment, `[…]` classes.
    static func glob(_ path: String, _ pattern: String) -> Bool {
        let t = Array(path.unicodeScalars), p = Array(pattern.unicodeScalars)
        func match(_ i: Int, _ j: Int) -> Bool {
            if j == p.count { return i == t.count }
            switch p[j] {
            case "*":
                var k = i
                while true {
                    if match(k, j + 1) { return true }
                    if k == t.count || t[k] == "/" { return false }
                    k += 1
                }
            case "?":
                return i < t.count && t[i] != "/" && match(i + 1, j + 1)
            case "[":
                guard i < t.count, let close = p[(j + 1)...].firstIndex(of: "]") else { return i < t.count && t[i] == "[" && match(i + 1, j + 1) }
                var set = Array(p[(j + 1)..<close])
                let negated = set.first == "^" || set.first == "!"
                if negated { set.removeFirst() }
                var found = false
                var index = 0
                while index < set.count {
                    if index + 2 < set.count, set[index + 1] == "-" {
                        if set[index] <= t[i] && t[i] <= set[index + 2] { found = true }
                        index += 3
                    } else {
                        if set[index] == t[i] { found = true }
                        index += 1
                    }
                }
                return found != negated && match(i + 1, close + 1)
            default:
                return i < t.count && t[i] == p[j] && match(i + 1, j + 1)
            }
        }
        return match(0, 0)
    }
}
