import HullCore
import HullDockerfile
import HullLint

/// A `LABEL` key outside Docker's conventions: reserved namespace, characters other than
/// lower-case letters, digits, `.` and `-`, or doubled separators.
public struct InvalidLabelKeyRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF072", name: "invalid-label-key",
        summary: "A `LABEL` key breaks Docker's key conventions.",
        rationale: """
        Docker reserves the `com.docker.*`, `io.docker.*` and `org.dockerproject.*` namespaces for its own \
        tools, and asks that keys start with a lower-case letter, end with a letter or digit, use only \
        lower-case letters, digits, `.` and `-`, and never repeat a separator (`..`, `--`). Keys that \
        follow the convention (ideally in reverse-DNS form, `org.opencontainers.image.title`, \
        `com.example.team`) sort and filter predictably with `docker inspect`, `--filter label=` and \
        registries, and cannot collide with keys Docker or other vendors define. Keys are checked as \
        BuildKit records them, after quotes are removed and variables expanded; keys only known at build \
        time are not judged. Hull reports the first problem of each key at the key.
        """,
        category: .style, defaultSeverity: .style,
        aliases: [.hadolint("DL3048")],
        examples: [
            .passing("FROM alpine:3.20\nLABEL org.opencontainers.image.title=app com.example.build-number=42 maintainer=\"a@example.com\"\n"),
            .passing("FROM alpine:3.20\nARG VENDOR=example\nLABEL \"com.${VENDOR}.team\"=platform\n"),
            .failing("FROM alpine:3.20\nLABEL ⟦com.docker.compose.project⟧=app\n"),
            .failing("FROM alpine:3.20\nLABEL ⟦Version⟧=1.0 ⟦com.example..team⟧=x ⟦app.⟧=y ⟦build_number⟧=3\n"),
            .failing("FROM alpine:3.20\nLABEL ⟦1st.key⟧ value\nLABEL ⟦\"io.docker.x\"⟧=\"\"\n"),
        ])

    /// Namespaces Docker keeps for itself.
    static let reservedPrefixes = ["com.docker.", "io.docker.", "org.dockerproject."]

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        for label in MetadataLabels.labels(in: input) {
            guard let problem = Self.problem(label.key) else { continue }
            sink.report(label.pair.key.range, problem)
        }
    }

    /// What is wrong with `key`, or nil when it follows the conventions.
    static func problem(_ key: String) -> String? {
        if let prefix = reservedPrefixes.first(where: { key.hasPrefix($0) }) {
            return "`\(key)` uses the reserved `\(prefix)*` namespace"
        }
        let bytes = Array(key.utf8)
        func isLower(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        if let bad = key.first(where: { character in !character.isASCII || !(character.isLowercase || character.isNumber || character == "." || character == "-") }) {
            return "`\(key)` contains `\(bad)`; use only lower-case letters, digits, `.` and `-`"
        }
        guard let first = bytes.first, let last = bytes.last, isLower(first), isLower(last) || isDigit(last) else {
            return "`\(key)` must start with a lower-case letter and end with a letter or digit"
        }
        if key.contains("..") || key.contains("--") {
            return "`\(key)` repeats a separator"
        }
        return nil
    }
}
