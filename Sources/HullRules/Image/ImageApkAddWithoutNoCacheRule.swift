import HullLint

/// A build step ran apk add without --no-cache.
public struct ImageApkAddWithoutNoCacheRule: ImageRule {
    public static let description = RuleDescription(
        code: "IM010", name: "image-apk-add-without-no-cache",
        summary: "A history step runs `apk add` without `--no-cache`.",
        rationale: """
        Without `--no-cache`, `apk add` keeps the downloaded package index under `/var/cache/apk` in the \
        layer, where a later step cannot remove it. `apk add --no-cache` fetches the index to memory only.
        """,
        category: .size, defaultSeverity: .error, aliases: [.dockle("DKL-DI-0004")],
        imageExamples: [
            .passing(ExampleImage([.layer("ADD rootfs.tar /"), .layer("RUN /bin/sh -c apk add --no-cache curl")], config: .init(user: "app"))),
            .failing(ExampleImage([.layer("ADD rootfs.tar /"), .layer("RUN /bin/sh -c apk update && apk add curl")], config: .init(user: "app")),
                     note: "SH006 (apk-add-without-no-cache)"),
        ])

    public init() {}

    public func check(_ input: AnalyzedImage, _ sink: inout ImageDiagnosticSink) {
        for line in input.analysis.history where ImageHistory.runs(line.createdBy, #"\bapk\s+(-\S+\s+)*add\b"#) && !line.createdBy.contains("--no-cache") {
            sink.report("`apk add` without `--no-cache`", notes: [ImageHistory.note(line)], counterpart: DockerfileCounterpart(ApkAddWithoutNoCacheRule.description))
        }
    }
}
