/// An input the tool could not analyse, such as an unreadable file or a corrupt image.
///
/// Findings about input are diagnostics; a failure means that part of the run did not happen,
/// so machine formats mark the run as unsuccessful.
public struct ReportFailure: Hashable, Sendable, Codable {
    /// The input that failed, when the failure concerns one.
    public var path: String?
    /// What went wrong, with context.
    public var message: String

    /// Creates a failure.
    public init(path: String?, message: String) {
        self.path = path
        self.message = message
    }
}
