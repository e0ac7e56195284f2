/// Why Hull could not do its job (as opposed to findings about the input, which are diagnostics).
public enum HullError: Error, Equatable, CustomStringConvertible {
    /// A named file does not exist.
    case fileNotFound(String)
    /// A file was expected but a folder was given.
    case isDirectory(String)
    /// A file exists but cannot be read.
    case unreadable(String, String)
    /// Arguments that do not fit together.
    case usage(String)
    /// A file could not be written; the original is unchanged.
    case unwritable(String, String)
    /// No container engine could be found or run (the message says which and why).
    case engineUnavailable(String)
    /// The engine is installed but its daemon is not answering.
    case engineStopped(String)
    /// An image could not be read from its registry (the message says why and what to do).
    case registry(String, String)
    /// The engine ran but failed to do what was asked (the message carries its error).
    case engineFailed(String)

    public var description: String {
        switch self {
        case .fileNotFound(let path): "\(path): no such file; check the path, or pass - to read standard input"
        case .isDirectory(let path): "\(path): is a folder; pass the Dockerfile inside it"
        case .unreadable(let path, let reason): "\(path): cannot be read: \(reason)"
        case .usage(let message): message
        case .unwritable(let path, let reason): "\(path): not written (\(reason)); the file is unchanged"
        case .engineUnavailable(let message):
            "\(message); install Docker with BuildKit (docker buildx), podman or buildah, or choose one with --engine"
        case .engineStopped(let message):
            "\(message); start the engine (`sudo systemctl start docker`, or run `dockerd` yourself and set DOCKER_HOST) and try again, or use --engine podman"
        case .engineFailed(let message): message
        case .registry(let reference, let message): "\(reference): \(message)"
        }
    }
}
