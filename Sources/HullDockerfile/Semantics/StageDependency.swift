import HullCore

/// One stage's use of another stage or image.
public struct StageDependency: Sendable, Hashable {
    /// How it is used.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// `FROM <stage>`.
        case base
        /// `COPY --from=<stage>`.
        case copyFrom
        /// `RUN --mount=…,from=<stage>`.
        case mountFrom
    }

    /// How it is used.
    public var kind: Kind
    /// The stage that uses it.
    public var stage: Int
    /// The instruction that uses it.
    public var instruction: Int
    /// The referenced stage, or nil when the reference names an image.
    public var target: Int?
    /// The reference after expansion.
    public var reference: String
    /// Where the reference is written.
    public var range: TextRange
}
