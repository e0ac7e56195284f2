import HullCore

/// The source lines under a diagnostic's header, with a gutter of line numbers and carets
/// under the exact range, as rustc and ruff draw them.
///
/// Carets are placed by display cells: tabs expand to the next multiple of
/// ``DisplayWidth/tabWidth`` both in the line and under it, wide characters take two cells and
/// control characters show as visible symbols. A range over several lines shows its first and
/// last line, with `...` when lines are left out between them.
struct CodeFrame {
    /// One rendered source line.
    struct Line {
        let number: Int
        let text: String
        let caretStart: Int
        let caretCount: Int
    }

    let lines: [Line]
    let omitsLines: Bool

    /// The gutter's width: the digits of the largest line number shown.
    var gutterWidth: Int { String(lines.map(\.number).max() ?? 1).count }

    init(_ resolved: ResolvedRange) {
        let source = resolved.source
        let startLine = resolved.start.line - 1
        var endLine = resolved.end.line - 1
        var end = resolved.range.end
        // A range that stops just after a line break ends, for display, on the line it breaks.
        if endLine > startLine, resolved.end.utf8Column == 1 {
            endLine -= 1
            end = source.lines.contentRange(ofLine: endLine).end
        }
        if startLine == endLine {
            let line = RenderedLine(source, line: startLine)
            let first = line.cell(at: resolved.range.start)
            let last = line.cell(at: Swift.max(end, resolved.range.start))
            lines = [Line(number: startLine + 1, text: line.text, caretStart: first, caretCount: Swift.max(1, last - first))]
            omitsLines = false
            return
        }
        let head = RenderedLine(source, line: startLine)
        let headStart = head.cell(at: resolved.range.start)
        let tail = RenderedLine(source, line: endLine)
        let tailEnd = tail.cell(at: end)
        let tailStart = tail.indentation < tailEnd ? tail.indentation : 0
        lines = [
            Line(number: startLine + 1, text: head.text, caretStart: headStart, caretCount: Swift.max(1, head.width - headStart)),
            Line(number: endLine + 1, text: tail.text, caretStart: tailStart, caretCount: Swift.max(1, tailEnd - tailStart)),
        ]
        omitsLines = endLine - startLine > 1
    }

    /// The frame as text lines, with the gutter.
    func render(style: ANSIStyle, caretStyle: (String) -> String) -> [String] {
        let width = gutterWidth
        let pad = String(repeating: " ", count: width)
        var output = [style.gutter(pad + " |")]
        for (index, line) in lines.enumerated() {
            if index > 0, omitsLines { output.append(style.gutter("...")) }
            let number = String(line.number)
            let label = String(repeating: " ", count: width - number.count) + number
            output.append(style.gutter(label + " |") + (line.text.isEmpty ? "" : " " + line.text))
            let carets = String(repeating: " ", count: line.caretStart) + caretStyle(String(repeating: "^", count: line.caretCount))
            output.append(style.gutter(pad + " |") + " " + carets)
        }
        return output
    }
}
