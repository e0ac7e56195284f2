/// Renders a ``Report`` in one output format.
///
/// Reporters are pure: the same report and options always give the same text, which is what
/// the snapshot tests pin down.
public protocol Reporter: Sendable {
    /// The name used with `--format`, such as `sarif`.
    var identifier: String { get }
    /// One line describing the format, for `--help` and format listings.
    var summary: String { get }
    /// Writes `report` to `output`.
    func write(_ report: Report, to output: inout some TextOutputStream)
}

extension Reporter {
    /// The whole rendering as a string.
    public func render(_ report: Report) -> String {
        var output = ""
        write(report, to: &output)
        return output
    }

    /// The whole rendering as UTF-8 bytes, ready for a file or a pipe.
    public func renderBytes(_ report: Report) -> [UInt8] {
        Array(render(report).utf8)
    }
}
