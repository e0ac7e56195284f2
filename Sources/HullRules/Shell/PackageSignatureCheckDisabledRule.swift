import HullCore
import HullDockerfile
import HullLint
import HullShell

/// Package managers told to accept unsigned or unverified packages.
public struct PackageSignatureCheckDisabledRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "SH037", name: "package-signature-check-disabled",
        summary: "A package manager runs with signature or digest checks turned off.",
        rationale: """
        Package signatures are what tie a package to the distribution that built it; TLS alone does \
        not, because mirrors and proxies serve the files. With the check off, anyone who can tamper \
        with a mirror, a proxy or a cached file can put code into the image, and it runs as root \
        during the build. Hull flags apk `--allow-untrusted`; apt-get and apt \
        `--allow-unauthenticated`, `--force-yes`, `--allow-insecure-repositories` and the matching \
        `-o APT::Get::AllowUnauthenticated=true` or `-o Acquire::AllowInsecureRepositories=true`; \
        yum, dnf, microdnf and tdnf `--nogpgcheck` and `--setopt=…gpgcheck=0`; rpm `--nosignature`, \
        `--nodigest`, `--noverify` and `--nofiledigest`; zypper `--no-gpg-checks` and `addrepo \
        --no-gpgcheck`. Import the repository's signing key instead (`signed-by=` for apt, `rpm \
        --import`, `--gpg-auto-import-keys` for a key you trust). Checkov finds these with text \
        patterns; Hull reads the actual command line, through `sudo`, `sh -c` and heredocs.
        """,
        category: .security, defaultSeverity: .error,
        aliases: [.checkov("CKV2_DOCKER_7"), .checkov("CKV2_DOCKER_8"), .checkov("CKV2_DOCKER_9"), .checkov("CKV2_DOCKER_10"), .checkov("CKV2_DOCKER_11")],
        fixAvailability: .unsafe,
        fixNote: """
        The fix removes the option. It is unsafe because the install then fails when the package or \
        repository really is unsigned or signed by a key the image does not trust; that failure is \
        the protection, and the remedy is to import the right key.
        """,
        examples: [
            .passing("FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r0\n"),
            .passing("FROM fedora:40\nRUN rpm --import https://example.com/key.asc && dnf install -y --setopt=install_weak_deps=0 tool-1.2\n"),
            .failing("FROM alpine:3.20\nRUN apk add ⟦--allow-untrusted⟧ /tmp/tool.apk\n"),
            .failing("FROM debian:12\nRUN apt-get install -y ⟦--force-yes⟧ curl && \\\n    sudo apt-get ⟦-o APT::Get::AllowUnauthenticated=true⟧ install -y tool\n"),
            .failing("FROM fedora:40\nRUN <<EOF\nset -e\ndnf install -y ↓--nogpgcheck tool-1.2\nrpm -ivh ↓--nosignature /tmp/tool.rpm\nEOF\n"),
            .failing("FROM opensuse/leap:15.6\nRUN zypper ⟦--no-gpg-checks⟧ -n install git && tdnf install -y ⟦--setopt=gpgcheck=0⟧ jq\n"),
            .fix("FROM debian:12\nRUN apt-get install -y --allow-unauthenticated curl\n", to: "FROM debian:12\nRUN apt-get install -y curl\n", .unsafe),
            .fix("FROM alpine:3.20\nRUN apk \\\n    add python3 \\\n    --allow-untrusted\nRUN echo done\n",
                 to: "FROM alpine:3.20\nRUN apk \\\n    add python3\nRUN echo done\n", .unsafe),
            .fix("FROM fedora:40\nRUN rpm \\\n    -i python3.rpm \\\n    --nodigest \\\n    --nosignature \\\n\n    --noverify\nRUN echo done\n",
                 to: "FROM fedora:40\nRUN rpm \\\n    -i python3.rpm\nRUN echo done\n", .unsafe),
        ])

    static let aptOptions = ["--allow-unauthenticated", "--force-yes", "--allow-insecure-repositories"]
    static let aptSettings: Set<String> = ["apt::get::allowunauthenticated", "apt::get::allow-unauthenticated", "acquire::allowinsecurerepositories",
                                           "acquire::allowdowngradetoinsecurerepositories", "apt::get::force-yes"]
    static let gpgcheckKeys: Set<String> = ["gpgcheck", "localpkg_gpgcheck", "repo_gpgcheck"]
    static let rpmOptions: Set<String> = ["--nosignature", "--nodigest", "--noverify", "--nofiledigest"]

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        let bytes = input.source.bytes
        for run in input.hygieneRuns {
            for command in run.commands {
                guard let invocation = command.invocation else { continue }
                for (first, last, text) in HygieneSettings.setoptWords(invocation) where HygieneSettings.setsFalse(text, keys: Self.gpgcheckKeys) {
                    let fix = run.allowsFixes ? HygieneEdits.delete(from: first, through: last, in: bytes).map {
                        Fix(title: "Remove `--setopt=\(text)`", edits: [$0], applicability: .unsafe)
                    } : nil
                    sink.report(first.fileRange.union(last.fileRange), "`\(invocation.name)` with `--setopt=\(text)` turns off package signature checks", fix: fix,
                                peerIDs: [])
                }
                for option in disablingOptions(invocation) {
                    var fix: Fix?
                    if run.allowsFixes, let edit = HygieneEdits.delete(option, in: bytes) {
                        fix = Fix(title: "Remove `\(option.spelling)`", edits: [edit], applicability: .unsafe)
                    }
                    sink.report(option.fileRange, "`\(invocation.name)` with `\(Self.spelled(option))` turns off package signature checks", fix: fix,
                                peerIDs: Self.checkovIDs(tool: invocation.tool ?? invocation.name, option: option))
                }
            }
        }
    }

    /// The options of an invocation that turn signature checks off.
    private func disablingOptions(_ invocation: CommandInvocation) -> [ParsedOption] {
        switch invocation.tool ?? invocation.name {
        case "apk":
            return invocation.options(named: "--allow-untrusted")
        case "apt-get", "apt":
            return invocation.options.filter { option in
                if option.matches(Self.aptOptions) { return true }
                guard option.matches(["-o"]), let value = option.value, let equals = value.firstIndex(of: "=") else { return false }
                return Self.aptSettings.contains(value[..<equals].lowercased()) && HygieneSettings.isTrue(String(value[value.index(after: equals)...]))
            }
        case "yum", "dnf", "microdnf":
            return invocation.options(named: "--nogpgcheck")
        case "rpm":
            return invocation.options.filter { Self.rpmOptions.contains($0.spelling) }
        case "zypper":
            let global = invocation.options(named: "--no-gpg-checks")
            let repository = invocation.subcommands.first?.name == "addrepo" ? invocation.options(named: "--no-gpgcheck") : []
            return global + repository
        default:
            return []
        }
    }

    /// The Checkov check that looks for this option of this tool (each looks for one spelling).
    static func checkovIDs(tool: String, option: ParsedOption) -> [String] {
        switch (tool, option.spelling) {
        case ("apk", "--allow-untrusted"): ["CKV2_DOCKER_7"]
        case ("apt-get", "--allow-unauthenticated"): ["CKV2_DOCKER_8"]
        case ("apt-get", "--force-yes"): ["CKV2_DOCKER_11"]
        case ("yum", "--nogpgcheck"), ("dnf", "--nogpgcheck"), ("microdnf", "--nogpgcheck"), ("tdnf", "--nogpgcheck"): ["CKV2_DOCKER_9"]
        case ("rpm", _): ["CKV2_DOCKER_10"]
        default: []
        }
    }

    /// The option as written, with its value for settings.
    static func spelled(_ option: ParsedOption) -> String {
        guard let value = option.value else { return option.spelling }
        if option.matches(["-o"]) { return "-o \(value)" }
        return option.spelling
    }
}
