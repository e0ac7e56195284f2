import HullCore
import HullDockerfile

/// Applies rules' fixes until nothing changes (bounded), refusing any result that no longer parses.
public struct Fixer: Sendable {
    /// The outcome of fixing one file.
    public struct Outcome: Sendable {
        /// The fixed bytes (the input when nothing applied or the result was refused).
        public var bytes: [UInt8]
        /// The fixes applied, over all passes.
        public var applied: [(code: RuleCode, fix: Fix)]
        /// The number of passes run.
        public var passes: Int
        /// Why the result was refused, if it was.
        public var refusal: String?
    }

    /// The linter whose findings are fixed.
    public let linter: Linter
    /// The least safe applicability applied (`safe`, or `unsafe` with `--unsafe-fixes`).
    public let threshold: Applicability
    /// The most passes before giving up on convergence.
    public let maximumPasses: Int

    /// Creates a fixer.
    public init(linter: Linter, threshold: Applicability = .safe, maximumPasses: Int = 10) {
        self.linter = linter
        self.threshold = threshold
        self.maximumPasses = maximumPasses
    }

    /// Fixes `source`, re-analysing after each pass with `analyze`.
    public func fix(_ source: SourceFile, analyze: (SourceFile) -> AnalyzedDockerfile) -> Outcome {
        let originalError = DockerfileParser.parse(source).error
        var current = source
        var applied: [(code: RuleCode, fix: Fix)] = []
        var passes = 0
        while passes < maximumPasses {
            passes += 1
            let diagnostics = linter.lint(analyze(current))
            let fixes = diagnostics.compactMap { diagnostic -> (RuleCode, Fix)? in
                guard let fix = diagnostic.fix, fix.applicability != .displayOnly, fix.applicability >= threshold else { return nil }
                return (diagnostic.code, fix)
            }
            if fixes.isEmpty { break }
            let result = FixApplier.apply(fixes.map(\.1), to: current.bytes)
            if result.applied.isEmpty || result.bytes == current.bytes { break }
            let next = SourceFile(path: current.path, bytes: result.bytes)
            if originalError == nil, let error = DockerfileParser.parse(next).error {
                return Outcome(bytes: source.bytes, applied: [], passes: passes, refusal: "the fixed file would not parse (\(error.message)); nothing was written")
            }
            for fix in result.applied {
                if let code = fixes.first(where: { $0.1 == fix })?.0 { applied.append((code, fix)) }
            }
            current = next
        }
        return Outcome(bytes: current.bytes, applied: applied, passes: passes, refusal: nil)
    }
}
