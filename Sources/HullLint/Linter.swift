import HullCore
import HullDockerfile

/// Runs rules over analysed Dockerfiles and applies configuration and suppressions.
public struct Linter: Sendable {
    /// The rules that run, with their descriptions.
    public let rules: [any DockerfileRule]
    /// The configuration in force.
    public let configuration: Configuration
    /// What each rule's sink needs, worked out once from the configuration (not per file).
    private let plans: [RulePlan]

    /// A rule's description with the severity and options configuration gives it, and whether
    /// its findings may be dropped for an ignored peer ID.
    private struct RulePlan: Sendable {
        let description: RuleDescription
        let severity: Severity
        let options: [String: ConfigValue]
        let mayIgnoreFindings: Bool
        let isBuildKitCheck: Bool
    }

    /// The code of BuildKit parse errors, which are findings but not rules.
    public static let parseErrorCode: RuleCode = "PS001"

    /// The description used for parse errors.
    public static let parseErrorDescription = RuleDescription(
        code: parseErrorCode, name: "dockerfile-syntax-error",
        summary: "BuildKit cannot parse this Dockerfile.",
        rationale: "The build fails before any instruction runs; Hull reports BuildKit's own message at the place it points to.",
        category: .correctness, defaultSeverity: .error, aliases: [.hadolint("DL1000")], examples: [])

    /// Selects the enabled rules among `available`.
    public init(rules available: [any DockerfileRule.Type], configuration: Configuration) {
        self.configuration = configuration
        let enabled = available.filter { configuration.isEnabled($0.description) }
        self.rules = enabled.map { $0.init() }
        self.plans = enabled.map { type in
            let description = type.description
            return RulePlan(description: description, severity: configuration.severity(for: description),
                            options: configuration.options(for: description),
                            mayIgnoreFindings: configuration.ignore.contains { Configuration.isPartialAlias($0, of: description) },
                            isBuildKitCheck: description.aliases.contains { $0.tool == "buildkit" })
        }
    }

    /// The descriptions of the rules that run.
    public var descriptions: [RuleDescription] { plans.map(\.description) }

    /// The instruction a finding at `offset` belongs to, for in-file suppressions: the one
    /// whose lines contain it, or, for a finding on a comment or blank line between
    /// instructions, the next one (the pragma above a comment covers it). Binary search.
    static func instruction(at offset: Int, spans: [TextRange]) -> Int? {
        guard !spans.isEmpty else { return nil }
        var low = 0, high = spans.count
        while low < high {
            let middle = (low + high) / 2
            if spans[middle].start <= offset { low = middle + 1 } else { high = middle }
        }
        // `low` is the first instruction starting after `offset`.
        if low > 0, spans[low - 1].end > offset || low == spans.count { return low - 1 }
        return low
    }

    /// Lints one Dockerfile. Diagnostics come sorted by position, then code.
    public func lint(_ input: AnalyzedDockerfile) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let syntax = input.dockerfile.syntax
        let path = input.source.path
        if let error = syntax.error {
            diagnostics.append(Diagnostic(code: Self.parseErrorCode, name: Self.parseErrorDescription.name, severity: .error,
                                          message: error.message, location: .file(path: path, range: error.range)))
        }
        let suppressions = configuration.allowsInlinePragmas ? Suppressions(syntax) : Suppressions.none
        let spans = syntax.instructions.map(\.linesRange)
        for (rule, plan) in zip(rules, plans) {
            let description = plan.description
            var sink = DiagnosticSink(rule: description, severity: plan.severity, options: plan.options, path: path)
            rule.check(input, &sink)
            for var diagnostic in sink.diagnostics {
                let instruction = Self.instruction(at: diagnostic.range?.start ?? 0, spans: spans)
                if suppressions.suppresses(diagnostic, of: description, instruction: instruction) { continue }
                if plan.mayIgnoreFindings, configuration.ignoresFinding(diagnostic, of: description) { continue }
                if suppressions.buildKitChecksAreErrors, plan.isBuildKitCheck {
                    diagnostic.severity = .error
                }
                diagnostics.append(diagnostic)
            }
        }
        Self.sort(&diagnostics)
        return diagnostics
    }

    /// Lints one Dockerfile with the rules, then with ShellCheck through `shellCheck` when
    /// given and the configuration asks for it. Workspaces that lint many files batch
    /// ShellCheck over all of them instead (``ShellCheckPass/run(_:batcher:)``).
    public func lint(_ input: AnalyzedDockerfile, shellCheck runner: ShellCheckRunner?) async -> [Diagnostic] {
        var diagnostics = lint(input)
        guard let runner, ShellCheckPass.isRequested(by: configuration) else { return diagnostics }
        let pass = ShellCheckPass(configuration: configuration, rules: descriptions)
        let found = await pass.run([pass.prepare(input)], batcher: ShellCheckBatcher(runner: runner))
        diagnostics += found.diagnostics.first ?? []
        Self.sort(&diagnostics)
        return diagnostics
    }

    /// Sorts diagnostics by position, then code, then message.
    public static func sort(_ diagnostics: inout [Diagnostic]) {
        diagnostics.sort { lhs, rhs in
            let l = lhs.range?.start ?? 0, r = rhs.range?.start ?? 0
            return (l, lhs.code.rawValue, lhs.message) < (r, rhs.code.rawValue, rhs.message)
        }
    }
}
