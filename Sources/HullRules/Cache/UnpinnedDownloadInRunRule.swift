import HullCore
import HullDockerfile
import HullLint
import HullShell

/// `RUN curl`/`wget` of a URL that names no version, without a checksum check.
public struct UnpinnedDownloadInRunRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "LC005", name: "unpinned-download-in-run",
        summary: "A RUN downloads a URL that names no version (`latest`, `main`, an install script) and checks no checksum.",
        rationale: """
        BuildKit keys a RUN on its command text, never on what the command downloads. A RUN that fetches \
        `…/releases/latest/download/tool` or pipes `https://get.example.sh` into a shell stays cached for as \
        long as its text and the steps above it are unchanged — the image keeps an old download that nobody \
        chose — and the day any step above it changes, the same Dockerfile silently fetches something else. \
        The cache is never right for such a step. Download a versioned URL (put the version in an ARG, so a \
        change of version is a change of the key) and check its checksum in the same RUN (`sha256sum -c`), \
        or use `ADD --checksum=sha256:… <url>`, which BuildKit keys on the content. URLs are judged as \
        written: a URL built from a variable (`…/v${VERSION}/…`) is taken as pinned, and a RUN that checks a \
        checksum or a signature (`sha256sum -c`, `shasum -c`, `gpg --verify`, `cosign verify`) is fine, and so \
        are signing keys (`.asc`, `.gpg`, `.pub`, `.key`, `.pem`).
        """,
        category: .cache, defaultSeverity: .warning,
        examples: [
            .passing("FROM debian:12\nARG TOOL_VERSION=1.2.3\nRUN curl -fsSLo /tmp/tool.tgz https://example.com/tool-${TOOL_VERSION}.tgz\n"),
            .passing("FROM debian:12\nRUN curl -fsSLo /tmp/tool.tgz https://example.com/releases/v1.2.3/tool.tgz\n"),
            .passing("FROM debian:12\nRUN curl -fsSLo /tmp/tool.tgz https://example.com/tool.tgz \\\n && echo \"0123abcd  /tmp/tool.tgz\" | sha256sum -c -\n"),
            .passing("FROM debian:12\nRUN echo https://example.com/latest/tool\n"),
            .passing("FROM debian:12\nRUN curl -fsSL https://packages.example.com/keys/release.asc | gpg --dearmor -o /usr/share/keyrings/example.gpg\n"),
            .failing("FROM debian:12\nRUN curl -fsSL ⟦https://get.docker.com⟧ -o /tmp/install.sh && sh /tmp/install.sh\n"),
            .failing("FROM alpine:3.20\nRUN wget -q ⟦https://github.com/acme/tool/releases/latest/download/tool-linux-amd64⟧ -O /usr/local/bin/tool\n"),
            .failing("FROM debian:12\nRUN curl -fsSLO ⟦https://raw.githubusercontent.com/acme/tool/main/install.sh⟧\n"),
        ])

    /// Path segments that name a moving target.
    static let movingWords: Set<String> = ["latest", "master", "main", "head", "nightly", "stable", "current", "edge", "trunk", "develop", "tip"]
    /// Tokens with digits that are not versions (architectures, hash names).
    static let nonVersionTokens = ["x86_64", "x86-64", "amd64", "arm64", "aarch64", "armv7", "armv6", "i386", "i686", "386", "s390x",
                                   "ppc64le", "ppc64", "riscv64", "sha256", "sha512", "sha1", "md5", "win32", "win64", "x64", "utf8"]

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        for run in ShellRun.all(in: input) {
            let commands = run.commands
            if commands.contains(where: Self.verifies) { continue }
            for command in commands {
                guard let invocation = command.invocation, ["curl", "wget"].contains(invocation.tool ?? invocation.name) else { continue }
                for word in invocation.arguments {
                    guard let url = word.literal, !word.raw.contains("$") else { continue }
                    let lowered = url.lowercased()
                    guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") || lowered.hasPrefix("ftp://"),
                          Self.isUnpinned(lowered) else { continue }
                    sink.report(word.fileRange,
                                "`\(url)` names no version: the RUN is cached by its text, so the layer keeps whatever was downloaded first and a rebuild may fetch something else; download a versioned URL and check its checksum")
                }
            }
        }
    }

    /// Whether a command checks a checksum or a signature.
    static func verifies(_ command: SimpleCommand) -> Bool {
        guard let invocation = command.invocation else { return false }
        let name = invocation.tool ?? invocation.name
        let words = invocation.arguments.compactMap(\.literal)
        switch name {
        case "sha256sum", "sha512sum", "sha1sum", "md5sum", "shasum", "b2sum":
            return words.contains { $0 == "-c" || $0 == "--check" || ($0.hasPrefix("-") && !$0.hasPrefix("--") && $0.contains("c")) }
        case "gpg", "gpgv": return name == "gpgv" || words.contains("--verify")
        case "cosign", "minisign", "signify": return true
        default: return false
        }
    }

    /// Whether a URL (lower-cased) names a moving target or no version at all.
    static func isUnpinned(_ url: String) -> Bool {
        // Signing keys are fetched to verify other downloads and are rarely versioned.
        if [".asc", ".gpg", ".pub", ".key", ".pem"].contains(where: { url.hasSuffix($0) }) { return false }
        let afterScheme = url.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        guard afterScheme.count == 3 else { return false }
        let rest = afterScheme[2]
        let pathStart = rest.firstIndex(of: "/") ?? rest.endIndex
        var path = String(rest[pathStart...])
        let segments = path.split(whereSeparator: { "/?&=#".contains($0) }).map(String.init)
        if segments.contains(where: { movingWords.contains($0) }) { return true }
        for token in nonVersionTokens { path = path.replacingOccurrences(of: token, with: "") }
        return !path.contains(where: \.isNumber)
    }
}
