/// The character a Dockerfile uses to escape and to continue lines: `\` by default, or
/// `` ` `` when the `# escape=` parser directive says so.
public enum EscapeToken: UInt8, Sendable, Codable, Hashable {
    /// The backslash, BuildKit's default.
    case backslash = 0x5C
    /// The backtick, common in Windows Dockerfiles.
    case backtick = 0x60

    /// The token as a one-character string.
    public var character: Character { self == .backslash ? "\\" : "`" }
}
