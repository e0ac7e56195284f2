import HullCore
import HullDockerfile
import HullLint
import HullShell

/// Distribution packages installed without a version.
public struct OsPackageNotPinnedRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "SH033", name: "os-package-not-pinned",
        summary: "A distribution package is installed without a version.",
        rationale: """
        Without a version the package manager installs whatever the mirror offers on the day of the \
        build, so two builds of the same Dockerfile can differ, a rebuild can pull in a breaking \
        release, and the layer cache hides when that happened. Pin what you install: `apt-get \
        install curl=7.88.1-10+deb12u5`, `apk add curl=8.9.1-r0` (or `curl~8.9`), `dnf install \
        curl-7.76.1`, `zypper install 'curl>=8'`. The syntax rules are hadolint's: apt's `/release` \
        and apk's `~` count as pins, zypper accepts any comparison, RPM names need a `-version` that \
        starts with a digit (so `python3-devel` is not pinned, where hadolint's yum check is fooled \
        by the dash), dnf modules need `:stream`; local `.deb`, `.apk` and `.rpm` files, URLs, \
        groups and zypper patterns are not packages to pin. Operands built from ARG or ENV values \
        are resolved and judged by their value; operands only known at run time are left alone. \
        Pinned versions do disappear from distribution mirrors; the `managers` option (`apt`, `apk`, \
        `rpm`, `zypper`) limits the check to the package managers you want pinned.
        """,
        category: .correctness, defaultSeverity: .warning,
        aliases: [.hadolint("DL3008"), .hadolint("DL3018"), .hadolint("DL3033"), .hadolint("DL3037"), .hadolint("DL3041")],
        examples: [
            .passing("FROM debian:12\nRUN apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 ./local.deb nginx/bookworm-backports\n"),
            .passing("FROM alpine:3.20\nARG CURL_VERSION=8.9.1-r0\nRUN apk add --no-cache --virtual .build-deps curl=${CURL_VERSION} musl~1.2 && apk add $EXTRA_PACKAGES\n"),
            .passing("FROM alpine:3.20\nRUN PKGS=\"curl=8.9.1-r0 git=2.45.2-r0\" && apk add --no-cache $PKGS && sh -c 'apk add $PKGS'\n"),
            .failing("FROM debian:12\nRUN buildDeps='ca-certificates git=1:2.39.5-0+deb12u1' set -x && apt-get install -y ⟦$buildDeps⟧\n"),
            .failing("FROM alpine:3.20\nRUN set -eux && INSTALL_PKGS=\"bash \\\n        tzdata=2024a-r1\" && \\\n    apk add --no-cache ⟦${INSTALL_PKGS}⟧\n"),
            .passing("FROM fedora:40\nRUN dnf install -y make-4.4.1 https://example.com/tool.rpm && dnf module install -y nodejs:20 && dnf group install -y 'Development Tools'\n"),
            .passing("FROM opensuse/leap:15.6\nRUN zypper -n install 'git>=2.43' && zypper -n install -t pattern devel_basis\n"),
            .passing("FROM debian:12\nRUN apt-get install -y curl && apk add curl\n", options: ["managers": .list([.string("rpm")])]),
            .passing("FROM debian:12\nARG APT_FLAGS=\"-qy --no-install-recommends\"\nRUN apt-get install $APT_FLAGS curl=7.88.1-10+deb12u5\n"),
            .failing("FROM debian:12\nRUN apt-get update && apt-get install -y ⟦curl⟧ wget=1.21.3-1+b2\n"),
            .failing("FROM alpine:3.20\nARG PACKAGES=\"git openssh=9.7_p1-r4\"\nRUN apk add --no-cache ⟦$PACKAGES⟧\n"),
            .failing("FROM fedora:40\nRUN <<EOF\nset -e\ndnf install -y ⟦python3-devel⟧ gcc-14.1.1\nmicrodnf install -y ↓jq\ndnf module install -y ↓nodejs\nEOF\n"),
            .failing("FROM opensuse/leap:15.6\nRUN sudo zypper -n in ⟦git⟧ && \\\n    yum install -y ↓tar\n"),
        ])

    /// hadolint has one ID per package manager; it treats `microdnf` as dnf and does not check
    /// `apt` (only `apt-get`), `tdnf` or `dnf5`.
    static let peerIDs = ["apt-get": "DL3008", "apk": "DL3018", "yum": "DL3033", "microdnf": "DL3041", "zypper": "DL3037", "dnf": "DL3041"]

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        let managers = Set(sink.listOption("managers").map { $0.lowercased() })
        func enabled(_ manager: String) -> Bool { managers.isEmpty || managers.contains(manager) }
        for run in input.hygieneRuns {
            let base = input.hygieneScope(at: run.instruction.index)
            for script in run.scripts {
                var scope = base
                for command in script.commands {
                    // A nested shell (`sh -c '…'`) does not see the outer script's unexported variables.
                    if command.context.enclosures.contains(where: { if case .nestedScript = $0 { true } else { false } }) { continue }
                    // `PKGS="curl git" && apk add $PKGS`: a top-level assignment sets the list for the commands after it,
                    // and so does one before a special built-in (`buildDeps='…' set -x`), which POSIX keeps in the shell.
                    if command.context.enclosures.isEmpty, command.words.isEmpty || Self.specialBuiltins.contains(command.words[0].literal ?? "") {
                        for assignment in command.assignments where assignment.arraySubscript == nil && !assignment.isAppend {
                            guard let value = assignment.value, let fields = HygieneVariables.fields(of: value, in: scope) else { continue }
                            scope.setEnv(assignment.name, value: fields.joined(separator: " "))
                        }
                        if command.words.isEmpty { continue }
                    }
                    report(command, scope: scope, enabled: enabled, into: &sink)
                }
            }
        }
    }

    /// POSIX special built-ins, whose prefix assignments stay set in the shell after them.
    static let specialBuiltins: Set<String> = ["set", ":", "export", "readonly", "eval", ".", "shift", "trap", "unset"]

    private func report(_ command: SimpleCommand, scope: VariableScope, enabled: (String) -> Bool, into sink: inout DiagnosticSink) {
        guard let invocation = command.invocation, let tool = invocation.tool,
              let (manager, ecosystem, example) = Self.packageOperands(invocation, tool: tool), enabled(manager) else { return }
        for (word, names) in HygienePackages.unpinned(invocation.operands, ecosystem, scope: scope) {
            let list = names.map { "`\($0)`" }.joined(separator: ", ")
            let what = word.literal == nil ? "`\(word.raw)` gives \(list), not pinned" : "\(list) is not pinned"
            sink.report(word.fileRange, "\(what); use `\(example)`",
                        peerIDs: PackageManagerFamily.hadolintChecks(tool: tool, name: invocation.name) ? Self.peerIDs[tool].map { [$0] } ?? [] : [])
        }
    }

    /// The package manager family, the ecosystem of the operands and an example of a pin, when
    /// the invocation installs distribution packages.
    static func packageOperands(_ invocation: CommandInvocation, tool: String) -> (String, HygienePackages.Ecosystem, String)? {
        let path = invocation.subcommandPath
        switch tool {
        case "apt-get", "apt":
            guard path.first == "install" else { return nil }
            return ("apt", .apt, "\(invocation.name) install <package>=<version>")
        case "apk":
            guard path.first == "add" else { return nil }
            return ("apk", .apk, "apk add <package>=<version>")
        case "yum", "dnf", "microdnf":
            if path == ["install"] { return ("rpm", .rpm, "\(invocation.name) install <package>-<version>") }
            if path == ["module", "install"] { return ("rpm", .rpmModule, "\(invocation.name) module install <module>:<stream>") }
            return nil
        case "zypper":
            guard path.first == "install" else { return nil }
            if let type = invocation.value(of: "-t"), type != "package" { return nil }
            return ("zypper", .zypper, "zypper install <package>=<version>")
        default:
            return nil
        }
    }
}
