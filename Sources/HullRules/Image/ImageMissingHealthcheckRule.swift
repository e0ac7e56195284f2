import HullLint

/// The image's configuration has no health check.
public struct ImageMissingHealthcheckRule: ImageRule {
    public static let description = RuleDescription(
        code: "IM002", name: "image-missing-healthcheck",
        summary: "The image config has no health check.",
        rationale: """
        Without a health check an engine or orchestrator only knows the process is alive, not that it \
        serves: a hung server stays in rotation. Add a `HEALTHCHECK` that probes the service. OCI-format \
        exports drop the health check (the OCI image config has no field for it), so when the history shows \
        a `HEALTHCHECK` step the finding says so; check a docker-format export of the same image.
        """,
        category: .correctness, defaultSeverity: .info, aliases: [.dockle("CIS-DI-0006")],
        imageExamples: [
            .passing(ExampleImage([.layer("ADD rootfs.tar /", [.file("bin/app", "elf", mode: 0o755)]), .config("HEALTHCHECK CMD [\"/bin/app\", \"check\"]")],
                                  config: .init(user: "app", healthcheck: ["CMD", "/bin/app", "check"]))),
            .failing(ExampleImage([.layer("ADD rootfs.tar /", [.file("bin/app", "elf", mode: 0o755)]), .config("CMD [\"/bin/app\"]")],
                                  config: .init(user: "app", cmd: ["/bin/app"])), note: "DF011 (missing-healthcheck)"),
            .failing(ExampleImage([.layer("ADD rootfs.tar /", [.file("bin/app", "elf", mode: 0o755)]), .config("HEALTHCHECK CMD [\"/bin/app\", \"check\"]")],
                                  config: .init(user: "app")), note: "lost it"),
        ])

    public init() {}

    public func check(_ input: AnalyzedImage, _ sink: inout ImageDiagnosticSink) {
        guard input.analysis.config.healthcheck == nil else { return }
        let inHistory = input.analysis.history.contains { $0.createdBy.contains("HEALTHCHECK") }
        sink.report("the config has no `Healthcheck`",
                    notes: inHistory ? ["the history shows a HEALTHCHECK step: this OCI-format image lost it (OCI has no health check field)"] : [],
                    counterpart: DockerfileCounterpart(MissingHealthcheckRule.description))
    }
}
