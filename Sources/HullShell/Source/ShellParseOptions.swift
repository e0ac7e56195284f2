/// Settings for parsing shell text.
public struct ShellParseOptions: Hashable, Sendable {
    /// How deeply constructs may nest (subshells, groups, substitutions, expansions, nested
    /// `sh -c` scripts) before parsing stops with a ``ShellParseError/Kind/nestingTooDeep`` error.
    ///
    /// This bounds recursion on hostile input; real scripts rarely nest beyond ten levels.
    public var maximumDepth: Int
    /// Whether the string arguments of `sh -c`, `bash -c`, `su -c` and the like, and here-documents
    /// fed to a shell, are parsed as scripts whose commands join ``ShellScript/commands``.
    public var parsesNestedScripts: Bool
    /// The shell options in effect when the script starts, such as those the Dockerfile's
    /// `SHELL` instruction passes (`["/bin/bash", "-o", "pipefail", "-c"]`).
    public var initialShellOptions: ShellOptionState

    /// Creates options; the defaults suit RUN instructions.
    public init(maximumDepth: Int = 200, parsesNestedScripts: Bool = true, initialShellOptions: ShellOptionState = ShellOptionState()) {
        self.maximumDepth = maximumDepth
        self.parsesNestedScripts = parsesNestedScripts
        self.initialShellOptions = initialShellOptions
    }
}
