import HullCore
import HullDockerfile
import HullLint
import HullShell

/// A tar archive COPYed into the image and then unpacked by a RUN, where `ADD` would unpack it
/// without keeping the archive in a layer.
public struct ArchiveCopiedThenExtractedRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "SH020", name: "archive-copied-then-extracted",
        summary: "A tar archive is copied with COPY and then unpacked by `tar` in a RUN.",
        rationale: """
        The COPY layer keeps the whole archive even when the RUN deletes it afterwards, so the image \
        carries the packed and the unpacked bytes. `ADD archive.tar.gz /dest/` unpacks a local tar \
        archive (plain, gzip, bzip2, xz or zstd) in a single layer. Unlike hadolint, Hull only \
        suggests this when `ADD` can really do the job: zip files (`unzip`) are not flagged because \
        `ADD` does not unpack them, and extractions that need `tar` features `ADD` lacks \
        (`--strip-components`, `--exclude`, `--transform`, selected members, extraction to standard \
        output) are left alone. The archive is matched by file name between the COPY source or \
        destination and the `tar -f` file (or the file a decompressor such as `gunzip` reads) in a \
        later RUN of the same stage.
        """,
        category: .size, defaultSeverity: .info,
        aliases: [.hadolint("DL3010")],
        examples: [
            .passing("FROM debian:12\nCOPY app.zip /tmp/\nRUN unzip /tmp/app.zip -d /opt && rm /tmp/app.zip\n"),
            .passing("FROM debian:12\nCOPY node.tar.xz /tmp/\nRUN tar -xJf /tmp/node.tar.xz -C /usr/local --strip-components=1\n"),
            .passing("FROM debian:12\nCOPY tools.tgz /tmp/\nRUN tar -xzf /tmp/tools.tgz bin/tool && mv bin/tool /usr/local/bin/\n"),
            .passing("FROM debian:12 AS fetch\nCOPY app.tar.gz /tmp/\nFROM debian:12\nRUN tar -xzf /tmp/app.tar.gz\n"),
            .failing("FROM debian:12\nCOPY ⟦app.tar.gz⟧ /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz\n"),
            .failing("FROM debian:12\nCOPY ⟦dist/site.tgz⟧ /srv/\nRUN cd /srv && \\\n    tar xzf site.tgz\n"),
            .failing("FROM debian:12\nCOPY ↓build.tar /tmp/payload.tar\nRUN <<EOF\nset -e\ntar --extract --file=/tmp/payload.tar -C /\nEOF\n"),
            .failing("FROM debian:12\nCOPY ↓rootfs.tar.gz /tmp/\nRUN gunzip /tmp/rootfs.tar.gz && tar -xf /tmp/rootfs.tar -C /\n"),
        ])

    /// File name endings of the archives `ADD` unpacks.
    static let tarSuffixes = [".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tbz", ".tar.xz", ".txz", ".tar.zst", ".tzst"]
    /// Decompressors that may be run on a compressed tar archive before `tar`.
    static let decompressors: Set<String> = ["gunzip", "bunzip2", "unxz", "unzstd", "zcat", "gzcat", "bzcat", "xzcat", "zstdcat"]
    /// `tar` options `ADD` cannot imitate.
    static let tarOnlyOptions = ["--strip-components", "--exclude", "--exclude-from", "-X", "--files-from", "-T", "--transform", "--wildcards", "-O", "--to-stdout", "--one-top-level", "-K", "--starting-file", "-N", "--newer"]

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        var archives: [String: TextRange] = [:]
        var stage: Int?
        var reported: Set<TextRange> = []
        let runs = Dictionary(input.hygieneRuns.filter { !$0.isOnbuild }.map { ($0.instruction.index, $0) }, uniquingKeysWith: { first, _ in first })
        for instruction in input.instructions {
            if instruction.stageIndex != stage {
                stage = instruction.stageIndex
                archives = [:]
            }
            switch instruction.payload {
            case .copy(let copy) where copy.from == nil:
                let destination = copy.destination.map { Self.baseName(input.expand($0.text, at: instruction.index).value) }
                for source in copy.contextSources {
                    let name = Self.baseName(input.expand(source.text, at: instruction.index).value)
                    if let destination, Self.isTarArchive(destination) {
                        archives[destination] = source.range
                    } else if Self.isTarArchive(name) {
                        archives[name] = source.range
                    }
                }
            case .run:
                guard !archives.isEmpty, let run = runs[instruction.index] else { continue }
                for command in run.commands {
                    for name in extractedArchives(command) {
                        guard let range = archives[name], reported.insert(range).inserted else { continue }
                        sink.report(range, "`\(name)` is copied and then unpacked by a RUN; `ADD` unpacks it without keeping the archive in a layer")
                    }
                }
            default:
                break
            }
        }
    }

    /// The base names of the archives a command unpacks whole.
    private func extractedArchives(_ command: SimpleCommand) -> [String] {
        guard let name = command.effectiveName, let invocation = command.invocation else { return [] }
        if name == "tar" {
            guard invocation.has(option: "-x"), !invocation.has(option: Self.tarOnlyOptions), invocation.operands.isEmpty,
                  let file = invocation.value(of: "-f"), file != "-" else { return [] }
            return [Self.baseName(file)]
        }
        if Self.decompressors.contains(name) {
            return invocation.operandValues.map(Self.baseName).filter(Self.isTarArchive)
        }
        return []
    }

    static func baseName(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.hasSuffix("/") || trimmed.hasSuffix("\\") { trimmed = trimmed.dropLast() }
        return trimmed.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? String(trimmed)
    }

    static func isTarArchive(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return tarSuffixes.contains { lowered.hasSuffix($0) && lowered.count > $0.count }
    }
}
