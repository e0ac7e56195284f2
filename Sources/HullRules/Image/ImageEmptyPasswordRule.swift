import HullLint

/// An account has an empty password.
public struct ImageEmptyPasswordRule: ImageRule {
    public static let description = RuleDescription(
        code: "IM013", name: "image-empty-password",
        summary: "An account in /etc/shadow has an empty password.",
        rationale: """
        An empty password field in `/etc/shadow` lets anyone log in as that account without a password, \
        through `su` or any login service the image runs. Lock accounts that need no password (`*` or `!` \
        in the field, as `useradd` does by default).
        """,
        category: .security, defaultSeverity: .error, aliases: [.dockle("DKL-LI-0001")],
        imageExamples: [
            .passing(ExampleImage([.layer("ADD rootfs.tar /", [.file("etc/shadow", "root:*:19000:0:99999:7:::\napp:!:19000::::::\n", mode: 0o640)])], config: .init(user: "app"))),
            .failing(ExampleImage([.layer("ADD rootfs.tar /", [.file("etc/shadow", "root:*:19000:0:99999:7:::\napp::19000::::::\n", mode: 0o640)])], config: .init(user: "app"))),
        ])

    public init() {}

    public func check(_ input: AnalyzedImage, _ sink: inout ImageDiagnosticSink) {
        for account in input.analysis.accounts.emptyPasswords {
            sink.report("account `\(account)` has an empty password")
        }
    }
}
