import HullCore
import HullDockerfile
import HullLint
import HullShell

/// A RUN sets or removes an account password (`chpasswd`, `passwd --stdin`, `passwd -d`,
/// `useradd -p`, `usermod -p`).
public struct PasswordSetInRunRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "SH023", name: "password-set-in-run",
        summary: "A RUN instruction sets or removes an account password.",
        rationale: """
        A password set during the build is baked into `/etc/shadow` of a layer, and the command that \
        set it (often with the clear-text password, as in `echo root:secret | chpasswd`) stays \
        readable in the image history. Anyone who pulls the image can read or crack it, and every \
        container from the image shares it. Removing a password (`passwd -d`) is no better: it \
        leaves an account anyone in the container can switch to. Containers do not need login \
        passwords: run as a dedicated non-root `USER`, and give secrets to the running container at \
        start time. Checkov only looks for `chpasswd`; Hull also flags `chgpasswd`, `passwd \
        --stdin`, `passwd -d` and a password given to `useradd` or `usermod` (a lock marker such as \
        `!` or `*` is fine).
        """,
        category: .security, defaultSeverity: .error,
        aliases: [.dockle("DKL-LI-0001"), .checkov("CKV2_DOCKER_17")],
        examples: [
            .passing("FROM debian:12\nRUN useradd --no-log-init -m app\nUSER app\n"),
            .passing("FROM debian:12\nRUN useradd -p '!' -m app && passwd -l root\n"),
            .failing("FROM debian:12\nRUN echo 'root:secret' | ⟦chpasswd⟧\n"),
            .failing("FROM debian:12\nRUN useradd -m app && \\\n    echo 'app:secret' | sudo ⟦chpasswd⟧ -e\n"),
            .failing("FROM centos:7\nRUN echo secret | passwd ⟦--stdin⟧ root\n"),
            .failing("FROM debian:12\nRUN <<EOF\nset -e\nuseradd -m app\nusermod ⟦-p⟧ \"$(openssl passwd -6 secret)\" app\npasswd ↓-d root\nEOF\n"),
        ])

    static let lockMarkers: Set<String> = ["!", "!!", "*", "x", "!*", "*LK*"]

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        for run in input.hygieneRuns {
            for command in run.commands {
                guard let name = command.effectiveName, let nameWord = command.effectiveNameWord else { continue }
                switch name {
                case "chpasswd", "chgpasswd":
                    sink.report(nameWord.fileRange, "`\(name)` sets a password that stays in the image layer and its history")
                case "passwd":
                    for word in command.arguments {
                        guard let text = word.literal else { continue }
                        if text == "--stdin" {
                            sink.report(word.fileRange, "`passwd --stdin` sets a password that stays in the image layer and its history")
                        } else if text == "-d" || text == "--delete" {
                            sink.report(word.fileRange, "`passwd \(text)` leaves an account without a password")
                        }
                    }
                case "useradd", "usermod":
                    if let (word, value) = passwordOption(command.arguments), !(value.map(Self.lockMarkers.contains) ?? false) {
                        let spelling = (word.literal ?? "").hasPrefix("--") ? "--password" : "-p"
                        sink.report(word.fileRange, "`\(name) \(spelling)` sets a password that stays in the image layer and its history")
                    }
                default:
                    break
                }
            }
        }
    }

    /// The `-p`/`--password` option word and its static value (nil when dynamic).
    private func passwordOption(_ arguments: ArraySlice<ShellWord>) -> (ShellWord, String?)? {
        let words = Array(arguments)
        for (index, word) in words.enumerated() {
            guard let text = word.literal else { continue }
            if text == "-p" || text == "--password" {
                return (word, index + 1 < words.count ? words[index + 1].literal : nil)
            }
            if text.hasPrefix("--password=") { return (word, String(text.dropFirst("--password=".count))) }
        }
        return nil
    }
}
