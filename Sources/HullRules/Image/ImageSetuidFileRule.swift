import HullLint

/// A setuid or setgid file is in the image.
public struct ImageSetuidFileRule: ImageRule {
    public static let description = RuleDescription(
        code: "IM004", name: "image-setuid-file",
        summary: "A setuid or setgid file is in the image.",
        rationale: """
        setuid and setgid binaries run with their owner's or group's rights whatever user starts them: \
        they are the usual way up to root after a compromise. Remove the bits (`chmod a-s`) from what the \
        application does not need, or remove the binaries (many images never need `passwd`, `su` or `mount`).
        """,
        category: .security, defaultSeverity: .info, aliases: [.dockle("CIS-DI-0008")],
        imageExamples: [
            .passing(ExampleImage([.layer("ADD rootfs.tar /", [.file("usr/bin/passwd", "elf", mode: 0o755)])], config: .init(user: "app"))),
            .failing(ExampleImage([.layer("ADD rootfs.tar /", [.file("usr/bin/passwd", "elf", mode: 0o4755), .file("usr/bin/wall", "elf", mode: 0o2755, gid: 5)])],
                                  config: .init(user: "app")), [.path("/usr/bin/passwd"), .path("/usr/bin/wall")]),
        ])

    public init() {}

    public func check(_ input: AnalyzedImage, _ sink: inout ImageDiagnosticSink) {
        for file in input.analysis.setIDFiles {
            sink.report("`\(file.path)` is setuid/setgid (mode \(file.mode))", layer: file.layer, path: file.path)
        }
    }
}
