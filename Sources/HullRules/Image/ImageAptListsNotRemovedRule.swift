import HullLint

/// A build step ran apt-get without removing the package lists.
public struct ImageAptListsNotRemovedRule: ImageRule {
    public static let description = RuleDescription(
        code: "IM011", name: "image-apt-lists-not-removed",
        summary: "A history step runs apt-get update/install without removing /var/lib/apt/lists in the same step.",
        rationale: """
        The package lists `apt-get update` downloads (tens of megabytes) stay in the layer of the step \
        that fetched them, even when a later step deletes them. End the same `RUN` with \
        `rm -rf /var/lib/apt/lists/*`, or use a cache mount.
        """,
        category: .size, defaultSeverity: .error, aliases: [.dockle("DKL-DI-0005")],
        imageExamples: [
            .passing(ExampleImage([.layer("ADD rootfs.tar /"), .layer("RUN /bin/sh -c apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*")], config: .init(user: "app"))),
            .failing(ExampleImage([.layer("ADD rootfs.tar /"), .layer("RUN /bin/sh -c apt-get update && apt-get install -y curl", [.file("var/lib/apt/lists/deb.debian.org_dists", size: 4096)])],
                                  config: .init(user: "app")), note: "SH005 (apt-lists-not-removed)"),
        ])

    public init() {}

    public func check(_ input: AnalyzedImage, _ sink: inout ImageDiagnosticSink) {
        for line in input.analysis.history
        where ImageHistory.runs(line.createdBy, #"\bapt(-get)?\s+(-\S+\s+)*(update|install)\b"#) && !line.createdBy.contains("/var/lib/apt/lists") && !line.createdBy.contains("distclean") {
            sink.report("apt-get without `rm -rf /var/lib/apt/lists/*` in the same step", notes: [ImageHistory.note(line)],
                        counterpart: DockerfileCounterpart(AptListsNotRemovedRule.description))
        }
    }
}
