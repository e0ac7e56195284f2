/// The instruction a keyword names, matched case-insensitively as BuildKit does.
public enum InstructionKind: String, Sendable, Codable, CaseIterable, Hashable {
    case add, arg, cmd, copy, entrypoint, env, expose, from, healthcheck, label, maintainer
    case onbuild, run, shell, stopsignal, user, volume, workdir
    /// A keyword BuildKit's parser does not know; the build fails on it later.
    case unknown

    /// The kind named by `keyword`, ignoring case.
    public init(keyword: String) {
        self = InstructionKind(rawValue: keyword.lowercased()) ?? .unknown
    }

    /// The canonical upper-case keyword.
    public var keyword: String { rawValue.uppercased() }

    /// Whether BuildKit reads heredocs for this instruction (in shell form).
    public var acceptsHeredocs: Bool { self == .run || self == .copy || self == .add }
}
