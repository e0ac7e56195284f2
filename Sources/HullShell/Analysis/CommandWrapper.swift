import HullCore

/// A program that runs another command, skipped when resolving a command's effective name:
/// `sudo`, `env`, `nice`, `nohup`, `time`, `exec`, `command`, `xargs`, `timeout`, `stdbuf`,
/// `gosu`, `su-exec`, `chroot` and a few more, and `python -m` in front of `pip`.
public struct CommandWrapper: Sendable {
    /// The wrapper's name without its directory (`sudo` for `/usr/bin/sudo`; `python3` for
    /// `python3 -m pip`).
    public let name: String
    /// The wrapper's own words: its name, options and arguments (such as `-u root` or the
    /// duration of `timeout`).
    public let words: [ShellWord]
    /// The local range of those words.
    public let range: Range<Int>
    /// The file range of those words.
    public let fileRange: TextRange

    init(name: String, words: [ShellWord], source: ShellSource) {
        self.name = name
        self.words = words
        let range = (words.first?.range.lowerBound ?? 0)..<(words.last?.range.upperBound ?? 0)
        self.range = range
        self.fileRange = source.fileRange(range)
    }

    /// The wrapper's options and arguments as static strings; dynamic words are nil.
    public var arguments: [String?] { words.dropFirst().map(\.literal) }
}
