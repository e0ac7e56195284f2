/// Why the cache model could not be built.
public enum HullCacheError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The Dockerfile could not be read.
    case unreadableDockerfile(path: String, reason: String)
    /// The ignore file could not be read or holds a pattern BuildKit rejects.
    case badIgnoreFile(path: String, reason: String)

    public var description: String {
        switch self {
        case .unreadableDockerfile(let path, let reason): "\(path): cannot be read: \(reason)"
        case .badIgnoreFile(let path, let reason): "\(path): \(reason)"
        }
    }
}
