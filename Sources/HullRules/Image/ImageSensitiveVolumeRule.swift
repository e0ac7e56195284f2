import HullLint

/// A VOLUME is a kernel filesystem.
public struct ImageSensitiveVolumeRule: ImageRule {
    public static let description = RuleDescription(
        code: "IM008", name: "image-sensitive-volume",
        summary: "A VOLUME is a kernel filesystem (/sys, /dev, /proc).",
        rationale: """
        The engine mounts a volume over the path at run time: over `/sys`, `/dev` or `/proc` it hides \
        the kernel interfaces the container needs, or, when a user binds the host's, exposes them. Keep \
        volumes to application data folders.
        """,
        category: .security, defaultSeverity: .error, aliases: [.dockle("DKL-DI-0002")],
        imageExamples: [
            .passing(ExampleImage([.layer("ADD rootfs.tar /"), .config("VOLUME [/data]")], config: .init(user: "app", volumes: ["/data"]))),
            .failing(ExampleImage([.layer("ADD rootfs.tar /"), .config("VOLUME [/proc]")], config: .init(user: "app", volumes: ["/proc", "/data"])),
                     note: "DF071 (system-directory-workdir-or-volume)"),
        ])

    public init() {}

    public func check(_ input: AnalyzedImage, _ sink: inout ImageDiagnosticSink) {
        for volume in input.analysis.config.volumes where ["/sys", "/dev", "/proc"].contains(where: volume.hasPrefix) {
            sink.report("VOLUME `\(volume)` is a kernel filesystem", counterpart: DockerfileCounterpart(SystemDirectoryWorkdirOrVolumeRule.description))
        }
    }
}
