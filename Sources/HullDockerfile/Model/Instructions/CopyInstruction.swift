/// `COPY` or `ADD`: sources to a destination, with their flags.
public struct CopyInstruction: Sendable, Hashable {
    /// The sources as written (heredoc markers included as words).
    public var sources: [Word]
    /// The destination; nil when there are fewer than two arguments.
    public var destination: Word?
    /// `--from` (COPY only): a stage name, stage index or image.
    public var from: String?
    /// `--chown`.
    public var chown: String?
    /// `--chmod`.
    public var chmod: String?
    /// `--link`.
    public var link: Bool
    /// `--parents`.
    public var parents: Bool
    /// `--exclude` patterns.
    public var excludes: [String]
    /// `--checksum` (ADD only).
    public var checksum: String?
    /// `--keep-git-dir` (ADD only).
    public var keepGitDirectory: Bool
    /// Whether the arguments were a JSON array.
    public var isJSON: Bool
    /// Heredocs used as inline sources.
    public var heredocs: [HeredocSyntax]
    /// BuildKit's error when there is no destination.
    public var problem: String?

    /// Sources that are heredoc markers (`<<EOF`), which name inline files, not context paths.
    public var contextSources: [Word] {
        sources.filter { word in !heredocs.contains { $0.markerRange == word.range } && !word.text.hasPrefix("<<") }
    }
}
