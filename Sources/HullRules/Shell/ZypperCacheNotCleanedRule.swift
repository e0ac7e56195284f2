import HullCore
import HullDockerfile
import HullLint
import HullShell

/// zypper installs whose metadata and package cache stay in the image.
public struct ZypperCacheNotCleanedRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "SH009", name: "zypper-cache-not-cleaned",
        summary: "`zypper` installs packages in a RUN that does not end with `zypper clean`.",
        rationale: """
        zypper keeps repository metadata and downloaded RPMs under `/var/cache/zypp`. The container never \
        reads them, and since every RUN is a layer only a `zypper clean --all` (or `zypper cc`) in the same \
        RUN, after the last install, keeps them out of the image; removing `/var/cache/zypp` or mounting it \
        with `RUN --mount=type=cache` or `type=tmpfs` works too. Only stages whose files reach the image are \
        judged.
        """,
        category: .size, defaultSeverity: .warning,
        aliases: [.hadolint("DL3036"), .trivy("DS-0020")],
        fixAvailability: .safe,
        examples: [
            .passing("FROM opensuse/leap:15.6\nRUN zypper --non-interactive install -y curl && zypper clean --all\n"),
            .passing("FROM opensuse/leap:15.6\nRUN zypper -n in curl && zypper cc -a\n"),
            .passing("FROM opensuse/leap:15.6\nRUN --mount=type=cache,target=/var/cache/zypp zypper -n install curl\n"),
            .failing("FROM opensuse/leap:15.6\nRUN ⟦zypper -n install⟧ curl\n"),
            .failing("FROM opensuse/tumbleweed\nRUN zypper clean --all && ⟦zypper -n update⟧\n"),
            .fix("FROM opensuse/leap:15.6\nRUN zypper -n install curl\n",
                 to: "FROM opensuse/leap:15.6\nRUN zypper -n install curl && zypper clean --all\n"),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        PackageManagerCleanup.check(family: .zypper, cleanCommand: { "\($0) clean --all" }, input, &sink)
    }
}
