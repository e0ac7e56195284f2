import HullLint

/// Docker Content Trust is off on the scanning host.
public struct ContentTrustDisabledRule: ImageRule {
    public static let description = RuleDescription(
        code: "IM021", name: "content-trust-disabled",
        summary: "Docker Content Trust is not enabled on the scanning host (`DOCKER_CONTENT_TRUST` is not 1).",
        rationale: """
        With `DOCKER_CONTENT_TRUST=1` the Docker client refuses to pull or run images that are not \
        signed; without it, a tampered image on a registry or a mirror is used as is. This checks the host \
        that runs `hull image` (as Dockle does), not the image: set the variable where images are pulled.
        """,
        category: .security, defaultSeverity: .info, aliases: [.dockle("CIS-DI-0005")],
        imageExamples: [
            .passing(ExampleImage([.layer("ADD rootfs.tar /")], config: .init(user: "app"), environment: ["DOCKER_CONTENT_TRUST": "1"])),
            .failing(ExampleImage([.layer("ADD rootfs.tar /")], config: .init(user: "app"), environment: [:])),
        ])

    public init() {}

    public func check(_ input: AnalyzedImage, _ sink: inout ImageDiagnosticSink) {
        if input.environment["DOCKER_CONTENT_TRUST"] != "1" { sink.report("`DOCKER_CONTENT_TRUST` is not `1` on this host") }
    }
}
