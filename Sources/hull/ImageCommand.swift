import ArgumentParser
import Foundation
import Hull
import HullCore
import HullReport

struct ImageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "image",
        abstract: "Audit a built image: config, history, layers, waste, secrets, root, risk.",
        discussion: """
        IMAGE is a `docker save` tarball (the legacy layout or Docker 25+'s), an OCI archive
        (`podman save --format oci-archive`), an OCI layout folder, or an image in a registry
        (`registry.example/repo:tag`, `alpine:3.20`, `repo@sha256:…`) when IMAGE is not an
        existing path; `registry:` or `docker://` in front forces a registry. No engine is
        needed: every layer is streamed once (gzip and zstd decompressed on the fly) and
        nothing is extracted.

        Registries are read through the distribution API: anonymous, Basic or Bearer-token
        authentication with --username/--password-stdin, $HULL_REGISTRY_USER and
        $HULL_REGISTRY_PASSWORD, or the `auths` of ~/.docker/config.json. Plain HTTP is used
        only for loopback registries or with --insecure-registry. Hostile archives (`..` names, links out of the root, decompression bombs,
        truncated streams) give findings or a clear error.

        Reports the config (user, entrypoint and cmd with their form, env with secrets cut
        short, ports, healthcheck, labels), the history as `docker history` shows it, each
        layer's size and files, the final filesystem, bytes deleted or replaced by later
        layers, dive's efficiency and wasted bytes (computed as dive 0.13 computes them),
        the OS, shells and package managers, setuid/setgid and world-writable files, and
        secrets in ENV, labels, build arguments and files of every layer (deleted ones too);
        then the IM rules, which carry Dockle's IDs as aliases (`hull rules` lists them,
        `hull rule IM001` explains one).

        Configuration comes from .hull.yaml (or .hadolint.yaml when there is no .hull.yaml) in
        the current folder or above, as for `hull lint`, then from these options: select,
        extend-select, ignore, severity and fail-level apply to the IM rules as they do to the
        Dockerfile rules (`--ignore IM021`, `--ignore CIS-DI-0005`, `--select IM0`). Findings
        that a Dockerfile rule also flags name it in a note, worked out from the history line
        that made the layer when the image records one.

        --format json writes the whole analysis (Docs/image-output.md); sarif, github, gitlab,
        checkstyle and junit write the findings as `hull lint` does (lint-json: lint's JSON).

        Exit status: 0 when no finding reaches --fail-level and every --ci check passes; 1
        otherwise; 2 when Hull could not do its job (no such file, not an image, corrupt layer,
        unknown repository or tag, unauthorized, unreachable registry).

        Examples:
          hull image app.tar
          hull image oci-layout/ --platform linux/arm64
          hull image registry.example/team/app:1.4 --platform linux/amd64
          echo "$TOKEN" | hull image ghcr.io/org/app:main --username me --password-stdin
          hull image app.tar --ci --lowest-efficiency 0.95 --highest-wasted-bytes 20000000
          hull image app.tar --format sarif -o image.sarif
          hull image app.tar --ignore IM021,image-setuid-file --fail-level error
        """
    )

    @Argument(help: "A docker-save tarball, an OCI archive, an OCI layout folder, or an image reference in a registry.")
    var image: String

    @Option(name: .long, help: ArgumentHelp("The registry user name; the password is read from standard input (--password-stdin).", valueName: "name"))
    var username: String?

    @Flag(name: .long, help: "Read the registry password (or token) from standard input.")
    var passwordStdin = false

    @Flag(name: .long, help: "Allow plain HTTP to a registry that is not on loopback.")
    var insecureRegistry = false

    @Option(name: .long, help: ArgumentHelp("The platform to read from a multi-platform index (os/arch[/variant]).", valueName: "platform"))
    var platform: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Output format: text, json (the analysis), sarif, github, gitlab, checkstyle, junit, lint-json.", valueName: "format"))
    var format: String = "text"

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(name: .long, help: "Check dive's CI thresholds (defaults as dive: lowest efficiency 0.9, highest user wasted 0.1).")
    var ci = false

    @Option(name: .long, help: ArgumentHelp("With --ci: fail below this efficiency (0–1).", valueName: "ratio"))
    var lowestEfficiency: Double?

    @Option(name: .long, help: ArgumentHelp("With --ci: fail above this many wasted bytes (dive's figure).", valueName: "bytes"))
    var highestWastedBytes: Int64?

    @Option(name: .long, help: ArgumentHelp("With --ci: fail above this share of wasted bytes in the non-base layers (0–1).", valueName: "ratio"))
    var highestUserWastedPercent: Double?

    @Option(name: .long, help: ArgumentHelp("Only these rules (codes, prefixes, names or Dockle IDs; comma-separated or repeated).", valueName: "rules"))
    var select: [String] = []

    @Option(name: .long, help: ArgumentHelp("Also these rules, on top of the selection.", valueName: "rules"))
    var extendSelect: [String] = []

    @Option(name: .long, help: ArgumentHelp("Never these rules.", valueName: "rules"))
    var ignore: [String] = []

    @Option(name: .long, help: "Lowest severity that fails the run: error, warning, info or style (default: warning, or the configuration's).")
    var failLevel: Severity?

    @Option(name: .long, help: ArgumentHelp("Use this configuration file.", valueName: "file"))
    var config: String?

    @Flag(name: .long, help: "Ignore configuration files.")
    var isolated = false

    @Flag(name: .long, help: "Check secrets by file name only; read no file contents.")
    var pathsOnly = false

    @Option(name: [.customLong("color"), .customLong("colour")], help: "Colour in text output: auto, always or never.")
    var color: ColourPolicy = .auto

    func validate() throws {
        let known = ["text", "json", "lint-json"] + ReportFormat.allCases.map(\.rawValue)
        guard known.contains(format) else { throw ValidationError("--format \(format): expected one of \(Set(known).sorted().joined(separator: ", "))") }
        for (name, value) in [("--lowest-efficiency", lowestEfficiency), ("--highest-user-wasted-percent", highestUserWastedPercent)] {
            if let value, !(0...1).contains(value) { throw ValidationError("\(name) \(value): expected a ratio between 0 and 1") }
        }
        if let bytes = highestWastedBytes, bytes < 0 { throw ValidationError("--highest-wasted-bytes must not be negative") }
        if passwordStdin && username == nil { throw ValidationError("--password-stdin needs --username") }
        if username != nil && !passwordStdin { throw ValidationError("--username needs --password-stdin (passwords are not taken on the command line)") }
    }

    func run() async throws {
        var thresholds: ImageThresholds?
        if ci || lowestEfficiency != nil || highestWastedBytes != nil || highestUserWastedPercent != nil {
            var value = ImageThresholds()
            if let lowestEfficiency { value.lowestEfficiency = lowestEfficiency }
            if let highestWastedBytes { value.highestWastedBytes = highestWastedBytes }
            if let highestUserWastedPercent { value.highestUserWastedPercent = highestUserWastedPercent }
            thresholds = value
        }
        var access = RegistryAccess(username: username, insecure: insecureRegistry)
        if passwordStdin {
            let input = FileHandle.standardInput.readDataToEndOfFile()
            var password = String(decoding: input, as: UTF8.self)
            while let last = password.unicodeScalars.last, last == "\n" || last == "\r" { password.unicodeScalars.removeLast() }
            guard !password.isEmpty else { throw fail("--password-stdin: standard input is empty") }
            access.password = password
        }
        var overrides = ConfigurationOverrides()
        if !select.isEmpty { overrides.select = ruleList(select) }
        overrides.extendSelect = ruleList(extendSelect)
        overrides.ignore = ruleList(ignore)
        overrides.failLevel = failLevel
        let request = ImageRequest(path: image, platform: platform, scanContents: !pathsOnly, thresholds: thresholds,
                                   environment: ProcessInfo.processInfo.environment, configurationFile: config, overrides: overrides, isolated: isolated, registry: access)
        let report: ImageReport
        do {
            report = try await Workspace.image(request)
        } catch {
            throw fail(error.description)
        }
        let bytes: Data
        switch format {
        case "text":
            let isTerminal = output == nil && isatty(STDOUT_FILENO) == 1
            bytes = Data(report.text(colour: color.resolve(isTerminal: isTerminal, environment: ProcessInfo.processInfo.environment)).utf8)
        case "json":
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            bytes = try encoder.encode(report) + Data("\n".utf8)
        default:
            let reportFormat = try ReportFormat.parse(format == "lint-json" ? "json" : format)
            let reporter = reportFormat.reporter(options: ReporterOptions(colour: false, sourceRoot: FileManager.default.currentDirectoryPath))
            bytes = Data(reporter.renderBytes(report.lintReport()))
        }
        if let output {
            do { try bytes.write(to: URL(fileURLWithPath: output), options: .atomic) } catch {
                throw fail("cannot write \(output): \(error.localizedDescription)")
            }
        } else {
            FileHandle.standardOutput.write(bytes)
        }
        if report.failed { throw ExitCode(1) }
    }
}
