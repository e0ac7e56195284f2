/// How serious a finding is, from least to most.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable, CustomStringConvertible {
    /// Style advice.
    case style
    /// Worth knowing; not a defect.
    case info
    /// Likely a defect or a real cost.
    case warning
    /// Breaks the build, or a serious security problem.
    case error

    private var rank: Int {
        switch self {
        case .style: 0
        case .info: 1
        case .warning: 2
        case .error: 3
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    public var description: String { rawValue }
}
