import ArgumentParser
import Dispatch
import Foundation
import Hull

struct LabCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lab",
        abstract: "Build the Dockerfile for real, bad against good: time, cache, size, user.",
        discussion: """
        With the container engine already installed (Docker with BuildKit, podman or buildah), \
        `hull lab` makes, for the Dockerfile and for the one it is compared with: a cold build \
        (--no-cache), a rebuild with nothing changed, and a rebuild after editing one source file \
        (a line of blanks appended, in a temporary copy of the context, never in your tree). It prints \
        the times, how many steps ran again, the image size, layer count and user, the bytes the \
        build sends, and every step where `hull cache`'s prediction differed from what the engine \
        did. Everything Hull creates (images, the copy) is removed at the end, also on Ctrl-C.

        Exit status: 0 when the builds ran, 1 when a prediction disagreed with the engine, 2 when \
        Hull could not measure (no engine, a build failed), 130 when interrupted.

        Examples:
          hull lab                                   the Dockerfile alone
          hull lab --against Dockerfile.good         bad against good
          hull lab --fixed                           against Hull's fixed version
          hull lab --engine podman --runs 3 --format json
        """
    )

    @Argument(help: "The build context folder (default: the current folder).")
    var context: String = "."

    @Option(name: .shortAndLong, help: ArgumentHelp("The Dockerfile (default: DIR/Dockerfile).", valueName: "Dockerfile"))
    var file: String?

    @Option(name: .long, help: ArgumentHelp("Another Dockerfile to build with the same context and compare.", valueName: "Dockerfile"))
    var against: String?

    @Flag(name: .long, help: "Compare with Hull's fixed version of the Dockerfile (hull fix --unsafe-fixes, written to a temporary file).")
    var fixed = false

    @Option(name: .long, help: "The engine: docker, podman or buildah (default: the first that answers).")
    var engine: EngineKind?

    @Option(name: .long, help: ArgumentHelp("The file to edit for the one-file rebuild, relative to DIR (default: a source file the build copies).", valueName: "path"))
    var touch: String?

    @Option(name: .long, help: "Time each build this many times and report the median.")
    var runs = 1

    @Option(name: .long, help: ArgumentHelp("The network for RUN steps (for example none); default: the engine's.", valueName: "network"))
    var network: String?

    @Option(name: .long, help: ArgumentHelp("A build arg for every build, NAME=VALUE (repeatable).", valueName: "name=value"))
    var buildArg: [String] = []

    @Option(name: .long, help: ArgumentHelp("The stage to build (default: the last).", valueName: "stage"))
    var target: String?

    @Option(name: .long, help: ArgumentHelp("The names of the images built start with this (default: hull-lab-<random>).", valueName: "prefix"))
    var imagePrefix: String?

    @Option(name: .long, help: ArgumentHelp("The advisory database for vulnerability counts (default: $HULL_DB, else the user's cache folder; no counts when there is none).", valueName: "path"))
    var db: String?

    @Option(name: .long, help: "Output format: text or json.")
    var format: LabFormat = .text

    enum LabFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    func validate() throws {
        if against != nil && fixed { throw ValidationError("--against and --fixed cannot be used together") }
        if runs < 1 { throw ValidationError("--runs must be at least 1") }
    }

    func run() async throws {
        var buildArgs: [String: String] = [:]
        for argument in buildArg {
            guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else { throw fail("--build-arg \(argument): expected NAME=VALUE") }
            buildArgs[String(argument[..<equals])] = String(argument[argument.index(after: equals)...])
        }
        let comparison: LabRequest.Comparison = against.map { .against($0) } ?? (fixed ? .fixed : .none)
        let request = LabRequest(context: context, dockerfile: file, comparison: comparison, engine: engine, touch: touch, runs: runs,
                                 network: network, buildArgs: buildArgs, target: target, imagePrefix: imagePrefix, databasePath: db)
        let session = EngineSession()
        // Ctrl-C and SIGTERM stop the running build; the façade then removes what the run made.
        let signals = [SIGINT, SIGTERM].map { number -> any DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { session.interrupt() }
            source.resume()
            return source
        }
        defer { signals.forEach { $0.cancel() } }
        let report: LabReport
        do {
            report = try await Workspace.lab(request, session: session)
        } catch {
            if session.isInterrupted {
                FileHandle.standardError.write(Data("hull: interrupted; the images and temporary files of this run were removed\n".utf8))
                throw ExitCode(130)
            }
            throw fail(error.description)
        }
        switch format {
        case .text:
            FileHandle.standardOutput.write(Data(report.text().utf8))
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            var data = (try? encoder.encode(report)) ?? Data()
            data.append(0x0A)
            FileHandle.standardOutput.write(data)
        }
        if report.variants.contains(where: { !$0.disagreements.isEmpty }) { throw ExitCode(1) }
    }
}

extension EngineKind: ExpressibleByArgument {}
