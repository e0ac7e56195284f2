/// `EXPOSE port[/proto] …`.
public struct ExposeInstruction: Sendable, Hashable {
    /// The ports as written.
    public var ports: [Word]
}

/// `WORKDIR path`.
public struct WorkdirInstruction: Sendable, Hashable {
    /// The path; nil when missing.
    public var path: Word?
}

/// `USER user[:group]`.
public struct UserInstruction: Sendable, Hashable {
    /// The user spec as written; nil when missing.
    public var user: Word?

    /// The user part (before `:`).
    public var userName: String? { user.map { String($0.text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)[0]) } }
    /// The group part (after `:`), if any.
    public var group: String? {
        guard let text = user?.text, let colon = text.firstIndex(of: ":") else { return nil }
        return String(text[text.index(after: colon)...])
    }
}

/// `VOLUME path …` or `VOLUME ["path", …]`.
public struct VolumeInstruction: Sendable, Hashable {
    /// The paths.
    public var paths: [Word]
}

/// `SHELL ["executable", "parameters"]`.
public struct ShellInstruction: Sendable, Hashable {
    /// The shell command line; BuildKit requires the JSON form.
    public var arguments: [Word]
    /// Whether it was written in JSON form.
    public var isJSON: Bool
}

/// `STOPSIGNAL signal`.
public struct StopSignalInstruction: Sendable, Hashable {
    /// The signal as written.
    public var signal: Word?
}

/// `MAINTAINER name` (deprecated).
public struct MaintainerInstruction: Sendable, Hashable {
    /// The maintainer text.
    public var name: Word?
}

/// `HEALTHCHECK [options] CMD command` or `HEALTHCHECK NONE`.
public struct HealthcheckInstruction: Sendable, Hashable {
    /// Whether this disables the base image's health check.
    public var isNone: Bool
    /// The check command (`CMD …`).
    public var command: CommandForm?
    /// The type word (`CMD`, `NONE`, or something BuildKit rejects).
    public var typeWord: Word?
    /// `--interval`, `--timeout`, `--start-period`, `--start-interval`, `--retries` as written.
    public var options: [String: String]
}
