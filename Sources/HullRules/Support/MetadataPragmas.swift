import Foundation
import HullCore
import HullDockerfile
import HullLint

/// In-file suppression comments as the linter reads them (`# hull ignore=…`,
/// `# hadolint ignore=…` and their `global` forms), for rules that must look at them
/// themselves: the rule reporting pragmas, and rules whose peers report on a different
/// instruction than Hull does.
enum MetadataPragmas {
    /// A suppression comment.
    struct Pragma: Hashable {
        /// `hull` or `hadolint`, as written.
        var tool: String
        /// Whether it applies to the whole file.
        var isGlobal: Bool
        /// The identifiers listed.
        var identifiers: [String]
    }

    /// Parses comment text (without `#`) the way the linter does; nil when it is no pragma.
    static func parse(_ text: String) -> Pragma? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard let first = words.first else { return nil }
        let tool = first.lowercased()
        guard tool == "hull" || tool == "hadolint" else { return nil }
        var rest = words.dropFirst()
        let isGlobal = rest.first?.lowercased() == "global"
        if isGlobal { rest = rest.dropFirst() }
        guard let head = rest.first, head.lowercased().hasPrefix("ignore=") else { return nil }
        let list = ([String(head.dropFirst("ignore=".count))] + rest.dropFirst().map(String.init)).joined(separator: ",")
        let identifiers = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return Pragma(tool: String(first), isGlobal: isGlobal, identifiers: identifiers)
    }

    /// Whether the comments directly above `instruction` hold a next-instruction pragma that
    /// names `rule` (by code, name or peer alias).
    static func instruction(_ instruction: InstructionSyntax, ignores rule: RuleDescription) -> Bool {
        instruction.previousComments.contains { text in
            guard let pragma = parse(text), !pragma.isGlobal else { return false }
            return pragma.identifiers.contains { Configuration.identifier($0, matches: rule) }
        }
    }
}
