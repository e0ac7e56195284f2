import HullLint

/// A build step ran dist-upgrade.
public struct ImageDistUpgradeRule: ImageRule {
    public static let description = RuleDescription(
        code: "IM009", name: "image-dist-upgrade",
        summary: "A history step runs `dist-upgrade`.",
        rationale: """
        `dist-upgrade` may install, remove and replace packages to follow a new release, so the image no \
        longer matches the base it names and two builds of the same Dockerfile differ. Rebuild on a newer \
        base image instead.
        """,
        category: .maintainability, defaultSeverity: .warning, aliases: [.dockle("DKL-DI-0003")],
        imageExamples: [
            .passing(ExampleImage([.layer("ADD rootfs.tar /"), .layer("RUN /bin/sh -c apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*")], config: .init(user: "app"))),
            .failing(ExampleImage([.layer("ADD rootfs.tar /"), .layer("RUN /bin/sh -c apt-get update && apt-get -y dist-upgrade && rm -rf /var/lib/apt/lists/*")], config: .init(user: "app")),
                     note: "SH036 (distribution-upgrade)"),
        ])

    public init() {}

    public func check(_ input: AnalyzedImage, _ sink: inout ImageDiagnosticSink) {
        for line in input.analysis.history where ImageHistory.runs(line.createdBy, #"\b(apt(-get)?|zypper)\s+(-\S+\s+)*dist-upgrade\b"#) {
            sink.report("`dist-upgrade` in a build step", notes: [ImageHistory.note(line)], counterpart: DockerfileCounterpart(DistributionUpgradeRule.description))
        }
    }
}
