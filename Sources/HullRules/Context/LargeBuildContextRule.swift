import HullCore
import HullDockerfile
import HullLint

/// A build context above a size threshold.
public struct LargeBuildContextRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "CX004", name: "large-build-context",
        summary: "The build context is larger than a threshold (`max-bytes`, 50 MB; `max-files`, 20,000).",
        rationale: """
        The context is read, hashed and, for a remote builder, uploaded before the first instruction runs, \
        and the classic builder copies all of it on every build. A context of hundreds of megabytes or tens of \
        thousands of files usually carries something that does not belong there: dependency folders, build \
        output, datasets, archives, the repository history. `hull context` shows what is in it and what no \
        `COPY` uses; a `.dockerignore` keeps it out. The thresholds are the rule's options `max-bytes` (a \
        number of bytes, or with a `kB`, `MB` or `GB` suffix; default 50 MB) and `max-files` (default \
        20,000); the finding is information, since some builds do need a large context.
        """,
        category: .size, defaultSeverity: .info,
        examples: [
            .passing("FROM alpine:3.20\nCOPY . /srv/\n", files: ["a.txt", "b.txt"]),
            .passing("FROM alpine:3.20\nCOPY . /srv/\n", files: ["a.txt", "b.txt", "c.txt", "d.txt"], options: ["max-files": .int(10)]),
            .failing("FROM alpine:3.20\nCOPY ⟦.⟧ /srv/\n", files: ["a.txt", "b.txt", "c.txt", "d.txt"], options: ["max-files": .int(3)]),
            .failing("↓FROM alpine:3.20\nCOPY a.txt /srv/\n", files: ["a.txt", "b.txt", "c.txt"], options: ["max-files": .string("2")]),
        ])

    public init() {}

    /// The default `max-bytes`: 50 MB.
    public static let defaultMaximumBytes: Int64 = 50_000_000
    /// The default `max-files`.
    public static let defaultMaximumFiles = 20_000

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        guard let context = input.context else { return }
        let maximumBytes = sink.option("max-bytes").flatMap(Self.bytes) ?? Self.defaultMaximumBytes
        let maximumFiles = sink.option("max-files").flatMap { Int($0.replacingOccurrences(of: "_", with: "")) } ?? Self.defaultMaximumFiles
        let totals = context.sentTotals
        var over: [String] = []
        if totals.bytes > maximumBytes { over.append("`max-bytes` (\(ByteCount.text(maximumBytes)))") }
        if totals.files > maximumFiles { over.append("`max-files` (\(ByteCount.grouped(maximumFiles)))") }
        guard !over.isEmpty else { return }
        let place: (range: TextRange, severity: Severity?, source: ContextSource?)?
        if let whole = input.contextSources.first(where: { $0.path.isEmpty && input.semantics.requiredStages.contains($0.instruction.stageIndex ?? -1) }) {
            place = (whole.word.range, nil, whole)
        } else {
            place = input.instructions.first.map { ($0.syntax.keywordRange, nil, nil) }
        }
        guard let place else { return }
        var message = "the build context is \(ByteCount.text(totals.bytes)) in \(ByteCount.counted(totals.files, "file")), above \(over.joined(separator: " and "))"
        if let largest = context.heavyFolders.first { message += "; the largest heavy folder is \(ContextFindings.describe(largest))" }
        sink.report(place.range, message + "; `hull context` shows what no COPY uses")
    }

    /// Bytes from `50000000`, `50MB`, `50 MB`, `1.5GB` or `500kB` (SI units).
    static func bytes(_ text: String) -> Int64? {
        let trimmed = text.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "_", with: "").lowercased()
        let units: [(String, Double)] = [("gb", 1e9), ("mb", 1e6), ("kb", 1e3), ("g", 1e9), ("m", 1e6), ("k", 1e3), ("b", 1)]
        for (suffix, factor) in units where trimmed.hasSuffix(suffix) {
            guard let value = Double(trimmed.dropLast(suffix.count)) else { return nil }
            return Int64(value * factor)
        }
        return Int64(trimmed)
    }
}
