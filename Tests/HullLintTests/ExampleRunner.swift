import Hull
import HullCore
import HullDockerfile
import HullLint
import HullRules
import HullTestSupport

/// Runs one rule on example text the way `hull lint` would.
enum ExampleRunner {
    static func configuration(for rule: any DockerfileRule.Type, options: [String: ConfigValue]) -> Configuration {
        var configuration = Configuration()
        configuration.select = [rule.description.code.rawValue]
        configuration.rules = [rule.description.code.rawValue: options]
        return configuration
    }

    /// The example's context: its files, the Dockerfile and the ignore file, with the ignore
    /// file read and matched as BuildKit does (through the same provider `hull lint` uses).
    static func context(_ example: RuleExample) -> BuildContextView {
        let files = example.files + ["Dockerfile"] + (example.ignore == nil ? [] : [".dockerignore"])
        return ContextProvider.view(files: files, ignoreFile: example.ignore)
    }

    static func analyze(_ text: String, _ example: RuleExample, rule: any DockerfileRule.Type) -> AnalyzedDockerfile {
        AnalyzedDockerfile(Dockerfile.parse(text), context: context(example), configuration: configuration(for: rule, options: example.options))
    }

    static func diagnostics(_ rule: any DockerfileRule.Type, _ text: String, _ example: RuleExample) -> [Diagnostic] {
        let linter = Linter(rules: [rule], configuration: configuration(for: rule, options: example.options))
        return linter.lint(analyze(text, example, rule: rule)).filter { $0.code == rule.description.code }
    }

    static func fix(_ rule: any DockerfileRule.Type, _ text: String, _ example: RuleExample, threshold: Applicability) -> Fixer.Outcome {
        let linter = Linter(rules: [rule], configuration: configuration(for: rule, options: example.options))
        return Fixer(linter: linter, threshold: threshold).fix(SourceFile(path: "Dockerfile", text: text)) { source in
            AnalyzedDockerfile(Dockerfile.parse(source), context: context(example), configuration: configuration(for: rule, options: example.options))
        }
    }
}
