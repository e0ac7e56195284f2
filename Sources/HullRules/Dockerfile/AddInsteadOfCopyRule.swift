import HullCore
import HullDockerfile
import HullLint

/// `ADD` used where `COPY` does the same job.
public struct AddInsteadOfCopyRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF009", name: "add-instead-of-copy",
        summary: "`ADD` copies local files that `COPY` would copy the same way.",
        rationale: """
        `ADD` does more than copy: it downloads URLs, clones git repositories and unpacks local tar \
        archives. When the sources are plain local files, `COPY` does the same thing and says so, and a \
        reader (or a later edit that drops in a `.tar.gz`) is not surprised by an extraction. Keep `ADD` \
        for what only it does — remote sources, git, and archives you want unpacked — and use `COPY` for \
        everything else. Sources are judged after build-argument expansion; a source that depends on an \
        argument without a default leaves the instruction alone. Peers differ: hadolint flags only local \
        sources, as here; Checkov flags every `ADD`, which we leave to the rules about remote downloads.
        """,
        category: .maintainability, defaultSeverity: .warning,
        aliases: [.hadolint("DL3020"), .trivy("DS-0005"), .dockle("CIS-DI-0009"), .checkov("CKV_DOCKER_4")],
        fixAvailability: .safe,
        examples: [
            .passing("FROM alpine:3.20\nCOPY requirements.txt /app/\n"),
            .passing("FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tar.gz /opt/\n"),
            .passing("FROM alpine:3.20\nADD rootfs.tar.xz /\n"),
            .passing("FROM alpine:3.20\nADD git@github.com:acme/tools.git /opt/tools\n"),
            .passing("FROM alpine:3.20\nARG SOURCE\nADD ${SOURCE} /opt/\n"),
            .failing("FROM alpine:3.20\n⟦ADD⟧ requirements.txt /app/\n"),
            .failing("FROM alpine:3.20\nARG CONFIG=config.yaml\n↓ADD --chown=app:app ${CONFIG} src/ /app/\n"),
            .fix("FROM alpine:3.20\nADD --chown=app:app --link src/ /app/src/\n", to: "FROM alpine:3.20\nCOPY --chown=app:app --link src/ /app/src/\n"),
            .fix("from alpine:3.20\nadd app.py /app/\n", to: "from alpine:3.20\ncopy app.py /app/\n"),
        ])

    /// Endings of the tar archives `ADD` unpacks.
    static let archiveEndings = [
        ".tar", ".tar.gz", ".tgz", ".tar.bz", ".tar.bz2", ".tbz", ".tbz2", ".tb2", ".tar.xz", ".txz",
        ".tar.zst", ".tzst", ".tar.lz", ".tlz", ".tar.lzma", ".tar.z", ".taz",
    ]

    /// Flags only `ADD` accepts.
    static let addOnlyFlags: Set<String> = ["checksum", "keep-git-dir", "unpack"]

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        for instruction in input.instructions {
            guard case .add(let add) = instruction.payload, !add.sources.isEmpty else { continue }
            let local = add.contextSources.allSatisfy { source in
                let expansion = input.expand(source.text, at: instruction.index)
                guard expansion.isResolved else { return false }
                let value = expansion.value.lowercased()
                return !RemoteSource.isRemote(value) && !Self.archiveEndings.contains { value.hasSuffix($0) }
            }
            guard local else { continue }
            let keyword = instruction.syntax.keywordRange
            var fix: Fix?
            if !instruction.flags.flags.contains(where: { Self.addOnlyFlags.contains($0.name) }) {
                fix = Fix(title: "Replace `ADD` with `COPY`", edits: [Edit(range: keyword, replacement: "COPY".matchingCase(of: instruction.syntax.keyword))],
                          applicability: .safe)
            }
            sink.report(keyword, "`ADD` of local files also unpacks archives and fetches URLs; `COPY` does this job and says so", fix: fix)
        }
    }
}
