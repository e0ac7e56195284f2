import HullCore
import HullDockerfile
import HullLint

/// A blank line inside an instruction continued with `\`.
public struct EmptyContinuationLineRule: DockerfileRule {
    public static let description = RuleDescription(
        code: "DF061", name: "empty-continuation-line",
        summary: "A continued instruction contains an empty line.",
        rationale: """
        BuildKit skips blank lines while it joins the lines of an instruction ended with the escape \
        character, so a blank line does not end the instruction: the next non-blank line is still part of \
        it. Docker has deprecated this and warns that such lines will become an error. The blank line \
        often hides a mistake: a `\\` left on the last line of a `RUN` pulls the following instruction into \
        the command. Hull reports each affected instruction once, at its first empty line, as BuildKit \
        does. The fix deletes the empty lines (whitespace-only lines included, comment lines kept), which \
        leaves the instruction BuildKit reads unchanged, so it is safe. That holds when the line after the \
        gap starts with an instruction keyword too: BuildKit already reads that line as part of the \
        continued instruction (`RUN apk add curl \\`, an empty line, then `COPY a b` is one `RUN` whose \
        command ends in `COPY a b`), with or without the gap. There the diagnostic says so and the fix \
        title names the line that stays in the instruction; ending the instruction before the gap, which is \
        usually what was meant, changes the build and is left to a person.
        """,
        category: .correctness, defaultSeverity: .warning,
        aliases: [.buildkit("NoEmptyContinuation")],
        fixAvailability: .safe,
        examples: [
            .passing("FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y --no-install-recommends curl\n\nRUN echo done\n"),
            .passing("FROM debian:12\nRUN apt-get update && \\\n    # the package list\n    apt-get install -y curl\n"),
            .passing("FROM debian:12\nRUN <<EOF\nset -e\n\necho done\nEOF\n"),
            .failing("FROM debian:12\nRUN apt-get update && \\\n↓\n    apt-get install -y curl\n"),
            .failing("FROM debian:12\nRUN a \\\n    # note\n⟦    ⟧\n\n    b\nENV A=1 \\\n↓\n    B=2\n"),
            .failing("FROM alpine:3.20\nRUN apk add --no-cache curl \\\n↓\nRUN echo done\n"),
            .fix("FROM debian:12\nRUN apt-get update && \\\n\n    apt-get install -y curl \\\n  \t\n\n    && echo ok\n",
                 to: "FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y curl \\\n    && echo ok\n"),
            .fix("FROM debian:12\nLABEL a=1 \\\n    # why b\n\n    b=2\n", to: "FROM debian:12\nLABEL a=1 \\\n    # why b\n    b=2\n"),
            .fix("FROM alpine:3.20\nRUN apk add --no-cache curl \\\n\nCOPY smb.conf /etc/samba/\nCMD [\"smbd\"]\n",
                 to: "FROM alpine:3.20\nRUN apk add --no-cache curl \\\nCOPY smb.conf /etc/samba/\nCMD [\"smbd\"]\n"),
        ])

    public init() {}

    public func check(_ input: AnalyzedDockerfile, _ sink: inout DiagnosticSink) {
        let syntax = input.dockerfile.syntax
        let bytes = input.source.bytes
        var instructionsByGap: [Int: InstructionSyntax] = [:]
        for instruction in syntax.instructions {
            if let first = instruction.emptyContinuationLines.first { instructionsByGap[first.start] = instruction }
        }
        for warning in syntax.warnings {
            guard let instruction = instructionsByGap[warning.range.start] else { continue }
            let lines = instruction.emptyContinuationLines.map { TextRange(start: $0.start, end: Self.lineEnd(after: $0.end, in: bytes)) }
            var notes: [String] = []
            if lines.count > 1 { notes.append("\(lines.count) empty lines are inside this instruction.") }
            var title = lines.count == 1 ? "Delete the empty line" : "Delete the empty lines"
            if let following = Self.instructionLikeLine(after: lines, of: instruction, in: bytes) {
                notes.append("The line after the gap, `\(following)`, is read as part of this `\(instruction.keyword)`; end the instruction before the gap if a new one was meant.")
                title += ", keeping `\(following)` in this `\(instruction.keyword)` as BuildKit reads it"
            }
            let fix = Fix(title: title, edits: Self.merged(lines).map { .delete($0) }, applicability: .safe)
            sink.report(warning.range, "empty continuation line in `\(instruction.keyword)`", notes: notes, fix: fix)
        }
    }

    /// The offset just past the line ending that follows `offset` (or `offset` at the end of the file).
    static func lineEnd(after offset: Int, in bytes: [UInt8]) -> Int {
        var index = offset
        while index < bytes.count, bytes[index] == 0x0D { index += 1 }
        if index < bytes.count, bytes[index] == 0x0A { return index + 1 }
        return offset
    }

    /// Adjacent ranges joined.
    static func merged(_ ranges: [TextRange]) -> [TextRange] {
        var result: [TextRange] = []
        for range in ranges.sorted() {
            if let last = result.last, last.end == range.start {
                result[result.count - 1] = TextRange(start: last.start, end: range.end)
            } else {
                result.append(range)
            }
        }
        return result
    }

    /// The text of the first line after the last empty line when it starts with an instruction
    /// keyword written like one (upper case, or the case of this instruction's keyword).
    static func instructionLikeLine(after lines: [TextRange], of instruction: InstructionSyntax, in bytes: [UInt8]) -> String? {
        guard let last = lines.last else { return nil }
        var start = last.end
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var contentEnd = end
            while contentEnd > start, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            var first = start
            while first < contentEnd, bytes[first] == 0x20 || bytes[first] == 0x09 { first += 1 }
            if first < contentEnd, bytes[first] != UInt8(ascii: "#") {
                var wordEnd = first
                while wordEnd < contentEnd, bytes[wordEnd] != 0x20, bytes[wordEnd] != 0x09 { wordEnd += 1 }
                let word = String(decoding: bytes[first..<wordEnd], as: UTF8.self)
                let sameCase = word == word.uppercased() || (instruction.keyword == instruction.keyword.lowercased() && word == word.lowercased())
                guard InstructionKind(keyword: word) != .unknown, sameCase, wordEnd < contentEnd else { return nil }
                return String(decoding: bytes[first..<contentEnd], as: UTF8.self)
            }
            start = end + 1
        }
        return nil
    }
}
