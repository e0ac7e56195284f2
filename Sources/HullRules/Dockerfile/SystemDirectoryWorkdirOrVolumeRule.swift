import HullCore
import HullDockerfile
import HullLint

/// `WORKDIR` or `VOLUME` inside `/proc`, `/sys`, `/dev`, `/boot` and similar system directories.
public struct SystemDirectoryWorkdirOrVolumeRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF071", name: "system-directory-workdir-or-volume",
        summary: "`WORKDIR` or `VOLUME` points into a system directory such as `/proc`, `/sys` or `/dev`.",
        rationale: """
        `/proc`, `/sys` and `/dev` are filesystems the container runtime mounts at start, over whatever \
        the image holds there: files a build writes below them vanish, and a volume declared on them hides \
        the kernel interfaces programs rely on, or lets whoever supplies the volume replace them. `/boot`, \
        `/initrd` and `/lost+found` belong to the host's boot and recovery machinery and have no place in \
        an application's working directory. Trivy flags `WORKDIR` under `/proc`, `/boot`, `/dev`, `/initrd` \
        and `/lost+found`; Dockle flags `VOLUME /sys`, `/dev` and `/proc`. Hull checks both instructions \
        against the union of the two lists: a `WORKDIR` in these directories or below them, a `VOLUME` on \
        the directories themselves (a volume below one, such as `/sys/fs/cgroup` in systemd images, is a \
        deliberate set-up). Paths are read after variable expansion, relative `WORKDIR` paths resolved \
        against the earlier ones; paths only known at build time are not judged. Both peers rank it high (Trivy HIGH, Dockle FATAL), so it is an error.
        """,
        category: .security, defaultSeverity: .error,
        aliases: [.trivy("DS-0030"), .dockle("DKL-DI-0002")],
        examples: [
            .passing("FROM alpine:3.20\nWORKDIR /app\nVOLUME /data [\"/var/lib/app\"]\n"),
            .passing("FROM alpine:3.20\nWORKDIR /srv/proc\nVOLUME /devices /system\n"),
            .failing("FROM alpine:3.20\nWORKDIR ⟦/proc/app⟧\n"),
            .failing("FROM alpine:3.20\nVOLUME [\"/data\", ⟦\"/sys\"⟧]\nVOLUME ⟦/dev/⟧\n"),
            .failing("FROM alpine:3.20\nWORKDIR /\nWORKDIR ⟦boot⟧\nARG STATE=/lost+found\nVOLUME ⟦${STATE}/⟧ /sys/fs/cgroup\n"),
        ])

    /// The system directories and why each is no place for a working directory or volume.
    static let directories: [String: String] = [
        "proc": "the runtime mounts the process filesystem there",
        "sys": "the runtime mounts the kernel's sysfs there",
        "dev": "the runtime mounts its own device directory there",
        "boot": "it holds the host's kernel and boot loader files",
        "initrd": "it holds the host's initial ramdisk",
        "lost+found": "it is where filesystem checks put recovered files",
    ]

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        var finalDirectory: [String?] = []
        for stage in input.stages {
            var directory: String?
            if case .stage(let parent) = input.semantics.bases[stage.index], parent < finalDirectory.count { directory = finalDirectory[parent] }
            for instruction in input.dockerfile.instructions(in: stage) {
                switch instruction.payload {
                case .workdir(let workdir):
                    guard let word = workdir.path, let value = MetadataExpansion.value(of: word, at: instruction.index, in: input), !value.isEmpty,
                          !MetadataPaths.isWindows(value) else {
                        directory = nil
                        continue
                    }
                    if MetadataPaths.isAbsolute(value) {
                        directory = MetadataPaths.clean(value)
                    } else if let base = directory {
                        directory = MetadataPaths.resolve(value, against: base)
                    } else {
                        continue
                    }
                    if let path = directory { judge(path, word, "WORKDIR", &sink) }
                case .volume(let volume):
                    for word in volume.paths {
                        guard let value = MetadataExpansion.value(of: word, at: instruction.index, in: input), value.hasPrefix("/") else { continue }
                        let path = MetadataPaths.clean(value)
                        // A volume below a system directory (`/sys/fs/cgroup` for systemd) is deliberate.
                        guard path.dropFirst().split(separator: "/").count == 1 else { continue }
                        judge(path, word, "VOLUME", &sink)
                    }
                default:
                    continue
                }
            }
            finalDirectory.append(directory)
        }
    }

    private func judge(_ path: String, _ word: Word, _ keyword: String, _ sink: inout DiagnosticSink) {
        guard let first = path.split(separator: "/").first.map(String.init), let reason = Self.directories[first] else { return }
        sink.report(word.range, "`\(keyword) \(path)` is in `/\(first)`, a system directory", notes: ["Not a place for a \(keyword == "VOLUME" ? "volume" : "working directory"): \(reason)."])
    }
}
