import HullCore
import HullDockerfile
import HullLint
import HullShell

/// `sudo` (or `doas`) in a RUN instruction.
public struct SudoInRunRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "SH021", name: "sudo-in-run",
        summary: "A RUN instruction uses `sudo`.",
        rationale: """
        RUN already executes as the user the last `USER` instruction named, so `sudo` is either \
        redundant (the build runs as root) or a sign that the image ships a password-less sudo setup \
        for a non-root user, which lets anything in the container become root. `sudo` also resets \
        the environment and `PATH` and needs a TTY or special configuration, so commands behave \
        differently from how they read. Switch with `USER root` around the privileged steps and back \
        to the unprivileged user afterwards; to drop privileges at run time use `gosu` or `su-exec` \
        in the entrypoint. Every wrapper is seen through: `env … sudo`, `xargs sudo`, `sh -c 'sudo \
        …'` and heredoc scripts are flagged too, and `doas` is treated like `sudo`.
        """,
        category: .security, defaultSeverity: .error,
        aliases: [.hadolint("DL3004"), .trivy("DS-0010"), .dockle("DKL-DI-0001"), .checkov("CKV2_DOCKER_1")],
        fixAvailability: .unsafe,
        fixNote: """
        The fix deletes `sudo` and its options (`-E`, `-H`, `-n`) so the command runs as the user in \
        force. It is offered only when no non-root `USER` is in force, and it is unsafe because \
        `sudo` resets the environment and `PATH` (`secure_path`): without it the command sees the \
        build's own environment, which can change what it finds and does.
        """,
        examples: [
            .passing("FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends gosu\n"),
            .passing("FROM debian:12\nRUN echo 'app ALL=(ALL) NOPASSWD: ALL' > /tmp/sudo.example\nUSER root\nRUN make install\n"),
            .failing("FROM debian:12\nRUN ⟦sudo⟧ apt-get update\n"),
            .failing("FROM debian:12\nRUN env DEBIAN_FRONTEND=noninteractive ⟦sudo⟧ -E apt-get install -y make\n"),
            .failing("FROM debian:12\nRUN make && \\\n    sh -c '↓sudo make install'\n"),
            .failing("FROM debian:12\nRUN <<EOF\nset -e\n↓sudo make install\nEOF\n"),
            .failing("FROM alpine:3.20\nRUN find /opt -name '*.sh' | xargs ⟦doas⟧ chmod +x\n"),
            .fix("FROM debian:12\nRUN sudo -E apt-get update\n", to: "FROM debian:12\nRUN apt-get update\n", .unsafe),
            .fix("FROM debian:12\nUSER root\nRUN make && \\\n    sudo make install\n", to: "FROM debian:12\nUSER root\nRUN make && \\\n    make install\n", .unsafe),
        ])

    static let names: Set<String> = ["sudo", "doas"]
    static let removableOptions: Set<String> = ["-E", "-H", "-n", "-EH", "-HE", "-En", "-nE", "--preserve-env", "--set-home", "--non-interactive", "--"]

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        for run in input.hygieneRuns {
            var rootOrUnknown: Bool?
            for command in run.commands {
                if let index = command.wrappers.firstIndex(where: { Self.names.contains($0.name) }) {
                    let wrapper = command.wrappers[index]
                    guard let word = wrapper.words.first else { continue }
                    if rootOrUnknown == nil {
                        let user = input.hygieneUser(before: run.instruction.index)
                        rootOrUnknown = user == nil || user == "root" || user == "0"
                    }
                    var fix: Fix?
                    if run.allowsFixes, rootOrUnknown == true, let edit = removal(of: wrapper, in: input.source.bytes) {
                        fix = Fix(title: "Remove `\(wrapper.name)`", edits: [edit], applicability: .unsafe)
                    }
                    sink.report(word.fileRange, "`\(wrapper.name)` in RUN; switch `USER` for privileged steps instead", fix: fix)
                } else if let name = command.effectiveName, Self.names.contains(name), let word = command.effectiveNameWord {
                    sink.report(word.fileRange, "`\(name)` in RUN; switch `USER` for privileged steps instead")
                }
            }
        }
    }

    /// Deletes the wrapper's name and options, leaving any `NAME=value` words it passes on.
    private func removal(of wrapper: CommandWrapper, in bytes: [UInt8]) -> Edit? {
        var last = wrapper.words[0]
        for word in wrapper.words.dropFirst() {
            guard let text = word.literal else { return nil }
            if text.hasPrefix("-") {
                guard Self.removableOptions.contains(text) || text.hasPrefix("--preserve-env=") else { return nil }
                last = word
            } else {
                break
            }
        }
        return HygieneEdits.delete(from: wrapper.words[0], through: last, in: bytes)
    }
}
