import HullCore
import HullDockerfile
import HullLint

/// Runs one rule on a text the way `hull lint` and `hull fix` would, for focused rule tests.
enum RuleHarness {
    /// The rule's findings, with `options` for it on top of `base`.
    static func lint(_ rule: any DockerfileRule.Type, _ text: String, configuration base: Configuration = Configuration(),
                     options: [String: ConfigValue] = [:], context: BuildContextView? = nil) -> [Diagnostic] {
        var configuration = base
        configuration.select = [rule.description.code.rawValue]
        configuration.rules = [rule.description.code.rawValue: options]
        let linter = Linter(rules: [rule], configuration: configuration)
        return linter.lint(AnalyzedDockerfile(Dockerfile.parse(text), context: context, configuration: configuration))
            .filter { $0.code == rule.description.code }
    }

    /// The text after applying the rule's fixes up to `threshold`.
    static func fixed(_ rule: any DockerfileRule.Type, _ text: String, threshold: Applicability = .safe) -> String {
        var configuration = Configuration()
        configuration.select = [rule.description.code.rawValue]
        let linter = Linter(rules: [rule], configuration: configuration)
        let outcome = Fixer(linter: linter, threshold: threshold).fix(SourceFile(path: "Dockerfile", text: text)) { source in
            AnalyzedDockerfile(Dockerfile.parse(source), configuration: configuration)
        }
        return String(decoding: outcome.bytes, as: UTF8.self)
    }

    /// The text a finding points at.
    static func snippet(_ text: String, _ diagnostic: Diagnostic) -> String {
        guard let range = diagnostic.range else { return "" }
        return String(decoding: Array(text.utf8)[range.start..<range.end], as: UTF8.self)
    }
}
