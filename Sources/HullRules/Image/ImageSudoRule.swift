import HullLint

/// A build step ran sudo.
public struct ImageSudoRule: ImageRule {
    public static let description = RuleDescription(
        code: "IM007", name: "image-sudo",
        summary: "A history step runs `sudo`.",
        rationale: """
        Build steps already run as the user the Dockerfile's `USER` names; `sudo` in a build means the \
        image carries sudo, its setuid binary and its rules, which any process in the container can then \
        try to use. Switch `USER` around the steps that need root instead.
        """,
        category: .security, defaultSeverity: .error, aliases: [.dockle("DKL-DI-0001")],
        imageExamples: [
            .passing(ExampleImage([.layer("ADD rootfs.tar /"), .layer("RUN /bin/sh -c apk add --no-cache pseudo-tools")], config: .init(user: "app"))),
            .failing(ExampleImage([.layer("ADD rootfs.tar /"), .config("USER app"), .layer("RUN /bin/sh -c sudo apk add --no-cache curl")], config: .init(user: "app")),
                     note: "SH021 (sudo-in-run)"),
        ])

    public init() {}

    public func check(_ input: AnalyzedImage, _ sink: inout ImageDiagnosticSink) {
        for line in input.analysis.history where ImageHistory.runs(line.createdBy, #"(^|[\s;&|(])sudo\s"#) {
            sink.report("`sudo` in a build step", notes: [ImageHistory.note(line)], counterpart: DockerfileCounterpart(SudoInRunRule.description))
        }
    }
}
