import HullCore
import HullDockerfile
import HullLint

/// `ADD <url>` without `--checksum`, or `ADD` of a Git repository at a moving ref.
public struct RemoteSourceWithoutChecksumRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "LC003", name: "remote-source-without-checksum",
        summary: "`ADD` fetches a URL without `--checksum` (or a Git ref that moves), so the step is re-checked on every build.",
        rationale: """
        BuildKit cannot know whether the file behind a URL changed without fetching it, so `ADD <url>` is \
        re-checked on every build: the download runs again, and when the content differs the step and every \
        step after it rebuild — a new upstream release silently changes the image, and an unreachable server \
        fails a build that could have come from cache. With `--checksum=sha256:…` the step is keyed on the \
        checksum: the cache holds, and a changed or tampered download fails the build instead of slipping \
        in. A Git source that follows a branch (`ADD https://…/repo.git#main`, or no ref at all) is resolved \
        again on every build and rebuilds whenever the branch moves; pin a version tag or a full commit \
        (`#<40-hex-sha>`). Tags (a ref with a digit, such as `#v1.2.3`) are taken as pinned. Sources are judged after \
        build-argument expansion; a source that depends on an argument without a default is left alone.
        """,
        category: .cache, defaultSeverity: .warning,
        examples: [
            .passing("FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tar.gz /opt/\n"),
            .passing("FROM alpine:3.20\nADD https://github.com/acme/tools.git#4b825dc642cb6eb9a060e54bf8d69288fbee4904 /opt/tools\n"),
            .passing("FROM alpine:3.20\nADD rootfs.tar.xz /\n"),
            .passing("FROM alpine:3.20\nARG URL\nADD $URL /opt/\n"),
            .failing("FROM alpine:3.20\nADD ⟦https://example.com/tool.tar.gz⟧ /opt/\n"),
            .failing("FROM alpine:3.20\nARG V=1.2.3\nADD --chmod=755 ⟦https://example.com/tool-${V}⟧ /usr/local/bin/tool\n"),
            .passing("FROM alpine:3.20\nADD https://github.com/acme/tools.git#v1.4.2 /opt/tools\n"),
            .failing("FROM alpine:3.20\nADD ⟦https://github.com/acme/tools.git#main⟧ /opt/tools\n"),
            .failing("FROM alpine:3.20\nADD ⟦git@github.com:acme/tools.git⟧ /opt/tools\n"),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        for instruction in input.instructions {
            guard case .add(let add) = instruction.payload, add.checksum == nil else { continue }
            for source in add.contextSources {
                let expansion = input.expand(source.text, at: instruction.index)
                guard expansion.isResolved else { continue }
                let value = expansion.value
                let lowered = value.lowercased()
                if lowered.hasPrefix("git@") || lowered.hasPrefix("git://") || Self.isGitURL(lowered) {
                    let fragment = value.split(separator: "#", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
                    let reference = fragment.split(separator: ":").first.map(String.init) ?? ""
                    // A commit is pinned; a version tag rarely moves. A branch (or no ref) moves all the time.
                    guard !Self.isCommit(reference), !reference.contains(where: \.isNumber) else { continue }
                    let what = reference.isEmpty ? "the default branch" : "branch `\(reference)`"
                    sink.report(source.range, "`\(value)` follows \(what), which is resolved again on every build: pin a tag or a full commit (`#<sha>`) so the step stays cached until you change it")
                } else if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") {
                    sink.report(source.range, "`\(value)` is fetched again on every build: add `--checksum=sha256:…` so the step is keyed on the content and stays cached")
                }
            }
        }
    }

    /// An HTTP(S) URL BuildKit treats as a Git repository.
    static func isGitURL(_ lowered: String) -> Bool {
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") else { return false }
        let path = lowered.split(separator: "#", maxSplits: 1).first.map(String.init) ?? lowered
        return path.hasSuffix(".git")
    }

    /// A full commit id (SHA-1 or SHA-256).
    static func isCommit(_ text: String) -> Bool {
        (text.count == 40 || text.count == 64) && text.allSatisfy(\.isHexDigit)
    }
}
