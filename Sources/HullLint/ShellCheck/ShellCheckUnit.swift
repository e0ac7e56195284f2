import HullShell

/// One Dockerfile's scripts, prepared for ShellCheck, with what is needed to report on them.
public struct ShellCheckUnit: Sendable {
    /// One script and where it sits.
    public struct Script: Sendable {
        /// The file ShellCheck reads.
        public var input: ShellCheckInput
        /// The script's map into the Dockerfile.
        public var source: ShellSource
        /// The index of the instruction that runs it.
        public var instruction: Int
    }

    /// The Dockerfile's path as reported.
    public var path: String
    /// Its in-file suppressions.
    public var suppressions: Suppressions
    /// Its scripts, in file order.
    public var scripts: [Script]
}
