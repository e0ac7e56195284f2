import ArgumentParser
import Foundation
import Hull
import HullReport

struct ContextCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "context",
        abstract: "Show what `docker build` sends from a folder, and what the Dockerfile takes from it.",
        discussion: """
        Reads the .dockerignore (or <Dockerfile>.dockerignore) exactly as BuildKit does and walks
        the folder the way BuildKit's context transfer walks it: files and bytes sent, with and
        without the ignore file; the largest folders; what they hold (version control,
        dependencies, build output, caches, editor and OS files, tests and coverage, docs, logs);
        secrets sent (by file name, and by content with line:column, always cut short); the
        files no COPY, ADD or RUN --mount uses; and the COPY/ADD sources that are missing or
        excluded (the build would fail on them). Symlinks are never followed; FIFOs, sockets and
        devices are never opened.

        With BuildKit only the paths a Dockerfile's built stages name are transferred (all of
        the context once one of them copies `.`); the classic builder sends everything. Hull
        shows both.

        Exit status: 0 when the build would work and no secret is copied; 1 when the build would
        fail (a missing or excluded COPY/ADD source, an invalid ignore pattern, an unreadable
        folder that is sent) or when a COPY/ADD of a built stage puts a likely secret into a
        layer; 2 when Hull could not do its job (no such folder, unreadable Dockerfile).

        Examples:
          hull context                          the current folder with its Dockerfile
          hull context app -f app/api.Dockerfile
          hull context --format json --list .   every sent path, as JSON (Docs/context-output.md)
          hull ignore --write . && hull context the seeds' "200 MB → 5 kB", in two commands
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The build context folder (default: the current folder).")
    var directory: String = "."

    @Option(name: .shortAndLong, help: ArgumentHelp("The Dockerfile, as `docker build -f` takes it (default: DIR/Dockerfile).", valueName: "file"))
    var file: String?

    @Option(name: .long, help: "Output format: text or json.")
    var format: Format = .text

    @Flag(name: .long, help: "List every sent path (in JSON; text shows the summary only).")
    var list = false

    @Flag(name: .long, help: "Check secrets by file name only; read no file contents.")
    var pathsOnly = false

    @Flag(name: .long, help: "Do not walk the folders the ignore file excludes (faster; no totals without the ignore file).")
    var skipExcluded = false

    @Option(name: [.customLong("color"), .customLong("colour")], help: "Colour in text output: auto (only on a terminal; honours NO_COLOR and FORCE_COLOR), always or never.")
    var color: ColourPolicy = .auto

    func run() async throws {
        let request = ContextRequest(root: directory, dockerfile: file, listPaths: list, scanContents: !pathsOnly,
                                     measureExcluded: !skipExcluded)
        let progress = ProgressLine()
        let report: ContextReport
        do {
            report = try await Workspace.context(request) { progress.update($0) }
            progress.finish()
        } catch {
            progress.finish()
            throw fail(error.description)
        }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            FileHandle.standardOutput.write(try encoder.encode(report))
            FileHandle.standardOutput.write(Data("\n".utf8))
        case .text:
            let colour = color.resolve(isTerminal: isatty(STDOUT_FILENO) == 1, environment: ProcessInfo.processInfo.environment)
            FileHandle.standardOutput.write(Data(report.text(colour: colour).utf8))
        }
        if report.buildFails || report.copiesSecret { throw ExitCode(1) }
    }
}
