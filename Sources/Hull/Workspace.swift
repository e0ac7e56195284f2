import Foundation
import HullCore
import HullDockerfile
import HullLint
import HullReport
import HullRules

/// The façade the command-line tool calls: discovery, configuration, parallel analysis and
/// the report.
public enum Workspace {
    /// The outcome of a lint run.
    public struct LintOutcome: Sendable {
        /// What was found.
        public var report: Report
        /// The configuration used.
        public var configuration: Configuration
        /// Whether some finding reaches the failure level.
        public var failed: Bool
        /// Things the run could not do, to tell the user once (such as ShellCheck missing).
        public var notices: [String] = []
    }

    /// The tool description used in reports.
    public static let tool = ToolInfo(name: "hull", version: HullVersion.current, informationURI: "https://hull.dev")

    /// Resolves the configuration for a request: the explicit file, else the nearest
    /// `.hull.yaml` / `.hadolint.yaml` above the first path, then command-line overrides.
    public static func configuration(for request: LintRequest) throws(HullError) -> Configuration {
        var configuration = Configuration()
        if !request.isolated {
            let file: URL?
            if let explicit = request.configurationFile {
                file = URL(fileURLWithPath: explicit)
                guard FileManager.default.fileExists(atPath: explicit) else { throw .fileNotFound(explicit) }
            } else {
                let first = request.paths.first { $0 != "-" } ?? "."
                var isDirectory: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: first, isDirectory: &isDirectory)
                let folder = exists && isDirectory.boolValue ? first : (first as NSString).deletingLastPathComponent
                file = ConfigurationLoader.discover(from: URL(fileURLWithPath: folder.isEmpty ? "." : folder))
            }
            if let file {
                do {
                    configuration = try ConfigurationLoader.load(file)
                } catch {
                    throw .usage(error.description)
                }
            }
        }
        return request.overrides.apply(to: configuration)
    }

    /// Expands folders into the Dockerfiles they contain; files and `-` pass through.
    public static func inputs(for paths: [String]) throws(HullError) -> [String] {
        var result: [String] = []
        for path in paths {
            if path == "-" { result.append(path); continue }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .fileNotFound(path) }
            if isDirectory.boolValue {
                let found = DockerfileDiscovery.dockerfiles(in: path)
                if found.isEmpty { throw .usage("\(path): no Dockerfile found (looked for Dockerfile, Containerfile, *.Dockerfile, Dockerfile.*)") }
                result += found
            } else {
                result.append(path)
            }
        }
        return result
    }

    /// Lints every input in parallel (bounded by the number of cores), runs ShellCheck over
    /// all their RUN scripts in one batch when it is wanted, and builds the report.
    ///
    /// `shellCheck` finds the ShellCheck executable; it is asked only when the configuration
    /// wants ShellCheck. When none is usable, the outcome carries one notice saying so.
    public static func lint(_ request: LintRequest,
                            shellCheck locate: @Sendable () -> Result<ShellCheckRunner, ShellCheckRunner.Unavailable> = { ShellCheckRunner.locate() })
        async throws(HullError) -> LintOutcome {
        let configuration = try configuration(for: request)
        let inputs = try inputs(for: request.paths.isEmpty ? ["."] : request.paths)
        let linter = Linter(rules: BuiltinRules.all, configuration: configuration)
        let shellCheck = ShellCheckPass.isRequested(by: configuration) ? ShellCheckPass(configuration: configuration, rules: linter.descriptions) : nil
        typealias Linted = (source: SourceFile, diagnostics: [Diagnostic], unit: ShellCheckUnit?)
        let results = await withTaskGroup(of: (Int, Result<Linted, HullError>).self) { group in
            var collected: [(Int, Result<Linted, HullError>)] = []
            let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
            var next = 0
            func add(_ index: Int) {
                let path = inputs[index]
                group.addTask {
                    do throws(HullError) {
                        let source = try InputFile.read(path)
                        let analyzed = AnalyzedDockerfile(Dockerfile.parse(source), context: await ContextProvider.view(forDockerfile: path), configuration: configuration)
                        return (index, .success((source, linter.lint(analyzed), shellCheck?.prepare(analyzed))))
                    } catch {
                        return (index, .failure(error))
                    }
                }
            }
            while next < min(width, inputs.count) { add(next); next += 1 }
            while let result = await group.next() {
                collected.append(result)
                if next < inputs.count { add(next); next += 1 }
            }
            return collected.sorted { $0.0 < $1.0 }.map(\.1)
        }
        var linted: [(index: Int, value: Linted)] = []
        var failures: [ReportFailure] = []
        for (index, result) in results.enumerated() {
            switch result {
            case .success(let value): linted.append((index, value))
            case .failure(let error): failures.append(ReportFailure(path: inputs[index], message: error.description))
            }
        }
        var notices: [String] = []
        var extraRules: [String: RuleMetadata] = [:]
        let units = linted.compactMap(\.value.unit)
        if let shellCheck, units.contains(where: { !$0.scripts.isEmpty }) {
            switch locate() {
            case .success(let runner):
                let found = await shellCheck.run(units, batcher: ShellCheckBatcher(runner: runner))
                var position = 0
                for slot in linted.indices where linted[slot].value.unit != nil {
                    linted[slot].value.diagnostics += found.diagnostics[position]
                    Linter.sort(&linted[slot].value.diagnostics)
                    for diagnostic in found.diagnostics[position] where extraRules[diagnostic.code.rawValue] == nil {
                        extraRules[diagnostic.code.rawValue] = ShellCheckPass.metadata(code: diagnostic.code.rawValue, severity: diagnostic.severity)
                    }
                    position += 1
                }
                notices += found.failures.map { "shellcheck: \($0.message)" }
            case .failure(let unavailable):
                notices.append(unavailable.description)
            }
        }
        let artifacts = linted.map { ReportArtifact.dockerfile($0.value.source, diagnostics: $0.value.diagnostics) }
        var rules = linter.descriptions.map(\.metadata)
        if artifacts.contains(where: { $0.diagnostics.contains { $0.code == Linter.parseErrorCode } }) {
            rules.append(Linter.parseErrorDescription.metadata)
        }
        rules += extraRules.keys.sorted().compactMap { extraRules[$0] }
        let report = Report(tool: tool, rules: rules, artifacts: artifacts, failures: failures)
        let failed = artifacts.contains { $0.diagnostics.contains { $0.severity >= configuration.failLevel } }
        return LintOutcome(report: report, configuration: configuration, failed: failed, notices: notices)
    }
}
