/// `FROM [--platform=…] image [AS name]`.
public struct FromInstruction: Sendable, Hashable {
    /// The base as written (`node:${VERSION}-alpine`, a stage name, `scratch`).
    public var image: Word
    /// The `AS` keyword, when present.
    public var asKeyword: Word?
    /// The stage name as written.
    public var stageName: Word?
    /// The `--platform` value.
    public var platform: String?
    /// BuildKit's error when the arguments are malformed.
    public var problem: String?

    /// The stage name as BuildKit uses it (lower-cased).
    public var normalizedStageName: String? { stageName?.text.lowercased() }
}
