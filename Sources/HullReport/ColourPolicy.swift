/// Decides whether terminal output should be coloured, following the common conventions.
///
/// In order: an explicit `--colour always|never` wins; a non-empty `NO_COLOR` turns colour
/// off (no-color.org); a non-empty `FORCE_COLOR` (other than `0` or `false`) or a non-empty
/// `CLICOLOR_FORCE` (other than `0`) turns it on; `TERM=dumb` turns it off; otherwise colour is
/// used when the output is a terminal.
public enum ColourPolicy: String, CaseIterable, Sendable, Codable {
    /// Colour when the conventions above say so.
    case auto
    /// Always colour.
    case always
    /// Never colour.
    case never

    /// Whether to colour output, given whether it goes to a terminal and the environment.
    public func resolve(isTerminal: Bool, environment: [String: String]) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto: break
        }
        if let value = environment["NO_COLOR"], !value.isEmpty { return false }
        if let value = environment["FORCE_COLOR"], !value.isEmpty, !["0", "false"].contains(value.lowercased()) { return true }
        if let value = environment["CLICOLOR_FORCE"], !value.isEmpty, value != "0" { return true }
        if environment["TERM"] == "dumb" { return false }
        return isTerminal
    }
}
