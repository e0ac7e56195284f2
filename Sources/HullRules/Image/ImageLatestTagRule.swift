import HullLint

/// The image is named with the latest tag.
public struct ImageLatestTagRule: ImageRule {
    public static let description = RuleDescription(
        code: "IM012", name: "image-latest-tag",
        summary: "The image is named with the `latest` tag.",
        rationale: """
        `latest` is whatever was pushed last: a deployment that names it cannot be reproduced or rolled \
        back, and two hosts may run different images under one name. Tag images with a version or deploy \
        them by digest. (The Dockerfile rule about `latest` judges the base image a `FROM` names, not the \
        image built, so no Dockerfile rule is linked.)
        """,
        category: .maintainability, defaultSeverity: .warning, aliases: [.dockle("DKL-DI-0006")],
        imageExamples: [
            .passing(ExampleImage([.layer("ADD rootfs.tar /")], config: .init(user: "app"), tag: "example/app:1.4.2")),
            .failing(ExampleImage([.layer("ADD rootfs.tar /")], config: .init(user: "app"), tag: "example/app:latest")),
        ])

    public init() {}

    public func check(_ input: AnalyzedImage, _ sink: inout ImageDiagnosticSink) {
        if let tag = input.analysis.tags.first(where: { $0.hasSuffix(":latest") || $0 == "latest" }) {
            sink.report("the image is tagged `\(tag)`")
        }
    }
}
