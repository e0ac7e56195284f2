import Testing
@testable import HullCore

@Suite("Line index")
struct LineIndexTests {
    @Test("columns count UTF-8 bytes and UTF-16 units separately, skipping the BOM")
    func columns() {
        let file = SourceFile(path: "x", bytes: [0xEF, 0xBB, 0xBF] + Array("é😀a\nb".utf8))
        let a = file.location(of: 3 + 2 + 4)
        #expect(a.line == 1)
        #expect(a.utf8Column == 7)
        #expect(a.utf16Column == 4)
        let b = file.location(of: file.bytes.count - 1)
        #expect(b.line == 2 && b.utf8Column == 1 && b.utf16Column == 1)
        #expect(file.lines.offset(line: 2, utf8Column: 1) == file.bytes.count - 1)
    }

    @Test("a lone CR does not end a line; CRLF content ranges exclude the terminator")
    func lineEndings() {
        let file = SourceFile(path: "x", text: "a\rb\r\nc")
        #expect(file.lines.lineCount == 2)
        #expect(file.text(file.lines.contentRange(ofLine: 0)) == "a\rb")
        #expect(file.text(file.lines.contentRange(ofLine: 1)) == "c")
    }
}

@Suite("Fix applier")
struct FixApplierTests {
    @Test("applies non-overlapping fixes and skips a conflicting one")
    func overlap() {
        let bytes = Array("MAINTAINER me\nRUN apt install x\n".utf8)
        let first = Fix(title: "a", edits: [Edit(range: TextRange(start: 0, end: 10), replacement: "LABEL")], applicability: .safe)
        let clash = Fix(title: "b", edits: [Edit(range: TextRange(start: 5, end: 8), replacement: "?")], applicability: .safe)
        let second = Fix(title: "c", edits: [Edit(range: TextRange(start: 18, end: 21), replacement: "apt-get")], applicability: .safe)
        let result = FixApplier.apply([second, clash, first], to: bytes)
        #expect(String(decoding: result.bytes, as: UTF8.self) == "LABEL me\nRUN apt-get install x\n")
        #expect(result.applied.map(\.title) == ["a", "c"])
        #expect(result.skipped.map(\.title) == ["b"])
    }
}

@Suite("Fix applier line endings")
struct FixApplierLineEndingTests {
    @Test("line breaks in replacements follow a CRLF file; LF files are unchanged")
    func crlf() {
        let fix = Fix(title: "split", edits: [Edit(range: TextRange(start: 6, end: 7), replacement: "\nRUN b\n")], applicability: .safe)
        let crlf = FixApplier.apply([fix], to: Array("RUN a\r\n\r\n".utf8))
        #expect(String(decoding: crlf.bytes, as: UTF8.self) == "RUN a\r\r\nRUN b\r\n\r\n")
        let lf = FixApplier.apply([Fix(title: "x", edits: [Edit(range: TextRange(start: 5, end: 6), replacement: "\nRUN b\n")], applicability: .safe)], to: Array("RUN a\n".utf8))
        #expect(String(decoding: lf.bytes, as: UTF8.self) == "RUN a\nRUN b\n")
    }
}
