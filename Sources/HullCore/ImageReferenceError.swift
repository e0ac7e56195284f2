/// Why a `FROM` image reference is not valid. Each case carries the reference text; the
/// ``description`` is the reference library's message.
public enum ImageReferenceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The reference still holds a `$`: a build argument that was not expanded. (Hull's own
    /// check; Docker rejects such text with one of the other messages.)
    case unexpandedVariable(String)
    /// A bare 64-digit hex string, which Docker reserves for image IDs.
    case identifierOnly(String)
    /// The repository part has uppercase letters; `repository` is that part as Docker
    /// reports it (with `library/` for Docker Hub names).
    case uppercaseRepository(String, repository: String)
    /// The name is valid only once lowercased.
    case uppercaseName(String)
    /// Not a reference: a bad character, an empty or overlong tag, `a:b:c`, …
    case invalidFormat(String)
    /// The repository path is longer than 255 characters.
    case nameTooLong(String)
    /// A digest whose hex is not lowercase or whose algorithm is malformed.
    case invalidDigestFormat(String)
    /// A `sha256`, `sha384` or `sha512` digest of the wrong length.
    case invalidDigestLength(String)
    /// A well-formed digest with an algorithm other than `sha256`, `sha384` or `sha512`.
    case unsupportedDigestAlgorithm(String)

    /// The reference text that was rejected.
    public var reference: String {
        switch self {
        case .unexpandedVariable(let text), .identifierOnly(let text), .uppercaseRepository(let text, _),
             .uppercaseName(let text), .invalidFormat(let text), .nameTooLong(let text),
             .invalidDigestFormat(let text), .invalidDigestLength(let text), .unsupportedDigestAlgorithm(let text):
            text
        }
    }

    /// The message Docker's reference library gives (Hull's own for ``unexpandedVariable(_:)``).
    public var description: String {
        switch self {
        case .unexpandedVariable(let text): "invalid reference format: \(text) contains an unexpanded variable"
        case .identifierOnly(let text): "invalid repository name (\(text)), cannot specify 64-byte hexadecimal strings"
        case .uppercaseRepository(_, let repository): "invalid reference format: repository name (\(repository)) must be lowercase"
        case .uppercaseName: "repository name must be lowercase"
        case .invalidFormat: "invalid reference format"
        case .nameTooLong: "repository name must not be more than 255 characters"
        case .invalidDigestFormat: "invalid checksum digest format"
        case .invalidDigestLength: "invalid checksum digest length"
        case .unsupportedDigestAlgorithm: "unsupported digest algorithm"
        }
    }
}
