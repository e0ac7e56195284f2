import HullCore
import HullDockerfile
import HullLint

/// Arguments BuildKit rejects when it turns the parse into instructions.
public struct InvalidInstructionArgumentsRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF042", name: "invalid-instruction-arguments",
        summary: "An instruction's arguments are malformed, so BuildKit stops the build.",
        rationale: """
        BuildKit's parser accepts some lines that its next step rejects: a `FROM` with two words \
        or a misspelt `AS`, a stage name that starts with a digit, a `COPY` or `ADD` without a \
        destination. The build fails before any step runs, with a message that does not always \
        point at the word at fault. Hull reports BuildKit's message at the instruction.
        """,
        category: .correctness, defaultSeverity: .error,
        examples: [
            .passing("FROM alpine:3.20 AS build\nCOPY a.txt /a.txt\n"),
            .passing("FROM alpine:3.20\nCOPY <<EOF /etc/motd\nhello\nEOF\n"),
            .failing("↓FROM alpine:3.20 build\n"),
            .failing("FROM alpine:3.20 AS ↓1st\n"),
            .failing("FROM alpine:3.20\n↓COPY only-a-source\n"),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        for instruction in input.instructions {
            switch instruction.payload {
            case .from(let from):
                guard let problem = from.problem else { continue }
                let range = problem.hasPrefix("invalid name") ? (from.stageName?.range ?? instruction.syntax.keywordRange) : instruction.syntax.keywordRange
                sink.report(range, problem)
            case .copy(let copy), .add(let copy):
                if let problem = copy.problem { sink.report(instruction.syntax.keywordRange, problem) }
            default:
                continue
            }
        }
    }
}
