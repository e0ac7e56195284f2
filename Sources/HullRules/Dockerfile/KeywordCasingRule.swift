import HullCore
import HullDockerfile
import HullLint

/// Instruction keywords in mixed case, in a case other than the file's majority, or an `AS`
/// whose case differs from its `FROM`.
public struct KeywordCasingRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF029", name: "keyword-casing",
        summary: "Instruction keywords are not consistently upper or lower case.",
        rationale: """
        Keywords are case-insensitive, so `Run`, `run` and `RUN` all work, but a file that mixes them is \
        harder to scan and to search. Like BuildKit, Hull takes the case most keywords in the file use \
        (upper case on a tie) and flags keywords written in the other case or in mixed case; it also flags \
        an `AS` in `FROM … AS name` whose case differs from its `FROM`. BuildKit splits this into \
        ConsistentInstructionCasing and FromAsCasing; Hull reports both under one rule and honours both \
        names in `# check=skip=`. The fix rewrites the keyword (and the `AS` of a rewritten `FROM`) in the \
        majority case, which changes nothing in the build.
        """,
        category: .style, defaultSeverity: .warning,
        aliases: [.buildkit("ConsistentInstructionCasing"), .buildkit("FromAsCasing")],
        fixAvailability: .safe,
        examples: [
            .passing("FROM alpine:3.20\nRUN echo hi\nONBUILD RUN true\n"),
            .passing("from alpine:3.20 as build\nrun echo hi\n"),
            .failing("from alpine:3.20 ⟦AS⟧ build\nrun echo hi\n"),
            .failing("from golang:1.23 ↓As build\nfrom alpine:3.20 ↓AS final\n"),
            .fix("FROM alpine:3.20 as build\nRUN echo hi\n", to: "FROM alpine:3.20 AS build\nRUN echo hi\n"),
            .fix("FROM alpine:3.20\nRun echo hi\nrun echo there\nCOPY a b\n", to: "FROM alpine:3.20\nRUN echo hi\nRUN echo there\nCOPY a b\n"),
            .fix("from alpine:3.20 as build\nrun echo hi\ncopy a b\nrun echo there\nFROM build AS final\nONBUILD RUN true\n",
                 to: "from alpine:3.20 as build\nrun echo hi\ncopy a b\nrun echo there\nfrom build as final\nonbuild run true\n"),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        var keywords: [InstructionSyntax] = []
        for instruction in input.dockerfile.syntax.instructions {
            keywords.append(instruction)
            keywords.append(contentsOf: instruction.wrapped)
        }
        var upper = 0, lower = 0
        for syntax in keywords {
            if syntax.keyword == syntax.keyword.uppercased() { upper += 1 } else if syntax.keyword == syntax.keyword.lowercased() { lower += 1 }
        }
        let majorityLower = lower > upper
        func inMajority(_ text: String) -> String { majorityLower ? text.lowercased() : text.uppercased() }
        let caseName = majorityLower ? "lower" : "upper"

        var asWords: [Int: Word] = [:]
        for instruction in input.instructions {
            if case .from(let from) = instruction.payload, let asWord = from.asKeyword { asWords[instruction.syntax.keywordRange.start] = asWord }
        }
        for syntax in keywords {
            let keyword = syntax.keyword
            let wanted = inMajority(keyword)
            let asWord = asWords[syntax.keywordRange.start]
            if keyword != wanted {
                var edits = [Edit(range: syntax.keywordRange, replacement: wanted)]
                if let asWord, asWord.text != inMajority(asWord.text) { edits.append(Edit(range: asWord.range, replacement: inMajority(asWord.text))) }
                let message = keyword == keyword.uppercased() || keyword == keyword.lowercased()
                    ? "`\(keyword)` does not match the \(caseName)-case keywords used in most of the file"
                    : "`\(keyword)` mixes upper and lower case"
                sink.report(syntax.keywordRange, message, fix: Fix(title: "Write `\(wanted)`", edits: edits, applicability: .safe))
            } else if let asWord {
                let asWanted = keyword == keyword.uppercased() ? asWord.text.uppercased() : asWord.text.lowercased()
                guard asWord.text != asWanted else { continue }
                sink.report(asWord.range, "`\(asWord.text)` does not match the case of `\(keyword)`",
                            fix: Fix(title: "Write `\(asWanted)`", edits: [Edit(range: asWord.range, replacement: asWanted)], applicability: .safe))
            }
        }
    }
}
