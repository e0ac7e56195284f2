/// One issue of a GitLab Code Quality report (a subset of the Code Climate issue format).
struct CodeQualityIssue: Encodable {
    /// Always `issue`.
    var type = "issue"
    /// The message.
    var description: String
    /// The rule: `CODE name`.
    var checkName: String
    /// Code Climate categories, such as `Security` or `Style`.
    var categories: [String]
    /// Unique per issue and stable across runs.
    var fingerprint: String
    /// `info`, `minor`, `major`, `critical` or `blocker`.
    var severity: String
    /// The tool.
    var engineName: String
    /// Where the issue is.
    var location: Location

    private enum CodingKeys: String, CodingKey {
        case type, description, checkName = "check_name", categories, fingerprint, severity
        case engineName = "engine_name", location
    }

    /// A path and the lines, from 1.
    struct Location: Encodable {
        var path: String
        var lines: Lines
    }

    /// The first and last line.
    struct Lines: Encodable {
        var begin: Int
        var end: Int
    }
}
