/// Settings shared by all reporters.
public struct ReporterOptions: Hashable, Sendable {
    /// Whether the text reporter uses ANSI colours. The CLI decides, with ``ColourPolicy``.
    public var colour: Bool
    /// The absolute directory that relative paths in diagnostics are relative to, usually the
    /// repository root. SARIF records it as `%SRCROOT%`; formats read by code-hosting
    /// services use it to make absolute paths relative.
    public var sourceRoot: String?

    /// Creates options.
    public init(colour: Bool = false, sourceRoot: String? = nil) {
        self.colour = colour
        self.sourceRoot = sourceRoot
    }
}
