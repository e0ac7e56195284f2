import ArgumentParser
import Foundation
import HullLint
import HullRules

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every rule: code, name, severity, category and peer IDs.",
        discussion: "Use `hull rule CODE` for one rule's rationale, examples and fix safety."
    )

    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
        let descriptions = BuiltinRules.descriptions
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            FileHandle.standardOutput.write(try encoder.encode(descriptions.map(\.metadata)))
            print()
            return
        }
        for description in descriptions {
            let aliases = description.aliases.map(\.id).joined(separator: " ")
            let flags = (description.enabledByDefault ? "" : " (opt-in)") + (description.stability == .preview ? " (preview)" : "") + (description.fixAvailability == .none ? "" : " [fix: \(description.fixAvailability.rawValue)]")
            print("\(description.code.rawValue)  \(description.name.padding(toLength: 34, withPad: " ", startingAt: 0)) \(description.defaultSeverity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(description.category.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0)) \(aliases)\(flags)")
        }
    }
}

struct RuleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rule",
        abstract: "Explain one rule: why it matters, examples, fix safety and peer IDs."
    )

    @Argument(help: "A code (DF001), name (maintainer-instruction) or peer ID (DL4000).")
    var identifier: String

    func run() throws {
        // A peer ID may name a Dockerfile rule and an image rule at once (Dockle's CIS-DI-0001 is
        // both DF005 and IM001): explain each.
        let matches = BuiltinRules.descriptions.filter { $0.matches(identifier) }
        guard !matches.isEmpty else {
            throw fail("no rule named `\(identifier)`; `hull rules` lists them all")
        }
        for (index, description) in matches.enumerated() {
            if index > 0 { print("\n" + String(repeating: "-", count: 72) + "\n") }
            explain(description)
        }
    }

    private func explain(_ description: RuleDescription) {
        print("\(description.code.rawValue) \(description.name)")
        print(description.summary)
        print()
        print("Severity: \(description.defaultSeverity.rawValue)    Category: \(description.category.rawValue)\(description.enabledByDefault ? "" : "    Opt-in")\(description.stability == .preview ? "    Preview" : "")")
        if !description.aliases.isEmpty {
            print("Also known as: " + description.aliases.map { "\($0.id) (\($0.tool))" }.joined(separator: ", "))
        }
        print()
        print(description.rationale)
        if description.fixAvailability != .none {
            print()
            print("Fix: \(description.fixAvailability.rawValue)" + (description.fixNote.map { " — \($0)" } ?? ""))
        }
        for example in description.examples {
            let text = example.text.replacingOccurrences(of: "↓", with: "").replacingOccurrences(of: "⟦", with: "").replacingOccurrences(of: "⟧", with: "")
            print()
            switch example.kind {
            case .passing: print("Accepted:")
            case .failing: print("Flagged:")
            case .fix(_, let applicability): print("Fixed (\(applicability.rawValue)):")
            }
            print(text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n"))
            if case .fix(let after, _) = example.kind {
                print("  becomes:")
                print(after.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n"))
            }
        }
        for example in description.imageExamples {
            print()
            switch example.kind {
            case .passing: print("Accepted:")
            case .failing(let expected): print("Flagged (" + expected.map(\.description).joined(separator: ", ") + "):")
            }
            print(example.image.listing.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n"))
        }
    }
}
