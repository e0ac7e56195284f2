import HullLint

/// An image that calls itself distroless holds a shell or a package manager.
public struct ImageShellInDistrolessRule: ImageRule {
    public static let description = RuleDescription(
        code: "IM017", name: "image-shell-in-distroless",
        summary: "An image that calls itself distroless holds a shell or a package manager.",
        rationale: """
        A distroless image is trusted to have no shell and no package manager, so that an attacker who \
        gets code execution has no tools to continue with, and scanners and reviewers skip the usual \
        checks. An image that claims the name (in its tag, a label or its os-release) but ships a shell \
        breaks that trust; copy only the application into a distroless base.
        """,
        category: .security, defaultSeverity: .warning,
        imageExamples: [
            .passing(ExampleImage([.layer("ADD rootfs.tar /", [.file("etc/os-release", "ID=debian\nPRETTY_NAME=\"Distroless\"\n"), .file("app/server", "elf", mode: 0o755)])],
                                  config: .init(user: "65532"), tag: "example/app:1.0-distroless")),
            .failing(ExampleImage([.layer("ADD rootfs.tar /", [.file("etc/os-release", "ID=debian\nPRETTY_NAME=\"Distroless\"\n"), .file("bin/sh", "elf", mode: 0o755)])],
                                  config: .init(user: "65532"), tag: "example/app:1.0-distroless")),
        ])

    public init() {}

    public func check(_ input: AnalyzedImage, _ sink: inout ImageDiagnosticSink) {
        let image = input.analysis
        let claims = image.tags.contains { $0.contains("distroless") } || image.config.labels.contains { $0.value.lowercased().contains("distroless") }
            || (image.os?.prettyName?.lowercased().contains("distroless") ?? false)
        let tools = image.shells + image.packageManagers
        guard claims, !tools.isEmpty else { return }
        sink.report("the image claims to be distroless but has \(tools.map { "`\($0)`" }.joined(separator: ", "))")
    }
}
