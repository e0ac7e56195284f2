import HullLint

/// A file or folder is writable by every user.
public struct ImageWorldWritableRule: ImageRule {
    public static let description = RuleDescription(
        code: "IM019", name: "image-world-writable",
        summary: "A file, or a folder without the sticky bit, is writable by every user.",
        rationale: """
        Any process in the container, whatever user it runs as, can change a world-writable file, and \
        can replace or delete other users' files in a world-writable folder without the sticky bit. \
        Give such paths to the user that needs them (`COPY --chown`, `chown`) and drop the others' write \
        bit; shared scratch folders such as `/tmp` keep the sticky bit (mode 1777).
        """,
        category: .security, defaultSeverity: .warning,
        imageExamples: [
            .passing(ExampleImage([.layer("ADD rootfs.tar /", [.directory("tmp", mode: 0o1777), .file("app/data.db", "x", mode: 0o640, uid: 1000, gid: 1000)])], config: .init(user: "app"))),
            .failing(ExampleImage([.layer("ADD rootfs.tar /", [.directory("tmp", mode: 0o1777), .file("app/data.db", "x", mode: 0o666, uid: 1000, gid: 1000)])], config: .init(user: "app")),
                     [.path("/app/data.db")]),
        ])

    public init() {}

    public func check(_ input: AnalyzedImage, _ sink: inout ImageDiagnosticSink) {
        for file in input.analysis.worldWritable {
            sink.report("`\(file.path)` is world-writable (mode \(file.mode))", layer: file.layer, path: file.path)
        }
    }
}
