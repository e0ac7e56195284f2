import HullLint

/// A layer holds entries that escape or confuse extraction.
public struct ImageUnsafeArchiveEntryRule: ImageRule {
    public static let description = RuleDescription(
        code: "IM020", name: "image-unsafe-archive-entry",
        summary: "A layer has entries that escape or confuse extraction: absolute or `..` names, links out of the root, duplicates.",
        rationale: """
        Engines extract layers carefully, but other tools that unpack images (scanners, backup scripts, \
        `tar -x` in a pipeline) may not: an absolute or `..` name, or a link that points out of the root, \
        is how a hostile image writes outside its folder, and duplicate entries make what the filesystem \
        holds depend on the extractor. No builder makes such layers; rebuild the image from its Dockerfile.
        """,
        category: .security, defaultSeverity: .error,
        imageExamples: [
            .passing(ExampleImage([.layer("ADD rootfs.tar /", [.directory("app"), .file("app/run", "x"), .symlink("app/current", to: "run")])], config: .init(user: "app"))),
            .failing(ExampleImage([.layer("ADD rootfs.tar /", [.file("../../etc/cron.d/job", "* * * * * root sh\n"), .symlink("app/out", to: "../../../etc/shadow")])],
                                  config: .init(user: "app")), [.path("../../etc/cron.d/job"), .path("app/out")]),
        ])

    public init() {}

    public func check(_ input: AnalyzedImage, _ sink: inout ImageDiagnosticSink) {
        for problem in input.analysis.problems where problem.kind != "sparseFile" {
            sink.report(problem.message, layer: problem.layer, path: problem.path)
        }
    }
}
