import HullArchive

/// Why an image could not be opened.
public enum HullOCIError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The path is neither a docker-save archive nor an OCI layout (folder or tar).
    case notAnImage(path: String, reason: String)
    /// A JSON document (manifest, index, config) could not be decoded.
    case invalidDocument(what: String, reason: String)
    /// A blob's content does not match its digest.
    case digestMismatch(what: String, expected: String, actual: String)
    /// A blob is missing.
    case missingBlob(what: String, path: String)
    /// The layout holds several images and none or more than one matches.
    case ambiguous(String)
    /// The archive itself could not be read.
    case archive(HullArchiveError)
    /// A registry could not be reached, refused access, or lacks the image.
    case registry(reference: String, message: String)

    /// A sentence that says what happened and what to do.
    public var description: String {
        switch self {
        case let .notAnImage(path, reason): "\(path) is not an image archive or layout: \(reason) (pass a `docker save` tarball, an OCI archive or an OCI layout folder)"
        case let .invalidDocument(what, reason): "\(what) is not valid: \(reason)"
        case let .digestMismatch(what, expected, actual): "\(what) does not match its digest: expected \(expected), got sha256:\(actual); the image is corrupt or was altered"
        case let .missingBlob(what, path): "\(what) is missing: `\(path)` is not in the image"
        case let .ambiguous(message): message
        case let .archive(error): error.description
        case let .registry(reference, message): "\(reference): \(message)"
        }
    }
}
