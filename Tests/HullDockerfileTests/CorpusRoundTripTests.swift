import Foundation
import HullCore
import HullTestSupport
import Testing
@testable import HullDockerfile

@Suite("Corpus", .enabled(if: SharedData.isAvailable, Comment(rawValue: SharedData.missingMessage)))
struct CorpusRoundTripTests {
    @Test("every corpus Dockerfile prints back byte for byte, and segments tile the file")
    func roundTrip() throws {
        let entries = Corpus.dockerfiles
        #expect(entries.count > 2_500)
        var failures: [String] = []
        for entry in entries {
            let bytes = [UInt8](try Data(contentsOf: entry.url))
            let syntax = DockerfileParser.parse(SourceFile(path: entry.relativePath, bytes: bytes))
            if syntax.printed() != bytes { failures.append("round trip: \(entry.relativePath)") }
            var cursor = 0
            for segment in syntax.segments {
                if segment.range.start != cursor { failures.append("gap at \(cursor): \(entry.relativePath)"); break }
                cursor = segment.range.end
            }
            if cursor != bytes.count { failures.append("segments end at \(cursor) of \(bytes.count): \(entry.relativePath)") }
            for instruction in syntax.instructions {
                let keyword = syntax.source.text(instruction.keywordRange)
                if keyword != instruction.keyword { failures.append("keyword range \(instruction.startLine): \(entry.relativePath)") }
                for argument in instruction.arguments where !instruction.isJSON {
                    guard let range = argument.range else { continue }
                    // Ranges may span removed continuations; the first and last bytes still match.
                    let text = syntax.source.text(range)
                    if argument.value.first != text.first || (instruction.emptyContinuationLines.isEmpty && instruction.innerComments.isEmpty && !text.contains("\n") && argument.value != text) {
                        failures.append("argument range \(instruction.startLine) `\(argument.value.prefix(30))`: \(entry.relativePath)")
                        break
                    }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) failures, first: \(failures.prefix(10))")
    }
}
