import ArgumentParser
import Foundation
import Hull
import HullCore
import HullLint

struct LintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Report problems in Dockerfiles, with exact positions and fixes.",
        discussion: """
        PATH may be a Dockerfile, a folder (searched for Dockerfile, Containerfile, *.Dockerfile
        and Dockerfile.*), or - for standard input. With no PATH, the current folder is searched.

        Configuration comes from .hull.yaml (or .hadolint.yaml when there is no .hull.yaml) in
        the folder of the first PATH or above, then from these options. Rules are named by
        code (DF001), code prefix (DF), name (maintainer-instruction) or a peer's ID (DL4000,
        MaintainerDeprecated, CKV_DOCKER_6). In a Dockerfile, `# hull ignore=DF001` silences
        the next instruction; `# hadolint ignore=…` and BuildKit's `# check=skip=…` work too.

        When shellcheck is installed ($HULL_SHELLCHECK, else PATH), RUN scripts are checked with
        it too; its findings keep their SC codes (SC2086), so --ignore SC2086 and
        `# hadolint ignore=SC2086` work. --no-shellcheck (or `shellcheck: false`) turns it off.

        Exit status: 0 when no finding reaches --fail-level, 1 when one does, 2 when Hull could
        not do its job (unreadable file, bad configuration, bad options).

        Examples:
          hull lint                              lint the Dockerfiles under this folder
          hull lint Dockerfile --format sarif -o hull.sarif
          hull lint --select DF,SH --ignore DF002 app/Dockerfile
          cat Dockerfile | hull lint -
        """
    )

    @Argument(help: "Dockerfiles or folders to lint; - reads standard input.")
    var paths: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only these rules (codes, prefixes, names or peer IDs; comma-separated or repeated).", valueName: "rules"))
    var select: [String] = []

    @Option(name: .long, help: ArgumentHelp("Also these rules, on top of the selection (e.g. opt-in rules).", valueName: "rules"))
    var extendSelect: [String] = []

    @Option(name: .long, help: ArgumentHelp("Never these rules.", valueName: "rules"))
    var ignore: [String] = []

    @Option(name: .long, help: "Lowest severity that fails the run: error, warning, info or style (default: warning, or the configuration's).")
    var failLevel: Severity?

    @Flag(name: .long, help: "Run preview rules too.")
    var preview = false

    @Option(name: .long, help: ArgumentHelp("A registry base images may come from (repeatable; wildcards like *.example.com).", valueName: "registry"))
    var trustedRegistry: [String] = []

    @Option(name: .long, help: ArgumentHelp("Use this configuration file.", valueName: "file"))
    var config: String?

    @Flag(name: .long, help: "Ignore configuration files.")
    var isolated = false

    @Flag(name: .long, help: "Do not run ShellCheck over RUN scripts (it runs when installed, found through $HULL_SHELLCHECK or PATH).")
    var noShellcheck = false

    @Flag(name: .long, help: "Apply fixes (as `hull fix`) instead of reporting.")
    var fix = false

    @Flag(name: .long, help: "With --fix, apply unsafe fixes too.")
    var unsafeFixes = false

    @OptionGroup var output: OutputOptions

    func run() async throws {
        if fix {
            try await FixCommand.perform(paths: paths, unsafeFixes: unsafeFixes, diff: false, check: false, select: select, ignore: ignore, config: config, isolated: isolated)
            return
        }
        var overrides = ConfigurationOverrides()
        if !select.isEmpty { overrides.select = ruleList(select) }
        overrides.extendSelect = ruleList(extendSelect)
        overrides.ignore = ruleList(ignore)
        overrides.failLevel = failLevel
        if preview { overrides.preview = true }
        overrides.trustedRegistries = trustedRegistry
        if noShellcheck { overrides.shellcheck = false }
        let request = LintRequest(paths: paths, configurationFile: config, overrides: overrides, isolated: isolated)
        let outcome: Workspace.LintOutcome
        do {
            outcome = try await Workspace.lint(request)
        } catch {
            throw fail(error.description)
        }
        for notice in outcome.notices {
            FileHandle.standardError.write(Data("hull: \(notice)\n".utf8))
        }
        do {
            try output.emit(outcome.report)
        } catch let error as CLIError {
            throw fail(error.description)
        }
        if !outcome.report.failures.isEmpty { throw ExitCode(2) }
        if outcome.failed { throw ExitCode(1) }
    }
}

extension Severity: ExpressibleByArgument {}
