import Foundation
import HullArchive
import HullCore
import HullImage
import HullLint
import HullOCI
import HullRules

extension Workspace {
    /// Opens an image archive or layout, reads its layers once, and runs the image rules the
    /// configuration enables (`.hull.yaml` found from the request's folder, or the file named,
    /// then the command line's overrides).
    /// - Throws: ``HullError`` when the configuration is bad, or the image cannot be opened or a
    ///   layer cannot be read.
    public static func image(_ request: ImageRequest) async throws(HullError) -> ImageReport {
        let configuration = try configuration(for: LintRequest(paths: [request.directory], configurationFile: request.configurationFile,
                                                               overrides: request.overrides, isolated: request.isolated))
        var platform: Platform?
        if let text = request.platform {
            guard let parsed = Platform(parsing: text) else { throw .usage("--platform `\(text)`: expected os/arch or os/arch/variant, such as linux/amd64 or linux/arm64/v8") }
            platform = parsed
        }
        let result: Result<ImageReport, HullError> = await Task.detached {
            do {
                let source = try ImageSource.open(path: request.path, platform: platform)
                let analysis = try ImageAnalyzer(options: .init(scanContents: request.scanContents)).analyze(source)
                return .success(report(for: analysis, request: request, configuration: configuration))
            } catch let error as HullOCIError {
                return .failure(.unreadable(request.path, error.description))
            } catch let error as HullArchiveError {
                return .failure(.unreadable(request.path, error.description))
            } catch {
                return .failure(.unreadable(request.path, String(describing: error)))
            }
        }.value
        return try result.get()
    }

    /// The metadata of every image rule, for reporters.
    public static var imageRuleMetadata: [RuleMetadata] { BuiltinRules.imageDescriptions.map(\.metadata) }

    static func report(for analysis: ImageAnalysis, request: ImageRequest, configuration: Configuration) -> ImageReport {
        let linter = ImageLinter(rules: BuiltinRules.allImageRules, configuration: configuration)
        let diagnostics = linter.lint(AnalyzedImage(analysis, reference: request.path, environment: request.environment))
        var ci: ImageReport.CIResult?
        if let thresholds = request.thresholds {
            var checks: [ImageReport.CICheck] = []
            if let lowest = thresholds.lowestEfficiency {
                checks.append(.init(name: "lowestEfficiency", threshold: lowest, value: analysis.dive.efficiency, passed: analysis.dive.efficiency >= lowest))
            }
            if let highest = thresholds.highestWastedBytes {
                checks.append(.init(name: "highestWastedBytes", threshold: Double(highest), value: Double(analysis.dive.wastedBytes),
                                    passed: analysis.dive.wastedBytes <= highest))
            }
            if let highest = thresholds.highestUserWastedPercent {
                checks.append(.init(name: "highestUserWastedPercent", threshold: highest, value: analysis.dive.userWastedPercent,
                                    passed: analysis.dive.userWastedPercent <= highest))
            }
            ci = .init(passed: checks.allSatisfy(\.passed), checks: checks)
        }
        let gated = diagnostics.contains { $0.severity >= configuration.failLevel }
        return ImageReport(schemaVersion: ImageReport.schemaVersion, tool: tool, image: analysis, diagnostics: diagnostics, ci: ci,
                           failed: gated || ci?.passed == false, rules: linter.descriptions.map(\.metadata))
    }
}
