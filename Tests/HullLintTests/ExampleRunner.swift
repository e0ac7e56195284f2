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

    static func context(_ example: RuleExample) -> BuildContextView {
        let files = example.files + ["Dockerfile"] + (example.ignore == nil ? [] : [".dockerignore"])
        let patterns = (example.ignore ?? "").split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
        return BuildContextView(files: files, ignoreFile: example.ignore == nil ? nil : ".dockerignore") { path in
            SimpleIgnore.excluded(path, patterns: patterns)
        }
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

/// A small stand-in for `.dockerignore` matching in examples: whole paths, folder prefixes,
/// `*` within a segment, and `**/` prefixes.
enum SimpleIgnore {
    static func excluded(_ path: String, patterns: [String]) -> Bool {
        var result = false
        for raw in patterns {
            let negated = raw.hasPrefix("!")
            let pattern = negated ? String(raw.dropFirst()) : raw
            let cleaned = pattern.hasPrefix("/") ? String(pattern.dropFirst()) : pattern
            if matches(path, cleaned) { result = !negated }
        }
        return result
    }

    static func matches(_ path: String, _ pattern: String) -> Bool {
        let components = path.split(separator: "/").map(String.init)
        for end in 1...max(1, components.count) {
            let prefix = components.prefix(end).joined(separator: "/")
            if glob(prefix, pattern) { return true }
            if pattern.hasPrefix("**/"), glob(prefix, String(pattern.dropFirst(3))) || components.prefix(end).indices.contains(where: { glob(components[$0...].prefix(end - $0).joined(separator: "/"), String(pattern.dropFirst(3))) }) { return true }
        }
        return false
    }

    static func glob(_ text: String, _ pattern: String) -> Bool {
        let t = Array(text), p = Array(pattern)
        func match(_ i: Int, _ j: Int) -> Bool {
            if j == p.count { return i == t.count }
            if p[j] == "*" {
                var k = i
                while true {
                    if match(k, j + 1) { return true }
                    if k == t.count || t[k] == "/" { return false }
                    k += 1
                }
            }
            if i < t.count && (p[j] == "?" ? t[i] != "/" : p[j] == t[i]) { return match(i + 1, j + 1) }
            return false
        }
        return match(0, 0)
    }
}
