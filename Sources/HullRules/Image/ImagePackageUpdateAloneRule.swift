import HullLint

/// A build step updated the package index without installing anything.
public struct ImagePackageUpdateAloneRule: ImageRule {
    public static let description = RuleDescription(
        code: "IM003", name: "image-package-update-alone",
        summary: "A history step updates the package index without installing in the same step.",
        rationale: """
        A package index updated in one layer and used by a later step is cached with the layer: when the \
        later step changes, the build reuses the old index and installs stale or vanished versions. Update \
        and install in one `RUN` (`apt-get update && apt-get install -y …`).
        """,
        category: .correctness, defaultSeverity: .error, aliases: [.dockle("CIS-DI-0007")],
        imageExamples: [
            .passing(ExampleImage([.layer("ADD rootfs.tar /"), .layer("RUN /bin/sh -c apt-get update && apt-get install -y --no-install-recommends curl")], config: .init(user: "app"))),
            .failing(ExampleImage([.layer("ADD rootfs.tar /"), .layer("RUN /bin/sh -c apt-get update"), .layer("RUN /bin/sh -c apt-get install -y curl")], config: .init(user: "app")),
                     note: "history line 1"),
        ])

    public init() {}

    public func check(_ input: AnalyzedImage, _ sink: inout ImageDiagnosticSink) {
        for line in input.analysis.history
        where ImageHistory.runs(line.createdBy, #"\bapt(-get)?\s+update\b"#) && !ImageHistory.runs(line.createdBy, #"\bapt(-get)?\s+(-\S+\s+)*(install|upgrade|dist-upgrade|full-upgrade)\b"#) {
            sink.report("`apt-get update` without an install in the same step", notes: [ImageHistory.note(line)],
                        counterpart: DockerfileCounterpart(PackageIndexUpdateAloneRule.description))
        }
    }
}
