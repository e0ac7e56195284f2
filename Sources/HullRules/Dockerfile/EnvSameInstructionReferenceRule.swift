import HullCore
import HullDockerfile
import HullLint

/// An `ENV` value refers to a variable set earlier in the same `ENV` instruction.
public struct EnvSameInstructionReferenceRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF037", name: "env-same-instruction-reference",
        summary: "An `ENV` value uses a variable that the same `ENV` instruction sets.",
        rationale: """
        All the values of one `ENV` instruction are expanded with the variables as they were before the \
        instruction. In `ENV APP=/opt/app PATH=$APP/bin:$PATH`, `$APP` is still unset (or holds its old \
        value), so `PATH` gets `/bin:…`, which is rarely what was meant. A variable that refers to its own \
        old value (`ENV PATH=/opt/bin:$PATH`) is fine, and so is a reference to a variable the \
        instruction passes through unchanged (`ENV LANGUAGE=${LANGUAGE} LANG=${LANGUAGE}`), since its \
        old and new values are the same. Unlike hadolint, a variable that an earlier ARG or ENV also set \
        is still flagged: the reference sees that earlier value, not the new one. The fix splits the instruction before the pair that \
        uses the variable, so that it sees the new value; it is unsafe because that changes the value the \
        build sets, which is the point but should be reviewed.
        """,
        category: .correctness, defaultSeverity: .error,
        aliases: [.hadolint("DL3044")],
        fixAvailability: .unsafe,
        fixNote: "Splitting the instruction changes the value the later variable receives (to the one that was probably meant) and adds an image history entry.",
        examples: [
            .passing("FROM alpine:3.20\nENV APP=/opt/app\nENV PATH=$APP/bin:$PATH\n"),
            .passing("FROM alpine:3.20\nENV PATH=/opt/bin:$PATH LANG=C.UTF-8\n"),
            .passing("FROM alpine:3.20\nARG LANGUAGE=en_US\nENV LANGUAGE=${LANGUAGE} LANG=${LANGUAGE}.UTF-8\n"),
            .failing("FROM alpine:3.20\nARG VERSION=1.0\nENV VERSION=2.0 URL=https://example.com/v⟦${VERSION}⟧\n"),
            .failing("FROM alpine:3.20\nENV APP=/opt/app PATH=⟦$APP⟧/bin:$PATH\n"),
            .failing("FROM alpine:3.20\nENV A=1 \\\n    B=\"↓${A}0\" \\\n    C='$A' D=↓${B:-x}\n"),
            .fix("FROM alpine:3.20\nENV APP=/opt/app PATH=$APP/bin:$PATH\n", to: "FROM alpine:3.20\nENV APP=/opt/app\nENV PATH=$APP/bin:$PATH\n", .unsafe),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        let escape = input.dockerfile.syntax.escapeToken
        for instruction in input.instructions {
            guard case .env(let env) = instruction.payload, env.pairs.count > 1 else { continue }
            var setHere: Set<String> = []
            var previous: KeyValueInstruction.Pair?
            for pair in env.pairs {
                var reported: Set<String> = []
                var fix: Fix?
                for reference in StructureVariables.references(in: pair.value.range, of: input.source, escape: escape)
                where setHere.contains(reference.name) && reference.name != pair.key.text && reported.insert(reference.name).inserted {
                    if fix == nil, let previous {
                        let gap = TextRange(start: previous.value.range.end, end: pair.key.range.start)
                        if !instruction.syntax.innerComments.contains(where: { gap.contains($0) }) {
                            let indentation = Self.indentation(of: instruction, in: input.source)
                            fix = Fix(title: "Split the `\(instruction.syntax.keyword)` before `\(pair.key.text)`",
                                      edits: [Edit(range: gap, replacement: (input.source.usesCRLF ? "\r\n" : "\n") + indentation + instruction.syntax.keyword + " ")], applicability: .unsafe)
                        }
                    }
                    sink.report(reference.range, "`\(reference.name)` is set by this same `\(instruction.syntax.keyword)`, so `\(reference.name)` here is its value from before",
                                notes: ["Set `\(reference.name)` in an earlier ENV to use its new value."], fix: fix)
                    fix = nil
                }
                // `NAME=${NAME}` keeps the value it had, so later references see the same value either way.
                let value = String(pair.value.text.drop { $0 == "\"" || $0 == "'" }.reversed().drop { $0 == "\"" || $0 == "'" }.reversed())
                if value != "$\(pair.key.text)" && value != "${\(pair.key.text)}" { setHere.insert(pair.key.text) }
                previous = pair
            }
        }
    }

    /// The spaces or tabs before the keyword on its line.
    static func indentation(of instruction: Instruction, in source: SourceFile) -> String {
        var start = instruction.syntax.keywordRange.start
        while start > 0, source.bytes[start - 1] == 0x20 || source.bytes[start - 1] == 0x09 { start -= 1 }
        return String(decoding: source.bytes[start..<instruction.syntax.keywordRange.start], as: UTF8.self)
    }
}
