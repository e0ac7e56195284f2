import Foundation
import HullCore
import HullDockerfile
import HullLint
import HullRules

extension Workspace {
    /// Fixes every input: applies fixes (safe, and unsafe when asked) until nothing changes,
    /// refuses results that do not parse, then re-lints to say what is left. Writes only in
    /// `.write` mode, atomically; standard input is never written back to disk.
    public static func fix(_ request: FixRequest) async throws(HullError) -> [FileFixOutcome] {
        let configuration = try configuration(for: request.lint)
        let inputs = try inputs(for: request.lint.paths.isEmpty ? ["."] : request.lint.paths)
        let linter = Linter(rules: BuiltinRules.all, configuration: configuration)
        let fixer = Fixer(linter: linter, threshold: request.unsafeFixes ? .unsafe : .safe)
        var outcomes: [FileFixOutcome] = []
        for path in inputs {
            let source = try InputFile.read(path)
            let context = await ContextProvider.view(forDockerfile: path)
            let analyze: (SourceFile) -> AnalyzedDockerfile = { AnalyzedDockerfile(Dockerfile.parse($0), context: context, configuration: configuration) }
            let result = fixer.fix(source, analyze: analyze)
            var applied: [RuleCode: Int] = [:]
            for item in result.applied { applied[item.code, default: 0] += 1 }
            let fixedSource = SourceFile(path: path, bytes: result.bytes)
            let remaining = linter.lint(analyze(fixedSource))
            var outcome = FileFixOutcome(path: path, original: source.bytes, fixed: result.bytes, appliedByRule: applied, remaining: remaining, refusal: result.refusal)
            if request.mode == .write, outcome.changed, path != "-" {
                do {
                    try AtomicFile.replace(path, with: result.bytes)
                } catch {
                    outcome.refusal = error.description
                    outcome.fixed = source.bytes
                }
            }
            outcomes.append(outcome)
        }
        return outcomes
    }
}
