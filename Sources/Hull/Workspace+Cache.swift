import Foundation
import HullCache
import HullContext
import HullDockerfile
import HullLint
import HullRules

extension Workspace {
    /// Predicts what BuildKit rebuilds after the request's change set, or, without one, what a
    /// change to each input would rebuild first.
    /// - Throws: ``HullError`` when the Dockerfile, the context or git cannot be read, or the
    ///   target names no stage.
    public static func cache(_ request: CacheRequest) async throws(HullError) -> CacheReport {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: request.context, isDirectory: &isDirectory) else { throw .fileNotFound(request.context) }
        guard isDirectory.boolValue else { throw .usage("\(request.context): the build context must be a folder") }
        let choice = IgnoreFile.applicable(contextDirectory: request.context, dockerfile: request.dockerfile)
        let dockerfilePath: String
        if let explicit = request.dockerfile {
            guard FileManager.default.fileExists(atPath: explicit, isDirectory: &isDirectory) else { throw .fileNotFound(explicit) }
            guard !isDirectory.boolValue else { throw .isDirectory(explicit) }
            dockerfilePath = explicit
        } else {
            guard let found = choice.dockerfile else { throw .usage("\(request.context): no Dockerfile in the context folder; name one with -f") }
            dockerfilePath = found
        }

        let model: CacheModel
        do {
            model = try CacheModel(contextDirectory: request.context, dockerfilePath: dockerfilePath, options: BuildOptions(target: request.target))
        } catch {
            throw .unreadable(dockerfilePath, error.description)
        }
        if let target = request.target, model.dockerfile.stage(named: target) == nil {
            let names = model.dockerfile.stages.map { $0.name ?? String($0.index) }.joined(separator: ", ")
            throw .usage("--target \(target): no such stage (stages: \(names.isEmpty ? "none" : names))")
        }

        func shown(_ path: String) -> String { path.hasPrefix("./") ? String(path.dropFirst(2)) : path }
        let baseline = model.predict(ChangeSet())
        guard request.hasChangeSet else {
            let files = try? await ContextWalker(matcher: model.ignoreMatcher, options: .init(measureExcluded: false, recordEntries: true))
                .walk(root: request.context).entries.filter { $0.kind != .directory }.map(\.path.description)
            var report = CacheReport(dockerfile: shown(dockerfilePath), context: request.context, ignoreFile: choice.path.map(shown), since: nil,
                                     prediction: nil, impacts: model.impacts(contextFiles: files), stages: baseline.stages)
            report.hints = hints(for: model, shownIf: { _ in true })
            return report
        }

        var paths = request.changedPaths.map { contextRelative($0, context: request.context) }
        var previous: String?
        if let since = request.since {
            paths += try GitChanges.paths(since: since, context: request.context)
            previous = GitChanges.previousText(of: dockerfilePath, at: since)
        }
        let prediction = model.predict(ChangeSet(paths: paths, buildArgs: request.buildArgs, previousDockerfile: previous))
        var report = CacheReport(dockerfile: shown(dockerfilePath), context: request.context, ignoreFile: choice.path.map(shown), since: request.since,
                                 prediction: prediction, impacts: nil, stages: prediction.stages)
        report.hints = hints(for: model, shownIf: { line in prediction.step(line: line)?.status == .rebuilt })
        return report
    }

    /// The cache rules whose findings explain a miss: the golden rule (LC001).
    static let hintRules: [any DockerfileRule.Type] = [DependencyInstallAfterSourceCopyRule.self]

    /// LC001's findings on lines where `shownIf` holds (a step that rebuilds).
    static func hints(for model: CacheModel, shownIf: (Int) -> Bool) -> [CacheHint] {
        var configuration = Configuration()
        configuration.select = hintRules.map { $0.description.code.rawValue }
        let linter = Linter(rules: hintRules, configuration: configuration)
        let analyzed = AnalyzedDockerfile(model.dockerfile, configuration: configuration, options: model.options)
        return linter.lint(analyzed).compactMap { diagnostic in
            guard let range = diagnostic.range else { return nil }
            let line = model.dockerfile.source.location(of: range.start).line
            guard shownIf(line) else { return nil }
            let fix = diagnostic.fix.map { "; `hull fix --unsafe-fixes --select \(diagnostic.code.rawValue)` applies “\($0.title)”" } ?? ""
            return CacheHint(line: line, code: diagnostic.code.rawValue, name: diagnostic.name, message: diagnostic.message + fix)
        }
    }

    /// A changed path relative to the context: absolute paths inside the context are made
    /// relative; everything else is taken as already relative to it.
    static func contextRelative(_ path: String, context: String) -> String {
        guard path.hasPrefix("/") else { return path }
        let root = URL(fileURLWithPath: context).standardizedFileURL.path
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        return absolute.hasPrefix(root + "/") ? String(absolute.dropFirst(root.count + 1)) : path
    }
}
