import HullCore
import HullDockerfile
import HullLint
import HullShell

/// `apt` in a RUN, where `apt-get` or `apt-cache` are the tools meant for scripts.
public struct AptInsteadOfAptGetRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "SH030", name: "apt-instead-of-apt-get",
        summary: "A RUN instruction uses `apt` instead of `apt-get` or `apt-cache`.",
        rationale: """
        `apt` is Debian's front end for people at a terminal: its output, defaults and even its \
        command line are allowed to change between releases, and it warns \"apt does not have a \
        stable CLI interface\" when used in scripts. `apt-get` and `apt-cache` keep a stable \
        interface for automation, which is what a Dockerfile is. Hull looks at the command that \
        really runs (through `sudo`, `env`, `sh -c` and heredocs), so words such as \
        `/var/lib/apt/lists` are never mistaken for the command, unlike Checkov's text search.
        """,
        category: .correctness, defaultSeverity: .warning,
        aliases: [.hadolint("DL3027"), .checkov("CKV_DOCKER_9")],
        fixAvailability: .sometimes,
        fixNote: """
        Commands that change packages are rewritten to the `apt-get` command with the same \
        behaviour, as a safe fix: `apt install` → `apt-get install`, `apt upgrade` → `apt-get \
        upgrade --with-new-pkgs` (apt's upgrade may install new dependencies), `apt full-upgrade` → \
        `apt-get dist-upgrade`, `apt reinstall` → `apt-get install --reinstall`, `apt autopurge` → \
        `apt-get autoremove --purge`. Queries move to `apt-cache` (`search`, `show`, `policy`, \
        `depends`, `rdepends`, `showsrc`) as an unsafe fix, because `apt-cache` prints a different \
        format (`apt-cache show` lists every version, `apt show` only the candidate) and a script \
        reading the output may break. `apt list` and `apt edit-sources` have no direct equivalent \
        and get no fix.
        """,
        examples: [
            .passing("FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n"),
            .passing("FROM debian:12\nRUN apt-cache policy curl\n"),
            .failing("FROM debian:12\nRUN ⟦apt⟧ update && ⟦apt⟧ install -y curl\n"),
            .failing("FROM debian:12\nRUN sudo ⟦apt⟧ -y upgrade && \\\n    ↓apt list --installed\n"),
            .failing("FROM debian:12\nRUN <<EOF\nset -e\n↓apt show curl\nEOF\n"),
            .fix("FROM debian:12\nRUN apt update && apt install -y curl\n", to: "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n"),
            .fix("FROM debian:12\nRUN apt upgrade -y && apt full-upgrade -y && apt reinstall -y ca-certificates\n",
                 to: "FROM debian:12\nRUN apt-get upgrade --with-new-pkgs -y && apt-get dist-upgrade -y && apt-get install --reinstall -y ca-certificates\n"),
            .fix("FROM debian:12\nRUN apt show curl\n", to: "FROM debian:12\nRUN apt-cache show curl\n", .unsafe),
        ])

    /// `apt` subcommands `apt-get` runs the same way.
    static let sameInAptGet: Set<String> = ["install", "remove", "purge", "autoremove", "update", "clean", "autoclean", "dist-upgrade",
                                            "source", "build-dep", "download", "changelog", "check", "satisfy"]
    /// `apt` subcommands rewritten for `apt-get`: the new subcommand words.
    static let rewrittenForAptGet: [String: String] = [
        "upgrade": "upgrade --with-new-pkgs",
        "full-upgrade": "dist-upgrade",
        "reinstall": "install --reinstall",
        "autopurge": "autoremove --purge",
    ]
    /// `apt` subcommands `apt-cache` answers.
    static let aptCacheQueries: Set<String> = ["search", "show", "policy", "depends", "rdepends", "showsrc"]

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        for run in input.hygieneRuns {
            for command in run.commands where command.isCommand("apt") {
                guard let word = command.effectiveNameWord else { continue }
                let subcommand = command.invocation?.subcommands.first
                let tool = subcommand.map { Self.aptCacheQueries.contains($0.name) } ?? false ? "apt-cache" : "apt-get"
                let fix = run.allowsFixes ? self.fix(word: word, subcommand: subcommand) : nil
                sink.report(word.fileRange, "`apt` is meant for people at a terminal and has no stable interface; use `\(tool)`", fix: fix)
            }
        }
    }

    private func fix(word: ShellWord, subcommand: CommandInvocation.Subcommand?) -> Fix? {
        guard let subcommand, subcommand.isKnown else { return nil }
        let name = subcommand.name
        if Self.sameInAptGet.contains(name) {
            return HygieneEdits.replace(word, with: "apt-get").map { Fix(title: "Replace `apt` with `apt-get`", edits: [$0], applicability: .safe) }
        }
        if let rewritten = Self.rewrittenForAptGet[name] {
            guard let rename = HygieneEdits.replace(word, with: "apt-get"), let change = HygieneEdits.replace(subcommand.word, with: rewritten) else { return nil }
            return Fix(title: "Replace `apt \(subcommand.word.literal ?? name)` with `apt-get \(rewritten)`", edits: [rename, change], applicability: .safe)
        }
        if Self.aptCacheQueries.contains(name) {
            return HygieneEdits.replace(word, with: "apt-cache").map { Fix(title: "Replace `apt` with `apt-cache`", edits: [$0], applicability: .unsafe) }
        }
        return nil
    }
}
