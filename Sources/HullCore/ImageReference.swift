/// An image reference as a `FROM` line names it (`node:20-alpine`, `ghcr.io/x/y@sha256:…`),
/// parsed and normalised as Docker's reference library (`distribution/reference`,
/// `ParseNormalizedNamed`) does.
///
/// - The first path component is a registry when it contains `.` or `:`, is `localhost`,
///   or has an uppercase letter; otherwise the image is on Docker Hub, `docker.io`
///   (`index.docker.io` is folded into it), and a one-component name gets the `library/`
///   namespace of official images.
/// - The repository is lowercase: components of `[a-z0-9]` joined by `.`, `_`, `__` or
///   runs of `-`, separated by `/`, at most 255 characters.
/// - A tag matches `[\w][\w.-]{0,127}`; a digest is `algorithm:hex`, and `sha256`,
///   `sha384` and `sha512` digests must have lowercase hex of the right length.
/// - `scratch` is the empty base image when written exactly so.
///
/// A reference that still holds a `$` (an unexpanded build argument) is rejected with
/// ``ImageReferenceError/unexpandedVariable(_:)``: expanding it is the model's job.
public struct ImageReference: Hashable, Sendable, Codable {
    /// The text that was parsed.
    public var original: String
    /// The registry host, normalised: `docker.io` for Docker Hub. Empty only in the rare
    /// case Docker's grammar reads a first component such as `my_host.com` as a path.
    public var registry: String
    /// The repository path within the registry, e.g. `library/node`.
    public var repository: String
    /// The tag, without `:`, when one was written.
    public var tag: String?
    /// The digest, `algorithm:hex`, when one was written.
    public var digest: String?

    /// The registry the reference library assumes when none is written.
    public static let defaultRegistry = "docker.io"

    /// The name as people write it: `node`, `myorg/app`, `ghcr.io/x/y`.
    public var familiarName: String {
        if registry == Self.defaultRegistry {
            if isOfficialImage { return String(repository.dropFirst(Self.officialPrefix.count)) }
            return repository
        }
        return registry.isEmpty ? repository : registry + "/" + repository
    }

    /// The fully qualified name, e.g. `docker.io/library/node`.
    public var name: String { registry.isEmpty ? repository : registry + "/" + repository }

    /// The fully qualified reference, e.g. `docker.io/library/node:20-alpine`.
    public var canonicalString: String { name + (tag.map { ":" + $0 } ?? "") + (digest.map { "@" + $0 } ?? "") }

    /// The reference as people write it, e.g. `node:20-alpine`.
    public var familiarString: String { familiarName + (tag.map { ":" + $0 } ?? "") + (digest.map { "@" + $0 } ?? "") }

    /// Whether this is a Docker Hub official image (`docker.io/library/NAME`).
    public var isOfficialImage: Bool {
        registry == Self.defaultRegistry && repository.hasPrefix(Self.officialPrefix)
            && !repository.dropFirst(Self.officialPrefix.count).contains("/")
    }

    /// Whether this is `FROM scratch`, the empty base image, which BuildKit recognises only
    /// when written exactly `scratch`.
    public var isScratch: Bool { original == "scratch" }

    /// A reference from its parts; ``parse(_:)`` is the way to get one from text.
    public init(original: String, registry: String, repository: String, tag: String? = nil, digest: String? = nil) {
        self.original = original
        self.registry = registry
        self.repository = repository
        self.tag = tag
        self.digest = digest
    }

    private static let officialPrefix = "library/"

    /// Parses `text` as `ParseNormalizedNamed` does, with its error messages.
    public static func parse(_ text: String) throws(ImageReferenceError) -> ImageReference {
        // Searches for ASCII punctuation run on UTF-8, as Go's `strings` functions do: Character
        // searches cost grapheme breaking, which made this the semantic model's largest cost.
        if text.utf8.contains(UInt8(ascii: "$")) { throw .unexpandedVariable(text) }
        if text.utf8.count == 64 && text.utf8.allSatisfy(Grammar.isLowerHex) { throw .identifierOnly(text) }
        let (domain, remainder) = splitDomain(text)
        let remote = remainder.utf8.firstIndex(of: UInt8(ascii: ":")).map { remainder[..<$0] } ?? remainder[...]
        if remote.lowercased() != remote { throw .uppercaseRepository(text, repository: String(remote)) }

        let qualified = domain + "/" + remainder
        guard let parts = Grammar.reference(qualified) else {
            if Grammar.reference(qualified.lowercased()) != nil { throw .uppercaseName(text) }
            throw .invalidFormat(text)
        }
        if parts.path.utf8.count > Grammar.maximumPathLength { throw .nameTooLong(text) }
        if let digest = parts.digest { try Grammar.validate(digest: digest, in: text) }
        return ImageReference(
            original: text,
            registry: parts.domain ?? "",
            repository: parts.path,
            tag: parts.tag,
            digest: parts.digest
        )
    }

    /// The reference library's `splitDockerDomain`: the registry and the rest, with Docker
    /// Hub names qualified.
    private static func splitDomain(_ text: String) -> (domain: String, remainder: String) {
        guard let slash = text.utf8.firstIndex(of: UInt8(ascii: "/")) else {
            // A single component is always a Docker Hub name: `localhost:5000` is `localhost`
            // tagged `5000`.
            return (defaultRegistry, officialPrefix + text)
        }
        let first = text[..<slash]
        let rest = String(text[text.utf8.index(after: slash)...])
        var domain: String
        var remainder: String
        if first == "localhost" || first.utf8.contains(UInt8(ascii: ".")) || first.utf8.contains(UInt8(ascii: ":")) || first.lowercased() != first {
            (domain, remainder) = (String(first), rest)
        } else {
            (domain, remainder) = (defaultRegistry, text)
        }
        if domain == "index.docker.io" { domain = defaultRegistry }
        if domain == defaultRegistry && !remainder.utf8.contains(UInt8(ascii: "/")) { remainder = officialPrefix + remainder }
        return (domain, remainder)
    }
}

// MARK: - CustomStringConvertible

extension ImageReference: CustomStringConvertible {
    /// The fully qualified reference.
    public var description: String { canonicalString }
}
