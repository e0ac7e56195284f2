import Foundation
import HullCore
import HullDockerfile

/// In-file suppressions: `# hull ignore=…` (next instruction), `# hull global ignore=…`,
/// hadolint's `# hadolint ignore=…` / `# hadolint global ignore=…`, and BuildKit's
/// `# check=skip=…` directive (with `skip=all`).
public struct Suppressions: Sendable {
    /// Identifiers suppressed for the whole file.
    public private(set) var global: [String] = []
    /// Identifiers suppressed per instruction index.
    public private(set) var perInstruction: [Int: [String]] = [:]
    /// Whether BuildKit's `check=skip=all` is set (only BuildKit checks are skipped).
    public private(set) var skipAllBuildKitChecks = false
    /// BuildKit check names skipped by the directive.
    public private(set) var skippedBuildKitChecks: [String] = []
    /// Whether `check=error=true` is set: BuildKit checks fail the build.
    public private(set) var buildKitChecksAreErrors = false

    /// Reads the suppressions of a parsed file.
    public init(_ syntax: DockerfileSyntax) {
        for comment in syntax.comments {
            if let ids = Self.pragma(comment.text, global: true) { global += ids }
        }
        for (index, instruction) in syntax.instructions.enumerated() {
            var ids: [String] = []
            for text in instruction.previousComments {
                if let found = Self.pragma(text, global: false) { ids += found }
                if let found = Self.pragma(text, global: true) { global += found }
            }
            if !ids.isEmpty { perInstruction[index] = ids }
        }
        if let check = syntax.directive("check") {
            for part in check.value.split(separator: ";") {
                let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard pair.count == 2 else { continue }
                switch pair[0].lowercased() {
                case "skip":
                    let names = pair[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                    if names.contains(where: { $0.lowercased() == "all" }) { skipAllBuildKitChecks = true }
                    skippedBuildKitChecks += names
                case "error":
                    buildKitChecksAreErrors = pair[1].lowercased() == "true"
                default:
                    break
                }
            }
        }
    }

    /// No suppressions (when configuration disables inline pragmas).
    public static let none = Suppressions()

    private init() {}

    /// Parses `hull ignore=A,B` / `hadolint ignore=A B` (comment text without `#`); nil when
    /// the comment is not such a pragma.
    public static func pragma(_ text: String, global: Bool) -> [String]? {
        // Most comments are prose: a pragma's first word starts with `h` or `H`.
        guard let lead = text.utf8.first(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }),
              lead | 0x20 == UInt8(ascii: "h") else { return nil }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard let tool = words.first?.lowercased(), tool == "hull" || tool == "hadolint" else { return nil }
        var rest = words.dropFirst()
        if global {
            guard rest.first?.lowercased() == "global" else { return nil }
            rest = rest.dropFirst()
        } else if rest.first?.lowercased() == "global" {
            return nil
        }
        guard let first = rest.first, first.lowercased().hasPrefix("ignore=") else { return nil }
        let list = ([String(first.dropFirst("ignore=".count))] + rest.dropFirst().map(String.init)).joined(separator: ",")
        return list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Whether `diagnostic`, a finding of `rule` in instruction `index` (nil for file-level
    /// findings), is suppressed. A pragma naming one of several peer IDs of the rule silences
    /// only the findings that correspond to that ID.
    public func suppresses(_ diagnostic: Diagnostic, of rule: RuleDescription, instruction index: Int?) -> Bool {
        func silences(_ id: String) -> Bool {
            Configuration.identifier(id, matches: rule) && (!Configuration.isPartialAlias(id, of: rule) || Configuration.finding(diagnostic, hasPeerID: id))
        }
        if global.contains(where: silences) { return true }
        if let index, let ids = perInstruction[index], ids.contains(where: silences) { return true }
        let buildKitNames = rule.aliases.filter { $0.tool == "buildkit" }.map(\.id)
        if !buildKitNames.isEmpty {
            if skipAllBuildKitChecks { return true }
            if skippedBuildKitChecks.contains(where: { skipped in buildKitNames.contains { $0.lowercased() == skipped.lowercased() } }) { return true }
        }
        return false
    }
}
