import HullLint

/// A build step used ADD.
public struct ImageAddInstructionRule: ImageRule {
    public static let description = RuleDescription(
        code: "IM005", name: "image-add-instruction",
        summary: "A history step uses ADD (the first one, the base root filesystem, is skipped).",
        rationale: """
        `ADD` fetches URLs and unpacks local archives implicitly, so what lands in the image depends on \
        the source's name and on a remote server; `COPY` does only what it says. The first `ADD` of the \
        history is how base images put their root filesystem in and is not flagged. An `ADD` of a URL is \
        linked to the Dockerfile rule about remote sources without a checksum; other `ADD`s to the rule \
        that prefers `COPY`.
        """,
        category: .security, defaultSeverity: .error, aliases: [.dockle("CIS-DI-0009")],
        imageExamples: [
            .passing(ExampleImage([.layer("/bin/sh -c #(nop) ADD file:4b03b5f5 in / "), .layer("COPY app /app # buildkit", [.file("app/main", "x")])], config: .init(user: "app"))),
            .failing(ExampleImage([.layer("/bin/sh -c #(nop) ADD file:4b03b5f5 in / "), .layer("ADD app.tgz /app # buildkit", [.file("app/main", "x")])], config: .init(user: "app")),
                     note: "DF009 (add-instead-of-copy)"),
            .failing(ExampleImage([.layer("ADD rootfs.tar /"), .layer("ADD https://example.com/tool.tar.gz /opt/ # buildkit", [.file("opt/tool.tar.gz", "x")])], config: .init(user: "app")),
                     note: "LC003 (remote-source-without-checksum)"),
        ])

    public init() {}

    public func check(_ input: AnalyzedImage, _ sink: inout ImageDiagnosticSink) {
        let adds = input.analysis.history.filter { $0.createdBy.hasPrefix("ADD ") || $0.createdBy.contains("#(nop) ADD ") }
        for line in adds.dropFirst() {
            let arguments = ImageHistory.copy(line.createdBy)?.arguments ?? ""
            let remote = arguments.contains("://") && !arguments.contains("--checksum")
            let counterpart = remote
                ? DockerfileCounterpart(RemoteSourceWithoutChecksumRule.description, evidence: "history line \(line.index) adds a URL without `--checksum`")
                : DockerfileCounterpart(AddInsteadOfCopyRule.description)
            sink.report("`ADD` in the image's history", notes: [ImageHistory.note(line)], counterpart: counterpart)
        }
    }
}
