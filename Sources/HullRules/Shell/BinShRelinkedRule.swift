import HullCore
import HullDockerfile
import HullLint
import HullShell

/// `/bin/sh` replaced with `ln` (or `update-alternatives`) to change the shell RUN uses.
public struct BinShRelinkedRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "SH027", name: "bin-sh-relinked",
        summary: "A RUN instruction replaces `/bin/sh` to change the default shell.",
        rationale: """
        Pointing `/bin/sh` at bash (`ln -sf /bin/bash /bin/sh`) changes the shell for every later \
        RUN, but also for every script in the image that says `#!/bin/sh`, including the \
        distribution's own maintainer scripts, and the change is invisible to anyone reading the \
        Dockerfile. The `SHELL` instruction states the shell for RUN, CMD and ENTRYPOINT in one \
        visible place and leaves the system shell alone. Hull flags `ln` when the link it creates is \
        `/bin/sh` or `/usr/bin/sh` (also through `-t /bin`), and `update-alternatives --install \
        /bin/sh …`; unlike hadolint, an `ln` that merely reads `/bin/sh` as its source is not \
        flagged.
        """,
        category: .maintainability, defaultSeverity: .warning,
        aliases: [.hadolint("DL4005")],
        examples: [
            .passing("FROM debian:12\nSHELL [\"/bin/bash\", \"-c\"]\nRUN echo ready\n"),
            .passing("FROM debian:12\nRUN ln -s /bin/sh /usr/local/bin/posix-sh\n"),
            .failing("FROM debian:12\nRUN ln -sf /bin/bash ⟦/bin/sh⟧\n"),
            .failing("FROM debian:12\nRUN apt-get update && \\\n    sudo ln -s -f bash ⟦/usr/bin/sh⟧\n"),
            .failing("FROM debian:12\nRUN <<EOF\nset -e\nrm /bin/sh\nln -s /bin/bash ↓/bin/sh\nEOF\n"),
            .failing("FROM debian:12\nRUN update-alternatives --install ⟦/bin/sh⟧ sh /bin/bash 100\n"),
        ])

    static let shells: Set<String> = ["/bin/sh", "/usr/bin/sh"]

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        for run in input.hygieneRuns {
            for command in run.commands {
                guard let word = replacedShell(command) else { continue }
                sink.report(word.fileRange, "`\(command.effectiveName ?? "ln")` replaces `\(word.literal ?? "/bin/sh")`; use the `SHELL` instruction instead")
            }
        }
    }

    /// The word naming `/bin/sh` as the link a command creates.
    private func replacedShell(_ command: SimpleCommand) -> ShellWord? {
        let arguments = Array(command.arguments)
        switch command.effectiveName {
        case "ln":
            var operands: [ShellWord] = []
            var directory: ShellWord?
            var index = 0
            var optionsEnded = false
            while index < arguments.count {
                let word = arguments[index]
                let text = word.literal ?? ""
                if !optionsEnded, text == "--" {
                    optionsEnded = true
                } else if !optionsEnded, text == "-t" || text == "--target-directory" {
                    directory = index + 1 < arguments.count ? arguments[index + 1] : nil
                    index += 1
                } else if !optionsEnded, text.hasPrefix("--target-directory=") {
                    directory = word
                } else if optionsEnded || !text.hasPrefix("-") || text.count == 1 {
                    operands.append(word)
                }
                index += 1
            }
            if let directory {
                let path = (directory.literal ?? "").replacingOccurrences(of: "--target-directory=", with: "")
                let folder = path.hasSuffix("/") ? String(path.dropLast()) : path
                guard ["/bin", "/usr/bin"].contains(folder),
                      operands.contains(where: { ($0.literal ?? "").split(separator: "/").last == "sh" }) else { return nil }
                return directory
            }
            guard operands.count >= 2, let last = operands.last, let text = last.literal, Self.shells.contains(text) else { return nil }
            return last
        case "update-alternatives":
            guard let install = arguments.firstIndex(where: { $0.literal == "--install" }), install + 1 < arguments.count,
                  let link = arguments[install + 1].literal, Self.shells.contains(link) else { return nil }
            return arguments[install + 1]
        default:
            return nil
        }
    }
}
