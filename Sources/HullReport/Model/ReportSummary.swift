import HullCore

/// Counts over a whole report.
public struct ReportSummary: Hashable, Sendable, Codable {
    /// Diagnostics of severity `error`.
    public var errors: Int
    /// Diagnostics of severity `warning`.
    public var warnings: Int
    /// Diagnostics of severity `info`.
    public var infos: Int
    /// Diagnostics of severity `style`.
    public var styles: Int
    /// Diagnostics with a fix that `hull fix` applies by default.
    public var safeFixes: Int
    /// Diagnostics with a fix that needs `--unsafe-fixes`.
    public var unsafeFixes: Int
    /// Artifacts analysed, by kind.
    public var artifacts: ArtifactCounts
    /// Artifacts with at least one diagnostic, by kind.
    public var artifactsWithProblems: ArtifactCounts
    /// Inputs that could not be analysed.
    public var failures: Int

    /// Counts of artifacts by kind.
    public struct ArtifactCounts: Hashable, Sendable, Codable {
        /// Dockerfiles and ignore files.
        public var files: Int
        /// Build contexts.
        public var contexts: Int
        /// Images.
        public var images: Int

        /// Creates counts.
        public init(files: Int = 0, contexts: Int = 0, images: Int = 0) {
            self.files = files
            self.contexts = contexts
            self.images = images
        }

        /// All artifacts counted.
        public var total: Int { files + contexts + images }

        mutating func add(_ kind: ReportArtifact.Kind) {
            switch kind {
            case .dockerfile, .ignoreFile: files += 1
            case .context: contexts += 1
            case .image: images += 1
            }
        }
    }

    /// Counts `artifacts` and `failures`.
    public init(artifacts: [ReportArtifact], failures: [ReportFailure]) {
        var counts: [Int] = [0, 0, 0, 0]
        var safe = 0
        var unsafe = 0
        var analysed = ArtifactCounts()
        var affected = ArtifactCounts()
        for artifact in artifacts {
            analysed.add(artifact.kind)
            if !artifact.diagnostics.isEmpty { affected.add(artifact.kind) }
            for diagnostic in artifact.diagnostics {
                switch diagnostic.severity {
                case .error: counts[0] += 1
                case .warning: counts[1] += 1
                case .info: counts[2] += 1
                case .style: counts[3] += 1
                }
                switch diagnostic.fix?.applicability {
                case .safe?: safe += 1
                case .unsafe?: unsafe += 1
                case .displayOnly?, nil: break
                }
            }
        }
        errors = counts[0]
        warnings = counts[1]
        infos = counts[2]
        styles = counts[3]
        safeFixes = safe
        unsafeFixes = unsafe
        self.artifacts = analysed
        artifactsWithProblems = affected
        self.failures = failures.count
    }

    /// All diagnostics.
    public var problems: Int { errors + warnings + infos + styles }

    /// The number of diagnostics of `severity`.
    public func count(_ severity: Severity) -> Int {
        switch severity {
        case .error: errors
        case .warning: warnings
        case .info: infos
        case .style: styles
        }
    }
}
