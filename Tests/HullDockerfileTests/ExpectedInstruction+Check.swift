import HullDockerfile
import HullTestSupport
import Testing

extension ExpectedInstruction {
    /// Compares a parsed instruction with a derived expectation, field by field.
    static func check(_ actual: InstructionSyntax, against wanted: ExpectedInstruction, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(actual.keyword == wanted.cmd, sourceLocation: sourceLocation)
        #expect(actual.flags.map(\.text) == wanted.flags, "flags of \(wanted.original)", sourceLocation: sourceLocation)
        #expect(actual.arguments.map(\.value) == wanted.args, "args of \(wanted.original)", sourceLocation: sourceLocation)
        #expect(actual.isJSON == wanted.json, "json of \(wanted.original)", sourceLocation: sourceLocation)
        #expect(actual.startLine == wanted.start_line && actual.endLine == wanted.end_line, "lines of \(wanted.original): \(actual.startLine)-\(actual.endLine)", sourceLocation: sourceLocation)
        #expect(actual.original == wanted.original, sourceLocation: sourceLocation)
        let heredocs = actual.heredocs.map { ExpectedInstruction.Heredoc(name: $0.name, fd: $0.fileDescriptor, expand: $0.expand, chomp: $0.chomp, content: $0.content) }
        #expect(heredocs == wanted.heredocs, "heredocs of \(wanted.original)", sourceLocation: sourceLocation)
        if let comments = wanted.prev_comment {
            #expect(actual.previousComments == comments, sourceLocation: sourceLocation)
        }
        #expect(actual.wrapped.count == (wanted.sub?.count ?? 0), sourceLocation: sourceLocation)
        if let inner = actual.onbuildInstruction, let expectedInner = wanted.sub?.first {
            check(inner, against: expectedInner, sourceLocation: sourceLocation)
        }
    }
}
