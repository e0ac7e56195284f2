/// How far an analysis has come, for a progress display.
public struct ContextProgress: Hashable, Sendable {
    /// What the analysis is doing.
    public enum Phase: String, Hashable, Sendable {
        /// Walking the context.
        case walking
        /// Reading the first bytes of sent files for secrets.
        case scanningSecrets
    }

    /// What the analysis is doing.
    public var phase: Phase
    /// Entries seen so far (walking) or files read (scanning).
    public var entries: Int
    /// Bytes of the regular files seen so far (walking).
    public var bytes: Int64

    /// Creates a progress report.
    public init(phase: Phase, entries: Int, bytes: Int64) {
        self.phase = phase
        self.entries = entries
        self.bytes = bytes
    }
}
