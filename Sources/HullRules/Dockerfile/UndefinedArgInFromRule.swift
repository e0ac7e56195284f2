import HullCore
import HullDockerfile
import HullLint

/// `FROM` refers to a variable no global `ARG` declares.
public struct UndefinedArgInFromRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF023", name: "undefined-arg-in-from",
        summary: "`FROM` uses a variable that no `ARG` before the first `FROM` declares.",
        rationale: """
        `FROM` lines see only the ARGs declared before the first `FROM` and BuildKit's platform ARGs \
        (`TARGETPLATFORM`, `BUILDARCH`, …). Any other variable expands to the empty string, so \
        `FROM node:${NODE_VERSON}` quietly becomes `FROM node:` and fails, or worse, a tag-less `FROM` \
        pulls `latest`. Declare the ARG at the top of the file, or fix the spelling: the message suggests \
        the closest declared name. Both the image and the `--platform` value are checked.
        """,
        category: .correctness, defaultSeverity: .warning,
        aliases: [.buildkit("UndefinedArgInFrom")],
        examples: [
            .passing("ARG NODE_VERSION=20\nFROM node:${NODE_VERSION}-alpine\n"),
            .passing("ARG IMAGE\nFROM --platform=$BUILDPLATFORM ${IMAGE:-alpine:3.20}\n"),
            .failing("ARG NODE_VERSION=20\nFROM node:⟦${NODE_VERSON}⟧-alpine\n"),
            .failing("FROM alpine:3.20\nARG TAG=3.20\nFROM alpine:↓$TAG\n"),
            .failing("FROM --platform=↓$PLATFORM alpine:3.20\n"),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        let global = input.semantics.globalScope
        let escape = input.dockerfile.syntax.escapeToken
        for stage in input.stages {
            let instruction = input.instructions[stage.fromIndex]
            var words: [(text: String, range: TextRange)] = [(stage.from.image.text, stage.from.image.range)]
            if let flag = instruction.flags.flag("platform"), let value = flag.value { words.append((value, flag.range)) }
            for word in words {
                let expansion = input.expand(word.text, at: stage.fromIndex)
                for name in expansion.unmatched.sorted() where !global.isDeclared(name) {
                    let suggestion = StructureSuggestion.closest(to: name, among: global.declaredNames)
                    let range = StructureVariables.rangeOfReference(to: name, in: word.range, of: input.source, escape: escape)
                    var notes: [String] = []
                    if input.stages.contains(where: { stage in input.dockerfile.instructions(in: stage).contains { Self.declares($0, name) } }) {
                        notes.append("`\(name)` is declared inside a stage; FROM lines only see ARGs declared before the first FROM.")
                    }
                    sink.report(range, "`\(name)` is not declared by a global ARG\(StructureSuggestion.clause(suggestion))", notes: notes)
                }
            }
        }
    }

    static func declares(_ instruction: Instruction, _ name: String) -> Bool {
        guard case .arg(let arg) = instruction.payload else { return false }
        return arg.declarations.contains { $0.name.text == name }
    }
}
