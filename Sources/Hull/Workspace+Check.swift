import Foundation
import HullCache
import HullContext
import HullCore
import HullDockerfile
import HullLint
import HullRules

extension Workspace {
    /// Checks every Dockerfile the request names (folders are searched): the before/after table
    /// (now, and after `hull fix --unsafe-fixes` with the `.dockerignore` `hull ignore` would
    /// write), the findings and the command that applies the fixes. Nothing on disk changes.
    /// One Dockerfile that cannot be read is a failure in the report; the others are checked.
    /// - Throws: ``HullError`` when a path does not exist, a folder holds no Dockerfile, or the
    ///   configuration is bad.
    public static func check(_ request: CheckRequest,
                             progress: (@Sendable (ContextProgress) -> Void)? = nil) async throws(HullError) -> CheckReport {
        let paths = request.paths.isEmpty ? ["."] : request.paths
        if paths.contains("-") { throw .usage("hull check needs the Dockerfile's build context; pass a folder or a Dockerfile path, not -") }
        var lint = request.lint
        lint.paths = paths
        let configuration = try configuration(for: lint)
        // A folder is a build context: its own Dockerfiles are checked; only a folder without
        // one is searched below.
        var inputs: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            let own = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
                ? DockerfileDiscovery.dockerfiles(in: path, depthLimit: 0) : []
            inputs += own.isEmpty ? try Self.inputs(for: [path]) : own
        }
        if let image = request.image, inputs.count != 1 {
            throw .usage("--image \(image): \(inputs.count) Dockerfiles found (\(inputs.joined(separator: ", "))); name the one the image was built from")
        }
        if request.image == nil, request.platform != nil { throw .usage("--platform needs --image ARCHIVE") }
        // The image is read first: an archive that cannot be read stops the run (exit 2) before the context walk.
        var image: (row: CheckReport.ImageRow, failed: Bool)?
        if let path = request.image {
            image = try await imageRow(path, platform: request.platform, scanContents: request.scanContents, lint: lint)
        }
        var results: [CheckReport.Result] = []
        var failures: [CheckReport.Failure] = []
        for path in inputs {
            do throws(HullError) {
                var result = try await checkDockerfile(path, configuration: configuration, scanContents: request.scanContents, progress: progress)
                if let image {
                    result.now.image = image.row
                    result.failed = result.failed || image.failed
                }
                results.append(result)
            } catch {
                failures.append(.init(path: path, message: error.description))
            }
        }
        return CheckReport(tool: .init(name: tool.name, version: tool.version), results: results, failures: failures)
    }

    /// Checks one Dockerfile against the folder it sits in.
    static func checkDockerfile(_ path: String, configuration: Configuration, scanContents: Bool,
                                progress: (@Sendable (ContextProgress) -> Void)?) async throws(HullError) -> CheckReport.Result {
        let folder = (path as NSString).deletingLastPathComponent
        let root = folder.isEmpty ? "." : folder
        let linter = Linter(rules: BuiltinRules.all, configuration: configuration)

        // Now: the Dockerfile and the context as they are.
        let source = try InputFile.read(path)
        let nowView = await ContextProvider.view(forDockerfile: path)
        let nowAnalyzed = AnalyzedDockerfile(Dockerfile.parse(source), context: nowView, configuration: configuration)
        let nowDiagnostics = linter.lint(nowAnalyzed)

        // After: every fix, unsafe ones included, applied in memory.
        let fixer = Fixer(linter: linter, threshold: .unsafe)
        let outcome = fixer.fix(source) { AnalyzedDockerfile(Dockerfile.parse($0), context: nowView, configuration: configuration) }
        let fixedSource = SourceFile(path: path, bytes: outcome.bytes)
        let fixedText = String(decoding: outcome.bytes, as: UTF8.self)
        let proposal = try? IgnoreAdvisor.propose(root: root, dockerfile: path)
        let proposedText = proposal.flatMap { $0.changes ? $0.proposed : nil }
        var afterView = nowView
        if let proposedText { afterView = await ContextProvider.view(forDockerfile: path, ignoreFileText: Array(proposedText.utf8)) }
        let afterAnalyzed = AnalyzedDockerfile(Dockerfile.parse(fixedSource), context: afterView, configuration: configuration)
        let afterDiagnostics = linter.lint(afterAnalyzed)

        let nowContext = try await context(ContextRequest(root: root, dockerfile: path, scanContents: scanContents, measureExcluded: false,
                                                          previewProposal: false), progress: progress)
        let afterContext = try await context(ContextRequest(root: root, dockerfile: path, listPaths: true, scanContents: scanContents,
                                                            measureExcluded: false, previewProposal: false,
                                                            dockerfileText: fixedText, ignoreFileText: proposedText), progress: progress)
        let nowModel = try? CacheModel(contextDirectory: root, dockerfilePath: path)
        var afterSent = CheckReport.Size(files: afterContext.sent.files + afterContext.sent.symlinks, bytes: afterContext.sent.bytes)
        var afterMatcher: IgnoreMatcher?
        if let proposedText {
            let patterns = (try? IgnoreFile(bytes: Array(proposedText.utf8)).patterns) ?? []
            afterMatcher = try? IgnoreMatcher(patterns: patterns, policy: .dropInvalid)
        }
        // The walk saw the files as they are on disk; the fixed Dockerfile and the written ignore
        // file are sent in their place (unless the ignore file leaves them out).
        func sent(_ file: String) -> Bool {
            guard file.hasPrefix(root == "." ? "" : root) else { return false }
            let relative = String(file.dropFirst(root == "." ? 0 : root.count)).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            let matcher = afterMatcher ?? nowModel?.ignoreMatcher
            return !((try? matcher?.isExcluded(relative)) ?? false)
        }
        if let proposal, proposedText != nil, sent(proposal.path) {
            if !proposal.exists { afterSent.files += 1 }
            afterSent.bytes += Int64(proposal.proposed.utf8.count) - Int64(proposal.original.utf8.count)
        }
        if sent(path) { afterSent.bytes += Int64(outcome.bytes.count) - Int64(source.bytes.count) }

        // Rebuild on a source change: one source file both versions copy, chosen the same way every time.
        let afterModel = CacheModel(dockerfile: afterAnalyzed.dockerfile, ignoreMatcher: afterMatcher ?? nowModel?.ignoreMatcher)
        let nowOutline = ImageOutline(nowAnalyzed)
        let afterOutline = ImageOutline(afterAnalyzed)
        let candidates = CheckSourceChoice.candidates(afterContext.paths ?? [], secrets: Set(nowContext.secrets.findings.map(\.path)))
        let changed = CheckSourceChoice.choose(candidates, models: [nowModel, afterModel].compactMap { $0 })

        let categories = Dictionary(linter.descriptions.map { ($0.code, $0.category) }, uniquingKeysWith: { first, _ in first })
        let ignoreShown = nowContext.ignoreFile.path.map { shownPath($0, root: root) }
        let now = CheckReport.Snapshot(
            context: .init(sent: .init(files: nowContext.sent.files + nowContext.sent.symlinks, bytes: nowContext.sent.bytes),
                           ignoreFile: ignoreShown, ignoreFileProposed: false),
            rebuild: changed.flatMap { rebuildRow(model: nowModel, outline: nowOutline, changed: $0) },
            user: userRow(nowOutline.user),
            secrets: secrets(nowDiagnostics, source: source, context: nowContext, shipped: nowOutline.shippedLines),
            baseImage: baseImageRow(nowOutline),
            findings: severityCounts(nowDiagnostics))
        let after = CheckReport.Snapshot(
            context: .init(sent: afterSent, ignoreFile: proposal.map { shownPath($0.path, root: root) } ?? ignoreShown,
                           ignoreFileProposed: proposedText != nil),
            rebuild: changed.flatMap { rebuildRow(model: afterModel, outline: afterOutline, changed: $0) },
            user: userRow(afterOutline.user),
            secrets: secrets(afterDiagnostics, source: fixedSource, context: afterContext, shipped: afterOutline.shippedLines),
            baseImage: baseImageRow(afterOutline),
            findings: severityCounts(afterDiagnostics))

        var commands: [String] = []
        if outcome.bytes != source.bytes { commands.append("hull fix --unsafe-fixes \(shellQuoted(path))") }
        if proposedText != nil {
            let isDefault = (path as NSString).lastPathComponent == IgnoreFile.defaultDockerfileName
            commands.append("hull ignore --write \(shellQuoted(root))" + (isDefault ? "" : " -f \(shellQuoted(path))"))
        }
        let plan = CheckReport.FixPlan(dockerfileChanges: outcome.bytes != source.bytes, fixesApplied: outcome.applied.count,
                                       ignoreFile: proposedText == nil ? nil : proposal.map { shownPath($0.path, root: root) },
                                       ignoreLinesAdded: proposedText == nil ? 0 : proposal?.added.count ?? 0,
                                       command: commands.isEmpty ? nil : commands.joined(separator: " && "),
                                       refusal: outcome.refusal)
        let findings = nowDiagnostics.map { finding($0, source: source, category: categories[$0.code]) }
        return CheckReport.Result(dockerfile: path, context: root, now: now, afterFix: after, fix: plan, findings: findings,
                                  failed: nowDiagnostics.contains { $0.severity >= configuration.failLevel })
    }

    // MARK: - Rows

    static func rebuildRow(model: CacheModel?, outline: ImageOutline, changed: String) -> CheckReport.RebuildRow? {
        guard let model else { return nil }
        let prediction = model.predict(ChangeSet(paths: [changed]))
        let built = prediction.stages.filter(\.isBuilt)
        let installs = outline.installs.filter { install in
            built.contains { $0.steps.contains { $0.instruction == install.instruction } }
        }
        let installing = Set(installs.map(\.instruction))
        let steps = built.flatMap(\.steps).filter { $0.keyword != "FROM" && ($0.status == .cached || $0.status == .rebuilt) }
        let rebuilt = steps.filter { $0.status == .rebuilt }.map {
            CheckReport.Step(line: $0.line, keyword: $0.keyword, text: $0.text, installsDependencies: installing.contains($0.instruction))
        }
        return .init(changedFile: changed, steps: steps.count, rebuilt: rebuilt, installs: installs.map(\.command),
                     reinstalls: rebuilt.contains(where: \.installsDependencies))
    }

    static func userRow(_ user: ImageOutline.User) -> CheckReport.UserRow {
        .init(name: user.shown, isRoot: user.isRoot, reason: user.reason)
    }

    static func baseImageRow(_ outline: ImageOutline) -> CheckReport.BaseImageRow {
        var estimate = outline.baseReference.flatMap(BaseImageSizes.estimate(for:))
        if outline.baseImage == "scratch" {
            estimate = .init(image: "scratch", variant: BaseImageSizes.Variant.full.rawValue, bytes: 0, asOf: BaseImageSizes.asOf)
        }
        return .init(reference: outline.baseImage, estimate: estimate)
    }

    /// Secrets in `ENV`/`ARG` (DF007's findings) and secret files a COPY or ADD puts in a layer
    /// of the image that ships (`shipped`: the lines of its instructions; the layers of stages
    /// it only copies from are left behind).
    static func secrets(_ diagnostics: [Diagnostic], source: SourceFile, context: ContextReport, shipped: Set<Int>) -> [CheckReport.Secret] {
        let name = (source.path as NSString).lastPathComponent
        var result: [CheckReport.Secret] = diagnostics.filter { $0.code == SecretInEnvOrArgRule.description.code }.compactMap { diagnostic in
            guard let range = diagnostic.range else { return nil }
            let line = source.location(of: range.start).line
            let lineText = String(decoding: source.bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropFirst(line - 1).first ?? ""
            let keyword = lineText.trimmingCharacters(in: .whitespaces).prefix { !$0.isWhitespace }.lowercased()
            return .init(kind: keyword == "arg" ? "arg" : "env", location: "\(name):\(line)", message: diagnostic.message)
        }
        let copiedIntoImage = Set(context.secrets.findings.filter { !shipped.isDisjoint(with: $0.copiedBy) }.map(\.path))
        result += context.problems.filter { $0.kind == "secretCopied" && copiedIntoImage.contains($0.location) }
            .map { .init(kind: "file", location: $0.location, message: $0.message) }
        return result
    }

    static func severityCounts(_ diagnostics: [Diagnostic]) -> [String: Int] {
        var counts = Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0.rawValue, 0) })
        for diagnostic in diagnostics { counts[diagnostic.severity.rawValue, default: 0] += 1 }
        return counts
    }

    static func finding(_ diagnostic: Diagnostic, source: SourceFile, category: RuleCategory?) -> CheckReport.Finding {
        var line: Int?, column: Int?, path: String?
        switch diagnostic.location {
        case .file(_, let range):
            let location = source.location(of: range.start)
            line = location.line
            column = location.utf8Column
        case .contextPath(_, let contextPath):
            path = contextPath
        case .imageLayer(_, _, let layerPath):
            path = layerPath
        case .image:
            break
        }
        return .init(code: diagnostic.code.rawValue, name: diagnostic.name, severity: diagnostic.severity.rawValue,
                     theme: CheckTheme(category).rawValue, line: line, column: column, path: path, message: diagnostic.message,
                     fix: diagnostic.fix?.applicability.rawValue)
    }

    // MARK: - Helpers

    /// `path` relative to the current folder when it is under the context, as given otherwise.
    static func shownPath(_ path: String, root: String) -> String {
        path.hasPrefix("./") ? String(path.dropFirst(2)) : path
    }

    /// `text` as one shell word.
    static func shellQuoted(_ text: String) -> String {
        let plain = text.allSatisfy { $0.isLetter || $0.isNumber || "-_./:@+=,".contains($0) }
        return plain && !text.isEmpty ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// The themes `hull check` groups findings by.
public enum CheckTheme: String, Sendable, CaseIterable, Codable {
    case cache, size, security, correctness, maintenance

    /// The theme of a rule category (maintainability and style are maintenance).
    init(_ category: RuleCategory?) {
        switch category {
        case .cache?: self = .cache
        case .size?: self = .size
        case .security?: self = .security
        case .correctness?, nil: self = .correctness
        case .maintainability?, .style?: self = .maintenance
        }
    }
}

extension Workspace {
    /// Checks two Dockerfiles, each against its own folder, for a side-by-side table. A folder
    /// stands for the Dockerfile in it (exactly one must be found).
    /// - Throws: ``HullError`` when either cannot be found or read, or the configuration is bad.
    public static func compare(_ left: String, _ right: String, lint: LintRequest? = nil, scanContents: Bool = true,
                               progress: (@Sendable (ContextProgress) -> Void)? = nil) async throws(HullError) -> CompareReport {
        var request = lint ?? LintRequest(paths: [left])
        request.paths = [left]
        let configuration = try configuration(for: request)
        func single(_ path: String) throws(HullError) -> String {
            if path == "-" { throw .usage("hull compare needs each Dockerfile's build context; pass folders or Dockerfile paths, not -") }
            if isImageArchive(path) {
                throw .usage("\(path) is an image archive and the other is not; hull compare puts two Dockerfiles or two image archives side by side")
            }
            let found = try inputs(for: [path])
            guard found.count == 1 else {
                throw .usage("\(path): \(found.count) Dockerfiles found (\(found.joined(separator: ", "))); name one")
            }
            return found[0]
        }
        let a = try single(left), b = try single(right)
        return CompareReport(tool: .init(name: tool.name, version: tool.version),
                             left: try await checkDockerfile(a, configuration: configuration, scanContents: scanContents, progress: progress),
                             right: try await checkDockerfile(b, configuration: configuration, scanContents: scanContents, progress: progress))
    }
}
