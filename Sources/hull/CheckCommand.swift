import ArgumentParser
import Foundation
import Hull
import HullCore
import HullLint
import HullReport

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check Dockerfiles and their build contexts: the before/after table, the findings by theme, the one command that fixes them.",
        discussion: """
        For each Dockerfile (a folder's own Dockerfiles — Dockerfile, Containerfile, *.Dockerfile, \
        Dockerfile.* — or, when it has none, those in the folders below it; the Dockerfile's \
        folder is its build context), Hull lints it, walks the context and models the layer cache, \
        then shows a table of how things are now and how they would be after \
        `hull fix --unsafe-fixes`, with the .dockerignore `hull ignore` would write when it would \
        change. The "after" column is computed in memory: no file is written.

        Rows: build context (files and bytes `docker build` sends), rebuild after editing one source \
        file the Dockerfile copies (named; picked the same way every time), running user, secrets \
        baked in (in ENV/ARG, or files a COPY or ADD puts in a layer of the image that ships), base image (with an \
        estimated size from Hull's dated table of official images), findings by severity. With \
        --image ARCHIVE (a `docker save` tarball, an OCI archive or an OCI layout folder built from \
        the Dockerfile; one Dockerfile only), the "now" column also shows what `hull image` measures: \
        image size, layers, the image config's user, secrets in its layers, ENV, labels and history, \
        wasted bytes and efficiency, and the image findings by severity; "after fix" keeps the \
        estimates, since the fixed Dockerfile is not built. Then the \
        findings grouped by theme (cache, size, security, correctness, maintenance) and the \
        command that applies the fixes. `hull check` runs Hull's rules only; `hull lint` also runs \
        ShellCheck.

        Running `hull` with no command in a folder that holds a Dockerfile runs `hull check`.

        Exit status: 0 when no finding (now, image findings included) reaches --fail-level, 1 when \
        one does, 2 when Hull could not do its job (no Dockerfile, unreadable file or image archive, \
        bad configuration).

        Examples:
          hull check                              the Dockerfiles under this folder
          hull check examples/node-app
          hull check app/Dockerfile --format json (schema: Docs/check-output.md)
          hull check app --image app.tar          with the rows measured in the saved image
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "Folders to search for Dockerfiles, or Dockerfiles (default: the current folder).")
    var paths: [String] = []

    @Option(name: .long, help: "Output format: text or json.")
    var format: Format = .text

    @Option(name: .long, help: "Lowest severity that fails the run: error, warning, info or style (default: warning, or the configuration's).")
    var failLevel: Severity?

    @Option(name: .long, help: ArgumentHelp("Use this configuration file.", valueName: "file"))
    var config: String?

    @Flag(name: .long, help: "Ignore configuration files.")
    var isolated = false

    @Flag(name: .long, help: "Check secrets in the context by file name only; read no file contents.")
    var pathsOnly = false

    @Option(name: .long, help: ArgumentHelp("An image built from the Dockerfile: a docker save tarball, an OCI archive or an OCI layout folder; adds its measured rows to the \"now\" column.", valueName: "archive"))
    var image: String?

    @Option(name: .long, help: ArgumentHelp("The platform to read from a multi-platform image (os/arch[/variant]); with --image.", valueName: "platform"))
    var platform: String?

    @Option(name: [.customLong("color"), .customLong("colour")], help: "Colour in text output: auto (only on a terminal; honours NO_COLOR and FORCE_COLOR), always or never.")
    var color: ColourPolicy = .auto

    func run() async throws {
        var overrides = ConfigurationOverrides()
        overrides.failLevel = failLevel
        let request = CheckRequest(paths: paths, lint: LintRequest(paths: paths, configurationFile: config, overrides: overrides, isolated: isolated),
                                   scanContents: !pathsOnly, image: image, platform: platform)
        let progress = ProgressLine()
        let report: CheckReport
        do {
            report = try await Workspace.check(request) { progress.update($0) }
            progress.finish()
        } catch {
            progress.finish()
            throw fail(error.description)
        }
        switch format {
        case .json: writeJSON(report)
        case .text:
            let colour = color.resolve(isTerminal: isatty(STDOUT_FILENO) == 1, environment: ProcessInfo.processInfo.environment)
            FileHandle.standardOutput.write(Data(report.text(colour: colour).utf8))
        }
        if !report.failures.isEmpty { throw ExitCode(2) }
        if report.failed { throw ExitCode(1) }
    }
}

struct CompareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Put two Dockerfiles, or two image archives, side by side in the `hull check` table.",
        discussion: """
        Each Dockerfile is checked against its own folder (its build context), as `hull check` does; \
        a folder stands for the one Dockerfile in it. The table shows both as they are now: what \
        the build sends, what an edit to one source file rebuilds, the running user, secrets baked \
        in, the base image with its estimated size, and the findings; then the rules only one of \
        them breaks.

        When A and B are both image archives (`docker save` tarballs, OCI archives or OCI layout \
        folders), the table shows the image rows instead: size, layers, the image config's user, \
        secrets in the layers, ENV, labels and history, wasted bytes and efficiency, and the image \
        findings by severity.

        Exit status: 0 when the comparison was made, 2 when Hull could not make it.

        Examples:
          hull compare examples/node-app/Dockerfile examples/node-app/Dockerfile.good
          hull compare old/ new/ --format json
          hull compare before.tar after.tar
        """
    )

    @Argument(help: "The first Dockerfile (A), a folder holding one, or an image archive.")
    var first: String

    @Argument(help: "The second Dockerfile (B), a folder holding one, or an image archive.")
    var second: String

    @Option(name: .long, help: ArgumentHelp("The platform to read from multi-platform images (os/arch[/variant]).", valueName: "platform"))
    var platform: String?

    @Option(name: .long, help: "Output format: text or json.")
    var format: CheckCommand.Format = .text

    @Option(name: .long, help: ArgumentHelp("Use this configuration file.", valueName: "file"))
    var config: String?

    @Flag(name: .long, help: "Ignore configuration files.")
    var isolated = false

    @Option(name: [.customLong("color"), .customLong("colour")], help: "Colour in text output: auto (only on a terminal; honours NO_COLOR and FORCE_COLOR), always or never.")
    var color: ColourPolicy = .auto

    func run() async throws {
        if Workspace.isImageArchive(first) && Workspace.isImageArchive(second) {
            let report: ImageCompareReport
            do {
                report = try await Workspace.compareImages(first, second, platform: platform,
                                                           lint: LintRequest(paths: ["."], configurationFile: config, isolated: isolated))
            } catch {
                throw fail(error.description)
            }
            switch format {
            case .json: writeJSON(report)
            case .text:
                let colour = color.resolve(isTerminal: isatty(STDOUT_FILENO) == 1, environment: ProcessInfo.processInfo.environment)
                FileHandle.standardOutput.write(Data(report.text(colour: colour).utf8))
            }
            return
        }
        if platform != nil { throw fail("--platform applies to two image archives") }
        let progress = ProgressLine()
        let report: CompareReport
        do {
            report = try await Workspace.compare(first, second, lint: LintRequest(paths: [first], configurationFile: config, isolated: isolated)) { progress.update($0) }
            progress.finish()
        } catch {
            progress.finish()
            throw fail(error.description)
        }
        switch format {
        case .json: writeJSON(report)
        case .text:
            let colour = color.resolve(isTerminal: isatty(STDOUT_FILENO) == 1, environment: ProcessInfo.processInfo.environment)
            FileHandle.standardOutput.write(Data(report.text(colour: colour).utf8))
        }
    }
}

/// Writes `value` as pretty, key-sorted JSON and a newline to standard output.
func writeJSON(_ value: some Encodable) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    FileHandle.standardOutput.write((try? encoder.encode(value)) ?? Data("{}".utf8))
    FileHandle.standardOutput.write(Data("\n".utf8))
}
