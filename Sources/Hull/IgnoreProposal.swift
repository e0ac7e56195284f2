/// What `hull ignore` proposes for a context's ignore file.
public struct IgnoreProposal: Sendable {
    /// A line the proposal adds.
    public struct AddedLine: Hashable, Sendable {
        /// The pattern.
        public var pattern: String
        /// The group comment it is written under.
        public var group: String
    }

    /// A line the proposal leaves out, and why.
    public struct KeptPath: Hashable, Sendable {
        /// The pattern that was not added.
        public var pattern: String
        /// The comment written into the file (one line).
        public var comment: String
        /// The longer explanation for standard error.
        public var explanation: String
    }

    /// The ignore file to write: the one in force, or `<context>/.dockerignore` when none exists.
    public var path: String
    /// Whether that file exists.
    public var exists: Bool
    /// Whether it is a per-Dockerfile ignore file (`<Dockerfile>.dockerignore`).
    public var isDockerfileSpecific: Bool
    /// Its current text (empty when it does not exist).
    public var original: String
    /// The proposed text: the original, unchanged, plus a marked section with the missing lines.
    public var proposed: String
    /// The lines added, in file order.
    public var added: [AddedLine]
    /// Lines that would exclude something a build needs, left out.
    public var kept: [KeptPath]
    /// Ecosystems detected in the context, with a manifest for each.
    public var ecosystems: [(Ecosystem, String)]
    /// The Dockerfiles whose needs were checked.
    public var dockerfiles: [String]
    /// Problems with the current ignore file (invalid patterns), which `hull ignore` does not fix.
    public var notes: [String]

    /// Whether the proposal changes the file.
    public var changes: Bool { original != proposed }

    /// The marker line that opens the section `hull ignore` appends.
    public static let marker = "# Added by hull ignore"
}
