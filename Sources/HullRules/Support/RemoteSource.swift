/// `ADD` sources fetched from the network rather than read from the build context.
enum RemoteSource {
    /// Whether `source` (after expansion) is a URL or a git remote.
    static func isRemote(_ source: String) -> Bool {
        let lowered = source.lowercased()
        return ["http://", "https://", "git@", "git://", "ssh://"].contains { lowered.hasPrefix($0) }
    }
}
