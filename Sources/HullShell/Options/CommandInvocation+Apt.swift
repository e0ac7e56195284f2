extension CommandInvocation {
    /// The `-o Key=Value` / `--option Key=Value` settings of an apt tool, keyed by lower-cased
    /// configuration name (apt compares names without regard to case).
    public var aptConfiguration: [String: String] {
        var result: [String: String] = [:]
        for option in options(named: "-o") {
            guard let value = option.value, let equals = value.firstIndex(of: "=") else { continue }
            result[value[..<equals].lowercased()] = String(value[value.index(after: equals)...])
        }
        return result
    }

    /// The quiet level apt runs at: one per `-q`, or the number given with `-q=N`; also the
    /// `quiet` configuration item when set with `-o quiet=N`.
    public var aptQuietLevel: Int {
        let level = count(of: "-q")
        if level == 0, let configured = aptConfiguration["quiet"].flatMap({ Int($0) }) { return configured }
        return level
    }

    /// Whether an apt tool will answer its prompts by itself.
    ///
    /// True for `-y`, `--yes`, `--assume-yes`, `-o APT::Get::Assume-Yes=true`, and for quiet
    /// level 2 or more (`-qq`, `-q=2`): apt-get(8) documents that "quiet level 2 implies -y".
    /// `--force-yes` is not counted: it does not answer the confirmation prompt.
    public var aptAssumesYes: Bool {
        if has(option: "-y") { return true }
        if let value = aptConfiguration["apt::get::assume-yes"]?.lowercased(), ["1", "true", "yes", "on", "enable"].contains(value) { return true }
        return aptQuietLevel >= 2
    }
}
