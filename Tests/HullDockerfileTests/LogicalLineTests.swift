import Foundation
import HullCore
import HullTestSupport
import Testing
@testable import HullDockerfile

/// The logical line keeps its file offsets as runs, one per physical line; these tests pin the
/// mapping to what a per-byte table gives.
@Suite("Logical line")
struct LogicalLineTests {
    @Test("offsets given per byte come back unchanged, and single look-ups agree with them")
    func perByteOffsets() {
        let offsets = [4, 5, 6, 10, 11, 30, 2, 3]
        let line = LogicalLine(bytes: Array("abcdefgh".utf8), fileOffsets: offsets)
        #expect(line.fileOffsets == offsets)
        #expect(line.fileOffsets(in: 2..<6) == [6, 10, 11, 30])
        for (index, offset) in offsets.enumerated() {
            #expect(line.fileOffset(at: index) == offset)
            #expect(line.index(ofFileOffset: offset) == index)
        }
        #expect(line.index(ofFileOffset: 7) == nil)
        #expect(line.fileRange(1..<4) == TextRange(start: 5, end: 11))
        #expect(line.fileRange(3..<3) == .empty(at: 10))
        #expect(line.fileRange(8..<8) == .empty(at: 4))
        #expect(LogicalLine(bytes: [], fileOffsets: []).fileRange(0..<0) == .empty(at: 0))
    }

    @Test("lines with the same bytes and offsets are equal however they were built")
    func canonicalRuns() {
        let text = "RUN a \\\n  b \\\n\\\n# note\n  c\n"
        let syntax = DockerfileParser.parse(text)
        let line = syntax.instructions[0].line
        #expect(line.text == "RUN a   b   c")
        #expect(LogicalLine(bytes: line.bytes, fileOffsets: line.fileOffsets) == line)
        let bytes = Array(text.utf8)
        for index in line.bytes.indices { #expect(bytes[line.fileOffset(at: index)] == line.bytes[index]) }
        // The range spans the continuation, the line holding only the escape token and the comment.
        #expect(line.fileRange(6..<11) == TextRange(start: 8, end: 24))
    }

    @Test("every corpus instruction maps each byte of its line to the same byte of the file, in order",
          .enabled(if: SharedData.isAvailable, Comment(rawValue: SharedData.missingMessage)))
    func corpusMapping() throws {
        var failures: [String] = []
        for entry in Corpus.dockerfiles {
            let bytes = [UInt8](try Data(contentsOf: entry.url))
            let syntax = DockerfileParser.parse(SourceFile(path: entry.relativePath, bytes: bytes))
            for instruction in syntax.instructions {
                let line = instruction.line
                let offsets = line.fileOffsets
                var previous = -1
                for index in line.bytes.indices {
                    let offset = offsets[index]
                    if offset <= previous || bytes[offset] != line.bytes[index] || line.fileOffset(at: index) != offset
                        || line.index(ofFileOffset: offset) != index {
                        failures.append("\(entry.relativePath):\(instruction.startLine) byte \(index)")
                        break
                    }
                    previous = offset
                }
                if LogicalLine(bytes: line.bytes, fileOffsets: offsets) != line {
                    failures.append("\(entry.relativePath):\(instruction.startLine) runs not canonical")
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) failures, first: \(failures.prefix(10))")
    }
}
