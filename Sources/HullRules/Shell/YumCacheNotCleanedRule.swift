import HullCore
import HullDockerfile
import HullLint
import HullShell

/// yum, dnf or microdnf installs whose metadata and package cache stay in the image.
public struct YumCacheNotCleanedRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "SH008", name: "yum-cache-not-cleaned",
        summary: "`yum`, `dnf`, `microdnf` or `tdnf` installs packages in a RUN that does not end with `clean all`.",
        rationale: """
        The RPM package managers keep repository metadata and downloaded packages under `/var/cache/yum` or \
        `/var/cache/dnf`: tens to hundreds of megabytes that the container never reads. Because every RUN is \
        a layer, only a `yum clean all` (or `dnf`/`microdnf clean all`) in the same RUN, after the last \
        install, keeps them out of the image; removing the cache folder with `rm -rf` or mounting it with \
        `RUN --mount=type=cache` or `type=tmpfs` works too. Only stages whose files reach the image are \
        judged. hadolint and Trivy have one rule per tool; Hull has one for the family, since they share \
        their cache and the remedy.
        """,
        category: .size, defaultSeverity: .warning,
        aliases: [.hadolint("DL3032"), .hadolint("DL3040"), .trivy("DS-0015"), .trivy("DS-0019"), .trivy("DS-0027")],
        fixAvailability: .safe,
        examples: [
            .passing("FROM rockylinux:9\nRUN yum install -y git && yum clean all\n"),
            .passing("FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/dnf dnf install -y gcc\n"),
            .passing("FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y shadow-utils \\\n && microdnf clean all \\\n && rm -rf /var/cache/yum\n"),
            .failing("FROM rockylinux:9\nRUN ⟦yum install⟧ -y git\n"),
            .failing("FROM fedora:40\nRUN dnf clean all && ⟦dnf install⟧ -y gcc\n"),
            .fix("FROM fedora:40\nRUN dnf install -y gcc make \\\n && make -C /src install\n",
                 to: "FROM fedora:40\nRUN dnf install -y gcc make && dnf clean all \\\n && make -C /src install\n"),
            .fix("FROM fedora:40\nRUN dnf install -y python3 | tee /tmp/install.log\n", to: "FROM fedora:40\nRUN dnf install -y python3 | tee /tmp/install.log && dnf clean all\n"),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        PackageManagerCleanup.check(family: .yum, cleanCommand: { "\($0) clean all" },
                                    peerIDs: ["yum": ["DL3032", "DS-0015"], "dnf": ["DL3040", "DS-0019"], "microdnf": ["DL3040", "DS-0019", "DS-0027"], "tdnf": ["DS-0019"], "dnf5": ["DS-0019"]], input, &sink)
    }
}
