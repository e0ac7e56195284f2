import ArgumentParser
import Foundation
import Hull
import HullCore
import HullLint

struct FixCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Rewrite Dockerfiles to fix what Hull finds, keeping every other byte.",
        discussion: """
        Safe fixes keep the build's meaning and apply by default. Unsafe fixes change behaviour
        a person should review (the install order, `npm ci` for `npm install`, a new user);
        they apply with --unsafe-fixes. Advice-only findings are listed, never applied.

        Files are written atomically (a temporary file beside the original, then a rename;
        permissions kept). A result that BuildKit could not parse is never written. Line
        endings, a byte-order mark, tabs, comments and the escape character are kept.

        Exit status: 0 when done (with --check: when nothing would change), 1 with --check when
        a fix would apply, 2 when Hull could not do its job.

        Examples:
          hull fix                          fix the Dockerfiles under this folder
          hull fix --diff Dockerfile        show what would change
          hull fix --unsafe-fixes Dockerfile
          cat Dockerfile | hull fix - > Dockerfile.fixed
        """
    )

    @Argument(help: "Dockerfiles or folders; - reads standard input and writes the result to standard output.")
    var paths: [String] = []

    @Flag(name: .long, help: "Also apply unsafe fixes.")
    var unsafeFixes = false

    @Flag(name: .long, help: "Print a unified diff instead of writing.")
    var diff = false

    @Flag(name: .long, help: "Write nothing; exit 1 when a fix would apply.")
    var check = false

    @Option(name: .long, help: ArgumentHelp("Only fix findings of these rules.", valueName: "rules"))
    var select: [String] = []

    @Option(name: .long, help: ArgumentHelp("Never fix findings of these rules.", valueName: "rules"))
    var ignore: [String] = []

    @Option(name: .long, help: ArgumentHelp("Use this configuration file.", valueName: "file"))
    var config: String?

    @Flag(name: .long, help: "Ignore configuration files.")
    var isolated = false

    func validate() throws {
        if diff && check { throw ValidationError("Use --diff or --check, not both.") }
    }

    func run() async throws {
        try await FixCommand.perform(paths: paths, unsafeFixes: unsafeFixes, diff: diff, check: check, select: select, ignore: ignore, config: config, isolated: isolated)
    }

    static func perform(paths: [String], unsafeFixes: Bool, diff: Bool, check: Bool, select: [String], ignore: [String], config: String?, isolated: Bool) async throws {
        var overrides = ConfigurationOverrides()
        if !select.isEmpty { overrides.select = ruleList(select) }
        overrides.ignore = ruleList(ignore)
        let mode: FixRequest.Mode = diff ? .diff : check ? .check : .write
        let request = FixRequest(lint: LintRequest(paths: paths, configurationFile: config, overrides: overrides, isolated: isolated), unsafeFixes: unsafeFixes, mode: mode)
        let outcomes: [FileFixOutcome]
        do {
            outcomes = try await Workspace.fix(request)
        } catch {
            throw fail(error.description)
        }
        var wouldChange = false
        var refused = false
        for outcome in outcomes {
            if outcome.changed { wouldChange = true }
            if outcome.path == "-" && mode == .write {
                FileHandle.standardOutput.write(Data(outcome.fixed))
            } else if mode == .diff, outcome.changed {
                print(UnifiedDiff.make(old: String(decoding: outcome.original, as: UTF8.self), new: String(decoding: outcome.fixed, as: UTF8.self), path: outcome.path), terminator: "")
            }
            if let refusal = outcome.refusal {
                refused = true
                FileHandle.standardError.write(Data("hull: \(outcome.path): \(refusal)\n".utf8))
            }
            summarize(outcome, mode: mode, unsafeFixes: unsafeFixes)
        }
        if refused { throw ExitCode(2) }
        if mode == .check && wouldChange { throw ExitCode(1) }
    }

    /// Reports per file what was fixed and what is left, and why, on standard error.
    static func summarize(_ outcome: FileFixOutcome, mode: FixRequest.Mode, unsafeFixes: Bool) {
        var lines: [String] = []
        let verb = mode == .write ? "fixed" : "would fix"
        let total = outcome.appliedByRule.values.reduce(0, +)
        if total > 0 {
            let parts = outcome.appliedByRule.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }
            lines.append("\(outcome.path): \(verb) \(total) (\(parts.joined(separator: ", ")))")
        }
        let unsafe = outcome.remaining.filter { $0.fix?.applicability == .unsafe }
        let advice = outcome.remaining.filter { $0.fix?.applicability == .displayOnly }
        let noFix = outcome.remaining.filter { $0.fix == nil }
        if !unsafe.isEmpty && !unsafeFixes { lines.append("  \(unsafe.count) more with --unsafe-fixes: \(Set(unsafe.map(\.code.rawValue)).sorted().joined(separator: ", "))") }
        if !advice.isEmpty { lines.append("  \(advice.count) left as advice (no automatic fix is safe): \(Set(advice.map(\.code.rawValue)).sorted().joined(separator: ", "))") }
        if !noFix.isEmpty { lines.append("  \(noFix.count) left without a fix: \(Set(noFix.map(\.code.rawValue)).sorted().joined(separator: ", "))") }
        if !lines.isEmpty { FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8)) }
    }
}
