/// Something the walk could not read, or chose not to.
public struct ContextWarning: Hashable, Sendable, Codable, CustomStringConvertible {
    /// What happened.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// A directory could not be opened or listed; its contents are missing from the totals.
        case unreadableDirectory
        /// An entry vanished or could not be examined.
        case unreadableEntry
        /// A FIFO, socket or device that would be sent; Hull never opens it.
        case specialFileSkipped
    }

    /// What happened.
    public var kind: Kind
    /// The context-relative path.
    public var path: ContextPath
    /// The system's reason, or a note.
    public var reason: String
    /// Whether `docker build` fails on this (BuildKit aborts the transfer on an unreadable
    /// directory it sends).
    public var failsBuild: Bool

    /// Creates a warning.
    public init(kind: Kind, path: ContextPath, reason: String, failsBuild: Bool) {
        self.kind = kind
        self.path = path
        self.reason = reason
        self.failsBuild = failsBuild
    }

    public var description: String {
        switch kind {
        case .unreadableDirectory: "cannot read directory `\(path)`: \(reason)" + (failsBuild ? " (docker build fails on it)" : "")
        case .unreadableEntry: "cannot examine `\(path)`: \(reason)"
        case .specialFileSkipped: "skipped `\(path)`: \(reason)"
        }
    }
}
