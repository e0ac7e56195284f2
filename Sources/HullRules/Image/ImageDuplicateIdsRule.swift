import HullLint

/// Two accounts share a UID, or two groups a GID.
public struct ImageDuplicateIdsRule: ImageRule {
    public static let description = RuleDescription(
        code: "IM014", name: "image-duplicate-ids",
        summary: "Two accounts share a UID in /etc/passwd, or two groups a GID in /etc/group.",
        rationale: """
        The kernel knows users and groups by number only: two names with one ID are one identity, so a \
        second account with UID 0 is a second root, and permissions given to one name are given to both. \
        Give every account and group its own ID.
        """,
        category: .security, defaultSeverity: .error, aliases: [.dockle("DKL-LI-0002")],
        imageExamples: [
            .passing(ExampleImage([.layer("ADD rootfs.tar /", [.file("etc/passwd", "root:x:0:0::/root:/bin/sh\napp:x:1000:1000::/app:/bin/sh\n"),
                                                               .file("etc/group", "root:x:0:\napp:x:1000:\n")])], config: .init(user: "app"))),
            .failing(ExampleImage([.layer("ADD rootfs.tar /", [.file("etc/passwd", "root:x:0:0::/root:/bin/sh\ntoor:x:0:0::/root:/bin/sh\napp:x:1000:1000::/app:/bin/sh\n"),
                                                               .file("etc/group", "root:x:0:\nwheel:x:0:\napp:x:1000:\n")])], config: .init(user: "app")),
                     [.image, .image]),
        ])

    public init() {}

    public func check(_ input: AnalyzedImage, _ sink: inout ImageDiagnosticSink) {
        for uid in input.analysis.accounts.duplicateUIDs { sink.report("UID \(uid) is used by several accounts") }
        for gid in input.analysis.accounts.duplicateGIDs { sink.report("GID \(gid) is used by several groups") }
    }
}
