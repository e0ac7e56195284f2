/// Why a reporting request could not be honoured.
public enum HullReportError: Error, Equatable, CustomStringConvertible {
    /// A `--format` value that names no reporter.
    case unknownFormat(String)

    public var description: String {
        switch self {
        case .unknownFormat(let name):
            "unknown report format '\(name)'; expected one of: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))"
        }
    }
}
