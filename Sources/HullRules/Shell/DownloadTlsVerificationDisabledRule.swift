import HullCore
import HullDockerfile
import HullLint
import HullShell

/// Download tools told not to verify TLS certificates (`curl -k`, `wget
/// --no-check-certificate`, `git -c http.sslVerify=false`).
public struct DownloadTlsVerificationDisabledRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "SH038", name: "download-tls-verification-disabled",
        summary: "A download runs with TLS certificate verification turned off.",
        rationale: """
        Without certificate verification HTTPS still encrypts, but no longer proves who is on the \
        other end: anyone on the network path (a compromised proxy, a hostile Wi-Fi, a poisoned DNS \
        answer on the build host) can serve a different file, and the build puts it into the image, \
        often straight into a shell. If a server uses a private CA, add that CA to the image (`COPY \
        ca.crt /usr/local/share/ca-certificates/` and `update-ca-certificates`) or point the tool at \
        it (`curl --cacert`, `wget --ca-certificate`, `git -c http.sslCAInfo=…`). Hull flags curl \
        `-k`/`--insecure` (also inside `-fsSLk`) and `--proxy-insecure`, wget \
        `--no-check-certificate` and `-e check_certificate=off`, and git `-c http.sslVerify=false` \
        (also for one URL, `http.<url>.sslVerify`). Settings made persistent through configuration \
        commands or environment variables are the concern of `tool-tls-verification-disabled`.
        """,
        category: .security, defaultSeverity: .error,
        aliases: [.checkov("CKV2_DOCKER_2"), .checkov("CKV2_DOCKER_3")],
        fixAvailability: .unsafe,
        fixNote: """
        The fix removes the option (with its value for `git -c` and `wget -e`); it is not offered \
        when the option shares a word with others, as in `-fsSLk`. It is unsafe because the download \
        then fails if the server's certificate is not trusted by the image; install the right CA \
        certificate rather than turning verification back off.
        """,
        examples: [
            .passing("FROM debian:12\nRUN curl -fsSL --cacert /etc/ssl/private-ca.pem https://intranet.example.com/app.tgz -o /tmp/app.tgz\n"),
            .passing("FROM debian:12\nRUN wget -q https://example.com/a && git -c http.sslVerify=true clone https://example.com/repo.git && curl -fsSLo /tmp/x -K /etc/curlrc https://example.com/x\n"),
            .failing("FROM debian:12\nRUN curl -fsSL ⟦--insecure⟧ https://example.com/install.sh -o /tmp/install.sh\n"),
            .failing("FROM debian:12\nRUN curl -fsSL↓k https://example.com/a -o /tmp/a && \\\n    sudo wget -q ⟦--no-check-certificate⟧ https://example.com/b\n"),
            .failing("FROM debian:12\nRUN <<EOF\nset -e\ngit -c ⟦http.sslVerify=false⟧ clone https://example.com/repo.git\nEOF\n"),
            .failing("FROM debian:12\nRUN sh -c 'wget -q -e ⟦check_certificate=off⟧ https://example.com/c'\n"),
            .fix("FROM debian:12\nRUN curl --insecure -fsSLo /tmp/a https://example.com/a\n", to: "FROM debian:12\nRUN curl -fsSLo /tmp/a https://example.com/a\n", .unsafe),
            .fix("FROM debian:12\nRUN git -c http.sslVerify=false clone https://example.com/repo.git\n", to: "FROM debian:12\nRUN git clone https://example.com/repo.git\n", .unsafe),
        ])

    /// The `.wgetrc` command that turns certificate checks off, as `-e` spells it.
    static let wgetCertificateKeys: Set<String> = ["check_certificate", "check-certificate", "checkcertificate"]

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        let bytes = input.source.bytes
        for run in input.hygieneRuns {
            for command in run.commands {
                guard let name = command.effectiveName, let invocation = command.invocation else { continue }
                switch name {
                case "curl":
                    for option in invocation.options(named: "-k", "--proxy-insecure") {
                        report(option.nameFileRange, "`curl \(option.spelling)` downloads without verifying the server's certificate",
                               removing: run.allowsFixes ? HygieneEdits.delete(option, in: bytes) : nil, title: option.spelling, peerIDs: option.spelling == "--proxy-insecure" ? [] : ["CKV2_DOCKER_2"], into: &sink)
                    }
                case "wget":
                    for option in invocation.options(named: "--no-check-certificate") {
                        report(option.nameFileRange, "`wget --no-check-certificate` downloads without verifying the server's certificate",
                               removing: run.allowsFixes ? HygieneEdits.delete(option, in: bytes) : nil, title: option.spelling, peerIDs: ["CKV2_DOCKER_3"], into: &sink)
                    }
                    for option in invocation.options(named: "-e") {
                        guard let value = option.value,
                              HygieneSettings.setsFalse(value.replacingOccurrences(of: " ", with: ""), keys: Self.wgetCertificateKeys) else { continue }
                        report(option.valueFileRange ?? option.fileRange, "`wget -e \(value)` downloads without verifying the server's certificate",
                               removing: run.allowsFixes ? HygieneEdits.delete(option, in: bytes) : nil, title: "-e \(value)", into: &sink)
                    }
                case "git":
                    for (flag, setting) in Self.gitSettings(command) where HygieneSettings.setsFalse(setting.literal ?? "", keys: ["sslverify"]) {
                        let removal = run.allowsFixes ? HygieneEdits.delete(from: flag, through: setting, in: bytes) : nil
                        report(setting.fileRange, "`git -c \(setting.literal ?? "")` clones and fetches without verifying the server's certificate",
                               removing: removal, title: "-c \(setting.literal ?? "")", into: &sink)
                    }
                default:
                    break
                }
            }
        }
    }

    private func report(_ range: TextRange, _ message: String, removing edit: Edit?, title: String, peerIDs: [String] = [], into sink: inout DiagnosticSink) {
        sink.report(range, message, fix: edit.map { Fix(title: "Remove `\(title)`", edits: [$0], applicability: .unsafe) }, peerIDs: peerIDs)
    }

    /// The `-c key=value` (and `clone --config key=value`) pairs of a git command line.
    static func gitSettings(_ command: SimpleCommand) -> [(flag: ShellWord, setting: ShellWord)] {
        let words = Array(command.arguments)
        var pairs: [(flag: ShellWord, setting: ShellWord)] = []
        var index = 0
        while index + 1 < words.count {
            if let text = words[index].literal, text == "-c" || text == "--config" {
                pairs.append((words[index], words[index + 1]))
                index += 2
            } else {
                index += 1
            }
        }
        return pairs
    }
}
