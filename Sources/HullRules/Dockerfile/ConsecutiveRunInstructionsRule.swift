import HullCore
import HullDockerfile
import HullLint
import HullShell

/// A `RUN` that directly follows another `RUN` it could be merged with.
public struct ConsecutiveRunInstructionsRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF013", name: "consecutive-run-instructions",
        summary: "A `RUN` directly follows another `RUN` it could be merged with.",
        rationale: """
        Every `RUN` commits a layer. Files a later `RUN` deletes still sit in the earlier layer — \
        `RUN apt-get update`, then `RUN apt-get install`, then `RUN rm -rf /var/lib/apt/lists/*` ships \
        the package lists anyway — and a separate `apt-get update` layer goes stale in the cache while the \
        install after it changes. Chain steps that belong together with `&&` in one `RUN`, so cleanup \
        happens in the layer that made the mess. The second and later `RUN`s of a sequence are flagged, \
        whatever comments sit between them. Pairs that cannot simply merge are left alone: different \
        flags (`--mount`, `--network`, `--security`), exec form, or heredocs. Splitting on purpose is \
        also respected: when both `RUN`s already chain several commands, they are taken to be \
        deliberate layers (a stable dependency layer before a volatile one).
        """,
        category: .size, defaultSeverity: .info,
        aliases: [.hadolint("DL3059")],
        fixAvailability: .unsafe,
        fixNote: """
        The fix appends the second `RUN`'s script to the first with `&&`, keeping its line layout. It is \
        unsafe because the merged script shares state between the commands (a `cd`, an `export` or a \
        `set` in the first now affects the second) and because the two steps now share one cache entry: \
        a change to either re-runs both. It is offered only when nothing but blank space separates the \
        two, neither has comments inside, the first ends in a command (not `;`, `&` or `|`), and the \
        second is a plain `&&` chain, so a failure in the first still fails the build (`a && b || c` or \
        `a && b; c` would not).
        """,
        examples: [
            .passing("FROM debian:12-slim\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\n"),
            .passing("FROM node:20-alpine\nRUN --mount=type=cache,target=/root/.npm npm ci\nRUN npm run build\n"),
            .passing("FROM node:20-alpine\nRUN npm ci\nCOPY . .\nRUN npm run build\n"),
            .passing("FROM alpine:3.20\nRUN <<EOF\napk add --no-cache curl\nEOF\nRUN curl --version\n"),
            .passing("FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc\nRUN pip install --no-cache-dir -r requirements.txt && pip check\n"),
            .failing("FROM debian:12-slim\nRUN apt-get update\n⟦RUN⟧ apt-get install -y curl\n↓RUN rm -rf /var/lib/apt/lists/*\n"),
            .failing("FROM node:20-alpine\nRUN npm ci\n# build the bundle\n↓RUN npm run build\n"),
            .fix("FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install -y curl \\\n    git\nRUN rm -rf /var/lib/apt/lists/*\n",
                 to: "FROM debian:12-slim\nRUN apt-get update && \\\n    apt-get install -y curl \\\n    git && \\\n    rm -rf /var/lib/apt/lists/*\n",
                 .unsafe),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        var previous: Instruction?
        for instruction in input.instructions {
            defer { previous = instruction }
            guard let earlier = previous, earlier.stageIndex == instruction.stageIndex,
                  case .run(let first) = earlier.payload, case .run(let second) = instruction.payload,
                  case .shell(let firstText) = first.command, case .shell(let secondText) = second.command,
                  first.heredocs.isEmpty, second.heredocs.isEmpty,
                  earlier.syntax.flags.map(\.text) == instruction.syntax.flags.map(\.text) else { continue }
            let firstScript = input.scripts(at: earlier.index)?.scripts.first?.script
            let secondScript = input.scripts(at: instruction.index)?.scripts.first?.script
            if Self.commandCount(firstScript) > 1 && Self.commandCount(secondScript) > 1 { continue }
            sink.report(instruction.syntax.keywordRange, "`RUN` right after another `RUN` commits one more layer; chain the commands with `&&` in a single `RUN` when they belong together",
                        fix: mergeAdvice(earlier, firstText, firstScript, instruction, secondText, input))
        }
    }

    /// Folds the second `RUN` into the first, when only blank space separates them, the first
    /// script ends cleanly and the second is a plain `&&` chain.
    private func mergeAdvice(_ earlier: Instruction, _ firstText: ShellText, _ firstScript: ShellScript?, _ later: Instruction, _ secondText: ShellText,
                             _ input: AnalyzedDockerfile) -> Fix? {
        let between = TextRange(start: earlier.syntax.range.end, end: later.syntax.keywordRange.start)
        guard input.source.text(between).allSatisfy(\.isWhitespace), firstScript?.comments.isEmpty ?? false,
              earlier.syntax.innerComments.isEmpty, later.syntax.innerComments.isEmpty else { return nil }
        let trimmed = firstText.text.trimmingCharacters(in: .whitespaces)
        guard let last = trimmed.last, !";&|".contains(last), firstScript?.body.items.last?.isBackground == false else { return nil }
        // `a && (b || c)` and `a && b; c` would let a failing `a` pass; only a plain chain keeps its meaning.
        guard let secondScript = input.scripts(at: later.index)?.scripts.first?.script, secondScript.comments.isEmpty, secondScript.errors.isEmpty,
              firstScript?.errors.isEmpty == true,
              secondScript.body.items.count == 1,
              secondScript.body.items[0].andOr.elements.allSatisfy({ $0.connector != .or }) else { return nil }
        let newline = input.source.usesCRLF ? "\r\n" : "\n"
        let escape = input.dockerfile.syntax.escapeToken.character
        return Fix(title: "Merge into the previous `RUN`",
                   edits: [Edit(range: TextRange(start: earlier.syntax.range.end, end: secondText.range.start), replacement: " && \(escape)\(newline)    ")],
                   applicability: .unsafe)
    }

    /// The number of commands at the top level of a script (`a && b | c` has three).
    static func commandCount(_ script: ShellScript?) -> Int {
        guard let script else { return 0 }
        return script.body.items.reduce(0) { total, item in total + item.andOr.elements.reduce(0) { $0 + $1.pipeline.commands.count } }
    }
}
