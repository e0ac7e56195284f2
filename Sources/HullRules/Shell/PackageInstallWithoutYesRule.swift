import HullCore
import HullDockerfile
import HullLint
import HullShell

/// A package manager command that asks for confirmation, run without the option that answers
/// it (`apt-get -y`, `dnf -y`, `zypper -n`).
public struct PackageInstallWithoutYesRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "SH031", name: "package-install-without-yes",
        summary: "A package manager that asks for confirmation runs without its non-interactive option.",
        rationale: """
        A build has no one to answer \"Do you want to continue? [Y/n]\": the package manager reads \
        end-of-file and aborts, so the build fails, but only on the day the command happens to pull \
        in an extra dependency. Say yes up front: `apt-get -y` (`--yes`, `--assume-yes`), \
        `yum`/`dnf`/`microdnf -y` (`--assumeyes`), `zypper --non-interactive` (`-n` before the \
        command, or `install -y`; after `install`, `-n` means `--name`). Hull checks every command \
        that installs, upgrades or removes packages, not only `install`. It accepts apt's quiet \
        level 2 (`-qq`, `-q=2`), which apt-get(8) says implies `-y`, but not a single `-q`, which \
        hadolint wrongly accepts; it also accepts `-o APT::Get::Assume-Yes=true`, \
        `--setopt=assumeyes=1`, an `Assume-Yes` or `assumeyes` setting written to a configuration \
        file earlier in the stage, options given through an ARG or ENV value (`$APT_FLAGS`), and \
        input piped in (`yes | apt-get install …`). An unquoted variable named for options \
        (`$APT_OPTS`, `$DNF_FLAGS`) whose value is only known at run time may hold the option, so it \
        keeps the command from being flagged.
        """,
        category: .correctness, defaultSeverity: .warning,
        aliases: [.hadolint("DL3014"), .hadolint("DL3030"), .hadolint("DL3034"), .hadolint("DL3038"), .trivy("DS-0021")],
        fixAvailability: .safe,
        examples: [
            .passing("FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n"),
            .passing("FROM debian:12\nRUN apt-get -qq install curl && apt-get --assume-yes remove vim && yes | apt-get upgrade\n"),
            .passing("FROM fedora:40\nRUN dnf install --assumeyes make && microdnf -y install gcc && zypper -n install git\n"),
            .passing("FROM debian:12\nRUN echo 'APT::Get::Assume-Yes \"true\";' > /etc/apt/apt.conf.d/90yes\nRUN apt-get install curl\n"),
            .passing("FROM debian:12\nARG APT_FLAGS=\"-qy --no-install-recommends\"\nRUN apt-get install $APT_FLAGS curl && apt-get install $RUNTIME_FLAGS vim\n"),
            .failing("FROM debian:12\nRUN apt-get update && apt-get ⟦install⟧ curl\n"),
            .failing("FROM debian:12\nRUN apt-get -q ⟦install⟧ curl && \\\n    sudo apt-get ↓purge vim\n"),
            .failing("FROM fedora:40\nRUN <<EOF\nset -e\ndnf ↓install make\nyum ↓groupinstall 'Development Tools'\nEOF\n"),
            .failing("FROM opensuse/leap:15.6\nRUN zypper ⟦install⟧ git && zypper ⟦install⟧ -n vim\n"),
            .fix("FROM debian:12\nRUN apt-get update && apt-get install curl\n", to: "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n"),
            .fix("FROM fedora:40\nRUN dnf group install 'Development Tools' && zypper in git\n",
                 to: "FROM fedora:40\nRUN dnf group install -y 'Development Tools' && zypper -n in git\n"),
        ])

    /// The subcommands that ask before changing packages, per tool family.
    static let aptSubcommands: Set<String> = ["install", "reinstall", "upgrade", "dist-upgrade", "full-upgrade", "remove", "purge",
                                              "autoremove", "autopurge", "build-dep", "satisfy"]
    static let rpmSubcommands: Set<String> = ["install", "reinstall", "remove", "update", "upgrade", "update-minimal", "downgrade",
                                              "distro-sync", "autoremove", "groupinstall", "groupremove", "swap", "builddep"]
    static let rpmNestedSubcommands: Set<String> = ["install", "remove", "upgrade", "enable", "disable", "reset", "switch-to"]
    static let zypperSubcommands: Set<String> = ["install", "remove", "update", "dist-upgrade", "patch", "source-install"]

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        var configured = StageSettings()
        var stage: Int?
        for run in input.hygieneRuns {
            if run.stageIndex != stage {
                stage = run.stageIndex
                configured = StageSettings()
            }
            let scope = input.hygieneScope(at: run.instruction.index)
            for command in run.commands {
                configured.note(command)
                guard let name = command.effectiveName, let invocation = command.invocation, let tool = invocation.tool,
                      !Self.readsInput(command), Self.variablesMaySayYes(invocation, tool: tool, scope: scope) == false else { continue }
                switch tool {
                case "apt-get", "apt":
                    guard let subcommand = invocation.subcommands.first, Self.aptSubcommands.contains(subcommand.name),
                          !invocation.aptAssumesYes, !configured.aptAssumesYes else { continue }
                    report(name, subcommand: subcommand.word, flag: "-y", insertAfter: subcommand.word, run: run, peerIDs: tool == "apt-get" ? ["DL3014", "DS-0021"] : [], into: &sink)
                case "yum", "dnf", "microdnf":
                    guard let subcommand = invocation.subcommands.first, let last = invocation.subcommands.last,
                          invocation.subcommands.count == 1 ? Self.rpmSubcommands.contains(subcommand.name) : Self.rpmNestedSubcommands.contains(last.name),
                          !invocation.has(option: "-y"), !Self.setsAssumeYes(invocation), !configured.rpmAssumesYes else { continue }
                    report(name, subcommand: last.word, flag: "-y", insertAfter: last.word, run: run, peerIDs: !PackageManagerFamily.hadolintChecks(tool: tool, name: invocation.name) ? [] : tool == "yum" ? ["DL3030"] : ["DL3038"], into: &sink)
                case "zypper":
                    guard let subcommand = invocation.subcommands.first, Self.zypperSubcommands.contains(subcommand.name),
                          !invocation.has(option: "--non-interactive", "--no-confirm"), let nameWord = command.effectiveNameWord else { continue }
                    report(name, subcommand: subcommand.word, flag: "-n", insertAfter: nameWord, run: run, peerIDs: ["DL3034"], into: &sink)
                default:
                    continue
                }
            }
        }
    }

    private func report(_ tool: String, subcommand: ShellWord, flag: String, insertAfter anchor: ShellWord, run: HygieneRun, peerIDs: [String], into sink: inout DiagnosticSink) {
        var fix: Fix?
        if run.allowsFixes, let edit = HygieneEdits.insert(" \(flag)", after: anchor) {
            fix = Fix(title: "Add `\(flag)`", edits: [edit], applicability: .safe)
        }
        let spelled = subcommand.literal ?? "install"
        sink.report(subcommand.fileRange, "`\(tool) \(spelled)` without `\(flag)` stops at its confirmation prompt", fix: fix, peerIDs: peerIDs)
    }

    /// Whether an argument built from ARG or ENV values (`$APT_OPTS`) answers the prompt; nil
    /// when one is only known at run time.
    static func variablesMaySayYes(_ invocation: CommandInvocation, tool: String, scope: VariableScope) -> Bool? {
        let names: Set<String>
        let letter: Character?
        switch tool {
        case "apt-get", "apt": (names, letter) = (["-y", "--yes", "--assume-yes", "-qq", "--quiet=2"], "y")
        case "zypper": (names, letter) = (["--non-interactive", "-y", "--no-confirm"], nil)
        default: (names, letter) = (["-y", "--assumeyes"], "y")
        }
        return HygieneVariables.dynamicArguments(of: invocation, in: scope) { HygieneVariables.isOption($0, names: names, letter: letter) }
    }

    /// Whether the command's standard input is fed by a pipe or a redirection.
    static func readsInput(_ command: SimpleCommand) -> Bool {
        if let position = command.context.pipeline, position.index > 0 { return true }
        return command.redirections.contains { $0.effectiveFileDescriptor == 0 }
    }

    /// `--setopt=assumeyes=1` and the like.
    static func setsAssumeYes(_ invocation: CommandInvocation) -> Bool {
        HygieneSettings.setoptWords(invocation).contains { isTrueSetting($0.2, key: "assumeyes") }
    }

    static func isTrueSetting(_ text: String, key: String) -> Bool {
        let lowered = text.lowercased().replacingOccurrences(of: " ", with: "")
        guard let range = lowered.range(of: key + "=") else { return false }
        let value = lowered[range.upperBound...].prefix { $0.isLetter || $0.isNumber }
        return ["1", "true", "yes", "on"].contains(String(value))
    }

    /// Assume-yes settings written to configuration files earlier in a stage.
    struct StageSettings {
        var aptAssumesYes = false
        var rpmAssumesYes = false

        mutating func note(_ command: SimpleCommand) {
            guard command.isCommand("echo", "printf", "tee", "cat") else { return }
            for word in command.arguments {
                guard let text = word.literal?.lowercased() else { continue }
                if text.contains("apt::get::assume-yes"), !text.contains("false") { aptAssumesYes = true }
                if PackageInstallWithoutYesRule.isTrueSetting(text, key: "assumeyes") { rpmAssumesYes = true }
            }
        }
    }
}
