import ArgumentParser
import Foundation
import Hull
import HullCache
import HullReport

struct CacheCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache",
        abstract: "Predict which build steps BuildKit reuses and which it runs again after a change, and why.",
        discussion: """
        BuildKit reuses a step's layer while the step's cache key is unchanged: the step before it, \
        the instruction after ARG/ENV expansion, the build args and ENV a RUN sees, and the content \
        of the files a COPY or ADD copies (after the ignore file). The first step whose key changes \
        runs again, and so does every step after it in its stage and every stage built on it. \
        `hull cache` shows that, step by step, before anyone builds.

        Say what changed with --changed (paths relative to DIR), --since (from git: what differs \
        from GITREF, uncommitted and untracked files included, and the Dockerfile compared \
        instruction by instruction) or --build-arg. Without any of them, it shows for each group \
        of inputs (each COPY's sources, each bind mount, each build arg) the first step a change \
        to it would invalidate.

        Statuses: CACHED (reused), REBUILT (runs again), SKIPPED (a stage the target does not \
        need; BuildKit does not build it), METADATA (ENV, LABEL, CMD, USER, … are not build \
        steps; ENV, ARG and USER still change the key of the RUNs after them).

        Exit status: 0 when the prediction was made, 2 when Hull could not make it (no \
        Dockerfile, bad options, git failed).

        Examples:
          hull cache --changed src/index.js      what one edited file rebuilds
          hull cache --since HEAD~1              what the last commit and edits rebuild
          hull cache --build-arg VERSION=1.2.3   what a new build arg value rebuilds
          hull cache app -f app/Dockerfile --since main --target runtime --format json
          hull cache                             which step each input invalidates first
        """
    )

    @Argument(help: "The build context folder (default: the current folder).")
    var context: String = "."

    @Option(name: .shortAndLong, help: ArgumentHelp("The Dockerfile (default: DIR/Dockerfile).", valueName: "Dockerfile"))
    var file: String?

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("Paths that changed, relative to DIR; several may follow one --changed, so give DIR first.", valueName: "path"))
    var changed: [String] = []

    @Option(name: .long, help: ArgumentHelp("Take the change set from git: what differs from this reference (committed, staged, unstaged, untracked).", valueName: "gitref"))
    var since: String?

    @Option(name: .long, help: ArgumentHelp("A build arg whose value changes: NAME=VALUE, or NAME when the new value does not matter (repeatable).", valueName: "name=value"))
    var buildArg: [String] = []

    @Option(name: .long, help: ArgumentHelp("The stage to build (default: the last).", valueName: "stage"))
    var target: String?

    @Option(name: .long, help: "Output format: text or json.")
    var format: CacheFormat = .text

    @Option(name: [.customLong("color"), .customLong("colour")], help: "Colour in text output: auto (only on a terminal; honours NO_COLOR and FORCE_COLOR), always or never.")
    var color: ColourPolicy = .auto

    enum CacheFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    func run() async throws {
        var buildArgs: [String: String?] = [:]
        for argument in buildArg {
            if let equals = argument.firstIndex(of: "=") {
                let name = String(argument[..<equals])
                guard !name.isEmpty else { throw fail("--build-arg \(argument): expected NAME=VALUE") }
                buildArgs[name] = .some(String(argument[argument.index(after: equals)...]))
            } else {
                buildArgs[argument] = .some(nil)
            }
        }
        let request = CacheRequest(dockerfile: file, context: context, changedPaths: changed, since: since, buildArgs: buildArgs, target: target)
        let report: CacheReport
        do {
            report = try await Workspace.cache(request)
        } catch {
            throw fail(error.description)
        }
        switch format {
        case .text:
            let colour = color.resolve(isTerminal: isatty(STDOUT_FILENO) == 1, environment: ProcessInfo.processInfo.environment)
            FileHandle.standardOutput.write(Data(CacheTextFormatter.render(report, colour: colour).utf8))
        case .json:
            let document = CacheJSONOutput(report, toolName: Workspace.tool.name, toolVersion: Workspace.tool.version)
            FileHandle.standardOutput.write(Data(document.encoded()))
        }
    }
}
