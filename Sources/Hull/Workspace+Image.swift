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
                let source: ImageSource
                switch try imageTarget(request.path) {
                case .path(let path):
                    source = try ImageSource.open(path: path, platform: platform)
                case .reference(let reference):
                    let credentials = request.registry.username.map {
                        RegistryCredentials(username: $0, password: request.registry.password ?? "", origin: "--username")
                    }
                    let options = RegistryClient.Options(credentials: credentials, insecure: request.registry.insecure, environment: request.environment)
                    source = try ImageSource.open(reference: reference, platform: platform, options: options)
                }
                let analysis = try ImageAnalyzer(options: .init(scanContents: request.scanContents)).analyze(source)
                return .success(report(for: analysis, request: request, configuration: configuration))
            } catch let error as HullError {
                return .failure(error)
            } catch let error as HullOCIError {
                if case let .registry(_, message) = error { return .failure(.registry(request.path, message)) }
                return .failure(.unreadable(request.path, error.description))
            } catch let error as HullArchiveError {
                return .failure(.unreadable(request.path, error.description))
            } catch {
                return .failure(.unreadable(request.path, String(describing: error)))
            }
        }.value
        return try result.get()
    }

    /// What `hull image`'s argument names.
    enum ImageTarget: Equatable {
        case path(String)
        case reference(ImageReference)
    }

    /// `registry:` and `docker://` prefixes force a reference; an existing path, or one that
    /// looks like a file (`./`, `/`, `~`, `.tar`, `.tgz`), is a path; anything else that parses
    /// as an image reference is one.
    static func imageTarget(_ text: String) throws(HullError) -> ImageTarget {
        for prefix in ["registry:", "docker://"] where text.hasPrefix(prefix) {
            let rest = String(text.dropFirst(prefix.count))
            do { return .reference(try ImageReference.parse(rest)) } catch {
                throw .usage("\(text): not an image reference: \(error.description)")
            }
        }
        if FileManager.default.fileExists(atPath: text) { return .path(text) }
        let fileLike = ["/", "./", "../", "~"].contains { text.hasPrefix($0) }
            || [".tar", ".tar.gz", ".tgz", ".tar.zst", ".oci"].contains { text.lowercased().hasSuffix($0) }
        if !fileLike, let reference = try? ImageReference.parse(text) { return .reference(reference) }
        return .path(text)
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
