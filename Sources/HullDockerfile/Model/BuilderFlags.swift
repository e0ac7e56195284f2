import HullCore

/// An instruction's flags checked against what BuildKit accepts for it.
public struct BuilderFlags: Sendable, Hashable {
    /// The flags as written.
    public var flags: [FlagSyntax]
    /// Flags BuildKit would reject (`unknown flag: …`), repeated single-value flags and
    /// malformed booleans, each with BuildKit's message.
    public var problems: [FlagProblem]

    private typealias AcceptedFlags = (names: Set<String>, repeatable: Set<String>, booleans: Set<String>)

    // Built once: set literals hash every name again on each use.
    private static let fromFlags: AcceptedFlags = (["platform"], [], [])
    private static let runFlags: AcceptedFlags = (["mount", "network", "security", "device"], ["mount", "device"], [])
    private static let copyFlags: AcceptedFlags = (["from", "chown", "chmod", "link", "parents", "exclude"], ["exclude"], ["link", "parents"])
    private static let addFlags: AcceptedFlags = (["chown", "chmod", "link", "keep-git-dir", "checksum", "exclude", "unpack"], ["exclude"], ["link", "keep-git-dir", "unpack"])
    private static let healthcheckFlags: AcceptedFlags = (["interval", "timeout", "start-period", "start-interval", "retries"], [], [])
    private static let noFlags: AcceptedFlags = ([], [], [])

    /// The flags each instruction accepts, which may repeat, and which are booleans.
    public static func accepted(for kind: InstructionKind) -> (names: Set<String>, repeatable: Set<String>, booleans: Set<String>) {
        switch kind {
        case .from: fromFlags
        case .run: runFlags
        case .copy: copyFlags
        case .add: addFlags
        case .healthcheck: healthcheckFlags
        default: noFlags
        }
    }

    /// Checks `flags` against what BuildKit accepts for `kind`.
    public init(_ flags: [FlagSyntax], kind: InstructionKind) {
        self.flags = flags
        let accepted = Self.accepted(for: kind)
        var seen: Set<String> = []
        var problems: [FlagProblem] = []
        for flag in flags {
            if !accepted.names.contains(flag.name) {
                problems.append(FlagProblem(flag: flag, message: "unknown flag: \(flag.name)"))
                continue
            }
            if seen.contains(flag.name), !accepted.repeatable.contains(flag.name) {
                problems.append(FlagProblem(flag: flag, message: "duplicate flag specified: \(flag.name)"))
            }
            seen.insert(flag.name)
            if accepted.booleans.contains(flag.name) {
                if let value = flag.value, !["true", "false", ""].contains(value.lowercased()) {
                    problems.append(FlagProblem(flag: flag, message: "expecting boolean value for flag \(flag.name), not: \(value)"))
                }
            } else if flag.value == nil {
                problems.append(FlagProblem(flag: flag, message: "missing a value on flag: \(flag.name)"))
            }
        }
        self.problems = problems
    }

    /// The last value given for `name` (BuildKit keeps the last), nil when absent.
    public func value(_ name: String) -> String? { flags.last { $0.name == name }?.value }
    /// Every value given for a repeatable flag.
    public func values(_ name: String) -> [String] { flags.filter { $0.name == name }.compactMap(\.value) }
    /// The flag itself.
    public func flag(_ name: String) -> FlagSyntax? { flags.last { $0.name == name } }
    /// A boolean flag: present without value or `=true`.
    public func isSet(_ name: String) -> Bool {
        guard let flag = flag(name) else { return false }
        guard let value = flag.value else { return true }
        return value.lowercased() == "true" || value.isEmpty
    }
}

/// A flag BuildKit rejects.
public struct FlagProblem: Sendable, Hashable {
    /// The flag.
    public var flag: FlagSyntax
    /// BuildKit's message.
    public var message: String
}
