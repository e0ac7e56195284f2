import HullImage

/// What an image rule sees: the analysis of one image, the name the user gave it, and the
/// scanning host's environment (for the checks that are about the host, such as content trust).
public struct AnalyzedImage: Sendable {
    /// The analysis of the image's configuration, history and layers.
    public var analysis: ImageAnalysis
    /// The path or reference the user named; findings point at it.
    public var reference: String
    /// The scanning host's environment.
    public var environment: [String: String]

    /// Wraps an analysis.
    public init(_ analysis: ImageAnalysis, reference: String, environment: [String: String] = [:]) {
        self.analysis = analysis
        self.reference = reference
        self.environment = environment
    }

    /// The history line that made layer `layer`, when the history records it.
    public func historyLine(making layer: Int) -> ImageAnalysis.HistoryLine? {
        analysis.history.first { $0.layer == layer }
    }
}
