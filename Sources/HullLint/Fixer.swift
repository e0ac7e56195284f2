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
    public init(linter: Linter, threshold: Applicability = .safe, maximumPasses: Int = 64) {
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
            let candidates = diagnostics.compactMap { diagnostic -> (RuleCode, Fix, Severity)? in
                guard let fix = diagnostic.fix, fix.applicability != .displayOnly, fix.applicability >= threshold else { return nil }
                return (diagnostic.code, fix, diagnostic.severity)
            }
            // One rule per pass, the most severe first (then by code): each rule's fix is planned
            // on the file the previous fixes left, so a fix that changes the base image comes
            // before the one that adds a user for that image, and moving a COPY below an install
            // comes before merging the RUNs around it.
            var rules: [RuleCode] = []
            for candidate in candidates.sorted(by: { ($0.2, $1.0.rawValue) > ($1.2, $0.0.rawValue) }) where !rules.contains(candidate.0) {
                rules.append(candidate.0)
            }
            var next: SourceFile?
            for rule in rules {
                let fixes = candidates.filter { $0.0 == rule }.map(\.1)
                let result = FixApplier.apply(fixes, to: current.bytes)
                if result.applied.isEmpty || result.bytes == current.bytes { continue }
                let candidate = SourceFile(path: current.path, bytes: result.bytes)
                if originalError == nil, let error = DockerfileParser.parse(candidate).error {
                    return Outcome(bytes: source.bytes, applied: [], passes: passes, refusal: "the fixed file would not parse (\(error.message)); nothing was written")
                }
                applied += result.applied.map { (rule, $0) }
                next = candidate
                break
            }
            guard let next else { break }
            current = next
        }
        return Outcome(bytes: current.bytes, applied: applied, passes: passes, refusal: nil)
    }
}
