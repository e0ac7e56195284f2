import Foundation
import HullCore
import HullDockerfile
import HullLint

/// An in-file suppression: `# hull ignore=…`, `# hadolint ignore=…` (and their `global`
/// forms) or BuildKit's `# check=skip=…` directive. Opt-in.
public struct InlineIgnorePragmaRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF082", name: "inline-ignore-pragma",
        summary: "The Dockerfile suppresses findings with an inline pragma.",
        rationale: """
        Suppressions written in the Dockerfile let anyone who can edit it switch a check off, one line or \
        the whole file at a time, without the review a change to the shared configuration gets. Teams that \
        enforce a central policy turn this rule on to see every such bypass: `# hull ignore=…`, \
        `# hadolint ignore=…`, their `global` forms, and BuildKit's `# check=skip=…` directive. hadolint's \
        DL1001 reports only `# hadolint ignore=`; Hull reports every spelling it honours, since each one \
        bypasses a check. The finding points at the comment. A pragma that names this rule (`# hull \
        ignore=inline-ignore-pragma`, or `DL1001`) is not reported, nor are the other pragmas in the same \
        block of comments above an instruction, so exceptions can be granted explicitly. Like hadolint's, \
        the rule is off unless selected (`extend-select: [DF082]`).
        """,
        category: .maintainability, defaultSeverity: .warning,
        aliases: [.hadolint("DL1001")],
        enabledByDefault: false,
        examples: [
            .passing("FROM debian:12\n# Install the runtime.\nRUN apt-get update\n"),
            .passing("FROM debian:12\n# hadolint ignore=DL1001\n# hadolint ignore=DL3008\nRUN apt-get install -y curl\n"),
            .failing("FROM debian:12\n⟦# hadolint ignore=DL3008,DL3015⟧\nRUN apt-get install -y curl\n"),
            .failing("FROM debian:12\n  ⟦# hull global ignore=DF041⟧\nRUN true\n↓# hull ignore=keyword-casing\nrun true\n"),
            .failing("⟦# check=skip=JSONArgsRecommended⟧\nFROM alpine:3.20\nCMD echo hi\n"),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        let syntax = input.dockerfile.syntax
        if let check = syntax.directive("check"), Self.skipList(check.value) != nil {
            sink.report(check.range, "`check=\(check.value)` turns BuildKit checks off in the file")
        }
        var block: [CommentSyntax] = []
        for segment in syntax.segments {
            switch segment.kind {
            case .comment(let index):
                block.append(syntax.comments[index])
            case .instruction:
                report(block, &sink)
                block = []
            default:
                continue
            }
        }
        report(block, &sink)
    }

    /// Reports the pragmas of one block of comments, unless one of them exempts this rule.
    private func report(_ block: [CommentSyntax], _ sink: inout DiagnosticSink) {
        let pragmas = block.compactMap { comment in MetadataPragmas.parse(comment.text).map { (comment, $0) } }
        guard !pragmas.isEmpty else { return }
        if pragmas.contains(where: { !$0.1.isGlobal && $0.1.identifiers.contains { Configuration.identifier($0, matches: Self.description) } }) { return }
        for (comment, pragma) in pragmas {
            let scope = pragma.isGlobal ? "for the whole file" : "for the next instruction"
            // hadolint allows a reason after the list (`ignore=DL3008 # pinned upstream`).
            let listed = pragma.identifiers.prefix { !$0.hasPrefix("#") }.joined(separator: ",")
            sink.report(comment.range, "`\(pragma.tool) \(pragma.isGlobal ? "global " : "")ignore=\(listed)` silences checks \(scope)")
        }
    }

    /// The names in `skip=` of a `check` directive, nil when it skips nothing.
    static func skipList(_ value: String) -> [String]? {
        for part in value.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == "skip" else { continue }
            let names = pair[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            return names.isEmpty ? nil : names
        }
        return nil
    }
}
