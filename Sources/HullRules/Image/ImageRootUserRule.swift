import HullLint

/// The image's configuration runs its process as root.
public struct ImageRootUserRule: ImageRule {
    public static let description = RuleDescription(
        code: "IM001", name: "image-root-user",
        summary: "The image runs as root: its config has no `User`, or `root`/`0`.",
        rationale: """
        A process that runs as root in a container is root on the host's kernel if it escapes, and can \
        rewrite everything in the image without escaping. The configuration's `User` is what the engine \
        starts the process as: empty means root. Create an unprivileged user in the build and switch to it \
        with `USER` (a numeric `USER 65532:65532` works without `/etc/passwd`).
        """,
        category: .security, defaultSeverity: .warning, aliases: [.dockle("CIS-DI-0001")],
        imageExamples: [
            .passing(ExampleImage([.layer("ADD rootfs.tar /", [.file("bin/app", "elf", mode: 0o755)])], config: .init(user: "app"))),
            .passing(ExampleImage([.layer("ADD rootfs.tar /", [.file("bin/app", "elf", mode: 0o755)])], config: .init(user: "65532:65532"))),
            .failing(ExampleImage([.layer("ADD rootfs.tar /", [.file("bin/app", "elf", mode: 0o755)])], config: .init(cmd: ["/bin/app"])),
                     note: "DF005 (root-user)"),
            .failing(ExampleImage([.layer("ADD rootfs.tar /", [.file("bin/app", "elf", mode: 0o755)])], config: .init(user: "0:0"))),
        ])

    public init() {}

    public func check(_ input: AnalyzedImage, _ sink: inout ImageDiagnosticSink) {
        let configured = input.analysis.config.user ?? ""
        let user = configured.split(separator: ":").first.map(String.init) ?? ""
        guard user.isEmpty || user == "root" || user == "0" else { return }
        sink.report(user.isEmpty ? "the config sets no `User`: the container runs as root" : "the config's `User` is `\(configured)`: the container runs as root",
                    counterpart: DockerfileCounterpart(RootUserRule.description))
    }
}
