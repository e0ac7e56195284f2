import ArgumentParser
import Foundation
import HullReport

/// `--format`/`--output`/`--color`, shared by commands that produce reports.
struct OutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp("Report format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")). Repeat to write several (pair each with --output).", valueName: "format"))
    var format: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to this file instead of standard output; pairs with the --format at the same position.", valueName: "file"))
    var output: [String] = []

    @Option(name: [.customLong("color"), .customLong("colour")], help: "Colour in text output: auto (only on a terminal; honours NO_COLOR and FORCE_COLOR), always or never.")
    var color: ColourPolicy = .auto

    func validate() throws {
        for name in format {
            do { _ = try ReportFormat.parse(name) } catch { throw ValidationError(error.description) }
        }
        if output.count > max(1, format.count) {
            throw ValidationError("Give one --format for each --output.")
        }
    }

    /// Renders `report` in every requested format to its destination.
    func emit(_ report: Report) throws {
        let formats = try (format.isEmpty ? ["text"] : format).map { name throws in try ReportFormat.parse(name) }
        for (index, format) in formats.enumerated() {
            let destination = index < output.count ? output[index] : nil
            let isTerminal = destination == nil && isatty(STDOUT_FILENO) == 1
            let colour = format == .text && color.resolve(isTerminal: isTerminal, environment: ProcessInfo.processInfo.environment)
            let reporter = format.reporter(options: ReporterOptions(colour: colour, sourceRoot: FileManager.default.currentDirectoryPath))
            let bytes = Data(reporter.renderBytes(report))
            if let destination {
                do {
                    try bytes.write(to: URL(fileURLWithPath: destination), options: .atomic)
                } catch {
                    throw CLIError("cannot write \(destination): \(error.localizedDescription)")
                }
            } else {
                FileHandle.standardOutput.write(bytes)
            }
        }
    }
}

extension ColourPolicy: ExpressibleByArgument {}

/// An error printed as `hull: message` with exit status 2.
/// Rule lists from repeatable, comma-separated options (`--select DF,SH --select LC001`).
func ruleList(_ values: [String]) -> [String] {
    values.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
}

struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Prints `hull: message` to standard error and exits with status 2.
func fail(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("hull: \(message)\n".utf8))
    return ExitCode(2)
}
