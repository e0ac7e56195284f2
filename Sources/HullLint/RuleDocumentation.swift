import Foundation
/// Renders a rule's documentation page (Markdown) from its description, so docs never drift.
public enum RuleDocumentation {
    /// The page for one rule.
    public static func page(for rule: RuleDescription) -> String {
        var lines: [String] = []
        lines.append("# \(rule.code.rawValue) `\(rule.name)`")
        lines.append("")
        lines.append(rule.summary)
        lines.append("")
        lines.append("| | |")
        lines.append("|---|---|")
        lines.append("| Severity | \(rule.defaultSeverity.rawValue) |")
        lines.append("| Category | \(rule.category.rawValue) |")
        lines.append("| Enabled | \(rule.enabledByDefault ? (rule.stability == .preview ? "with `preview: true`" : "by default") : "opt-in (`extend-select: [\(rule.code.rawValue)]`)") |")
        lines.append("| Fix | \(fixText(rule)) |")
        if !rule.aliases.isEmpty {
            lines.append("| Also known as | \(rule.aliases.map { "\($0.tool) `\($0.id)`" }.joined(separator: ", ")) |")
        }
        lines.append("")
        lines.append("## Why")
        lines.append("")
        lines.append(rule.rationale)
        if let note = rule.fixNote {
            lines.append("")
            lines.append("## About the fix")
            lines.append("")
            lines.append(note)
        }
        lines.append("")
        lines.append("## Examples")
        for example in rule.examples {
            let text = example.text.replacingOccurrences(of: "↓", with: "").replacingOccurrences(of: "⟦", with: "").replacingOccurrences(of: "⟧", with: "")
            lines.append("")
            switch example.kind {
            case .passing: lines.append("Accepted:")
            case .failing: lines.append("Flagged:")
            case .fix(_, let applicability): lines.append("Fixed (\(applicability.rawValue) fix), before:")
            }
            lines.append("")
            lines.append("```dockerfile")
            lines.append(text.hasSuffix("\n") ? String(text.dropLast()) : text)
            lines.append("```")
            if case .fix(let after, _) = example.kind {
                lines.append("")
                lines.append("after:")
                lines.append("")
                lines.append("```dockerfile")
                lines.append(after.hasSuffix("\n") ? String(after.dropLast()) : after)
                lines.append("```")
            }
            if !example.files.isEmpty {
                lines.append("")
                lines.append("(with \(example.files.map { "`\($0)`" }.joined(separator: ", ")) in the build context)")
            }
            if let ignore = example.ignore {
                lines.append("")
                lines.append("and this `.dockerignore`:")
                lines.append("")
                lines.append("```")
                lines.append(ignore.hasSuffix("\n") ? String(ignore.dropLast()) : ignore)
                lines.append("```")
            }
            if !example.options.isEmpty {
                lines.append("")
                lines.append("(with options " + example.options.sorted { $0.key < $1.key }.map { "`\($0.key): \($0.value)`" }.joined(separator: ", ") + ")")
            }
        }
        for example in rule.imageExamples {
            lines.append("")
            switch example.kind {
            case .passing: lines.append("Accepted:")
            case .failing(let expected): lines.append("Flagged (" + expected.map { $0 == .image ? "the image" : "`\($0)`" }.joined(separator: ", ") + "):")
            }
            lines.append("")
            lines.append("```text")
            lines.append(example.image.listing)
            lines.append("```")
        }
        lines.append("")
        if rule.code.rawValue.hasPrefix("IM") {
            lines.append("Images carry no pragmas: turn it off with `ignore: [\(rule.code.rawValue)]` in `.hull.yaml` or `hull image --ignore \(rule.code.rawValue)`.")
            return lines.joined(separator: "\n") + "\n"
        }
        lines.append("Silence it for one instruction with `# hull ignore=\(rule.code.rawValue)` on the line above, or for the file with `# hull global ignore=\(rule.code.rawValue)`.")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The index page listing every rule.
    public static func index(for rules: [RuleDescription]) -> String {
        var lines = ["# Rules", "", "Generated from the rule descriptions; `scripts/update-docs` rewrites these pages.", "",
                     "| code | name | severity | category | fix | also known as |", "|---|---|---|---|---|---|"]
        for rule in rules {
            lines.append("| [\(rule.code.rawValue)](\(rule.code.rawValue).md) | `\(rule.name)` | \(rule.defaultSeverity.rawValue) | \(rule.category.rawValue) | \(fixText(rule)) | \(rule.aliases.map(\.id).joined(separator: ", ")) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func fixText(_ rule: RuleDescription) -> String {
        switch rule.fixAvailability {
        case .none: "none"
        case .displayOnly: "advice only"
        case .unsafe: "unsafe (`--unsafe-fixes`)"
        case .safe: "safe"
        case .sometimes: "safe or unsafe, by case"
        }
    }
}
