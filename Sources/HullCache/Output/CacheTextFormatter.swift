/// Renders a ``CacheReport`` as the table a person reads: per stage, each instruction with
/// CACHED, REBUILT, SKIPPED or METADATA, and the reason under the first miss.
public enum CacheTextFormatter {
    /// The widest instruction text shown before it is cut with `…`.
    static let textWidth = 48

    /// The report as text, ending with a newline; with `colour`, statuses are coloured with ANSI
    /// escapes (REBUILT red, CACHED green, SKIPPED and METADATA dim).
    public static func render(_ report: CacheReport, colour: Bool = false) -> String {
        if let prediction = report.prediction { return render(prediction, report, colour: colour) }
        return renderImpacts(report.impacts ?? [], report)
    }

    static func paint(_ status: StepStatus, colour: Bool) -> String {
        guard colour else { return status.rawValue }
        let code = switch status {
        case .rebuilt: "1;31"
        case .cached: "32"
        case .skipped, .metadata: "2"
        }
        return "\u{1B}[\(code)m\(status.rawValue)\u{1B}[0m"
    }

    static func cut(_ text: String, _ width: Int = textWidth) -> String {
        text.count <= width ? text : String(text.prefix(width - 1)) + "…"
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    static func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

    static func stageHeading(_ stage: StagePrediction) -> String {
        var heading = stage.name.map { "stage \(stage.index) `\($0)`" } ?? "stage \(stage.index)"
        if stage.isTarget { heading += " (target)" }
        if !stage.isBuilt { heading += " — SKIPPED: not needed for the target" }
        return heading
    }

    static func describeChanges(_ changes: ChangeSet, since: String?) -> String {
        var parts: [String] = []
        if !changes.paths.isEmpty {
            let shown = changes.paths.prefix(5).joined(separator: ", ")
            parts.append(changes.paths.count > 5 ? "\(shown) and \(changes.paths.count - 5) more" : shown)
        }
        for (name, value) in changes.buildArgs.sorted(by: { $0.key < $1.key }) {
            parts.append("--build-arg \(name)\(value.map { "=\($0)" } ?? "")")
        }
        let list = parts.isEmpty ? "nothing" : parts.joined(separator: ", ")
        return since.map { "changes since \($0): \(list)" } ?? "changed: \(list)"
    }

    static func render(_ prediction: CachePrediction, _ report: CacheReport, colour: Bool) -> String {
        var out = "\(report.dockerfile) — \(describeChanges(prediction.changes, since: report.since))\n"
        let width = min(textWidth, prediction.steps.map(\.text.count).max() ?? 10)
        let lineWidth = max(4, String(prediction.steps.map(\.line).max() ?? 0).count)
        for stage in prediction.stages {
            out += "\n\(stageHeading(stage))\n"
            for step in stage.steps {
                let number = String(step.line)
                out += "  " + String(repeating: " ", count: lineWidth - number.count) + number + "  " + pad(cut(step.text, width), width) + "  " + paint(step.status, colour: colour)
                if stage.firstMiss?.instruction == step.instruction { out += "  ← first miss" }
                out += "\n"
                let indent = "  " + String(repeating: " ", count: lineWidth) + "    "
                if let miss = stage.firstMiss, miss.instruction == step.instruction {
                    out += indent + miss.reason.message + "\n"
                    var drag: [String] = []
                    if miss.stepsAfter > 0 { drag.append("every step after it in this stage (\(plural(miss.stepsAfter, "step")))") }
                    if !miss.dependentStages.isEmpty {
                        drag.append("the stages that use this one: " + miss.dependentStages.map { "`\($0)`" }.joined(separator: ", "))
                    }
                    if !drag.isEmpty { out += indent + "drags along " + drag.joined(separator: ", and ") + "\n" }
                }
                for note in step.notes { out += indent + "note: " + note.message + "\n" }
            }
        }
        let built = prediction.stages.filter(\.isBuilt).flatMap(\.steps)
        let rebuilt = built.filter { $0.status == .rebuilt }.count
        let cached = built.filter { $0.status == .cached }.count
        if rebuilt == 0 {
            out += "\nNothing rebuilds: \(cached == 1 ? "the step stays" : "all \(cached) steps stay") cached"
        } else {
            out += "\n\(plural(rebuilt, "step")) rebuild\(rebuilt == 1 ? "s" : ""), \(cached) stay\(cached == 1 ? "s" : "") cached"
        }
        let skipped = prediction.stages.filter { !$0.isBuilt }.count
        if skipped > 0 { out += "; \(plural(skipped, "stage")) skipped" }
        out += ".\n"
        if !prediction.unusedChanges.isEmpty {
            out += "\nChanges that rebuild nothing:\n"
            for change in prediction.unusedChanges { out += "  \(change.path): \(change.reason)\n" }
        }
        out += renderHints(report.hints)
        if !prediction.undeclaredBuildArgs.isEmpty {
            out += "\nBuild args no ARG declares (BuildKit ignores them): " + prediction.undeclaredBuildArgs.map { "`\($0)`" }.joined(separator: ", ") + "\n"
        }
        return out
    }

    static func renderHints(_ hints: [CacheHint]) -> String {
        guard !hints.isEmpty else { return "" }
        return "\nWhy, and what to change:\n" + hints.map { "  line \($0.line): \($0.message) [\($0.code) \($0.name)]\n" }.joined()
    }

    static func renderImpacts(_ impacts: [InputImpact], _ report: CacheReport) -> String {
        var out = "\(report.dockerfile) — what a change to each input rebuilds first\n\n"
        guard !impacts.isEmpty else { return out + "No step reads the build context and no ARG is declared: only a new base image rebuilds.\n" }
        let rows: [(String, String, String)] = impacts.map { impact in
            let input: String
            switch impact.kind {
            case .buildArg: input = "build arg \(impact.sources.joined()) (line \(impact.line))"
            case .copySources, .mountSources:
                let files = impact.files.map { ", \(plural($0, "file"))" } ?? ""
                input = cut(impact.text, 36) + " (line \(impact.line)\(files))"
            }
            let first = impact.firstInvalidated.map { "line \($0.line)  " + cut($0.text, 36) } ?? "nothing"
            return (input, first, impact.firstInvalidated == nil ? "—" : plural(impact.rebuiltSteps, "step"))
        }
        let first = max(5, rows.map(\.0.count).max() ?? 0), second = max(22, rows.map(\.1.count).max() ?? 0)
        out += "  " + pad("input", first) + "  " + pad("first step invalidated", second) + "  rebuilds\n"
        for row in rows { out += "  " + pad(row.0, first) + "  " + pad(row.1, second) + "  " + row.2 + "\n" }
        return out + renderHints(report.hints)
    }
}
