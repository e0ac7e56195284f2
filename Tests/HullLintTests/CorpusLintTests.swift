import Foundation
import HullCore
import HullDockerfile
import HullLint
import HullRules
import HullTestSupport
import Testing

@Suite("Corpus lint", .enabled(if: SharedData.isAvailable, Comment(rawValue: SharedData.missingMessage)))
struct CorpusLintTests {
    @Test("every rule runs over every corpus Dockerfile; findings point inside the file")
    func corpus() throws {
        var configuration = Configuration()
        configuration.select = ["ALL"]
        configuration.preview = true
        let linter = Linter(rules: BuiltinRules.all, configuration: configuration)
        var total = 0
        var problems: [String] = []
        for entry in Corpus.dockerfiles {
            let source = SourceFile(path: entry.relativePath, bytes: [UInt8](try Data(contentsOf: entry.url)))
            let diagnostics = linter.lint(AnalyzedDockerfile(Dockerfile.parse(source), configuration: configuration))
            total += diagnostics.count
            for diagnostic in diagnostics {
                guard let range = diagnostic.range, range.end <= source.bytes.count, range.start <= range.end else {
                    problems.append("\(entry.relativePath): \(diagnostic.code) has no valid range")
                    continue
                }
                if let fix = diagnostic.fix, fix.edits.contains(where: { $0.range.end > source.bytes.count }) {
                    problems.append("\(entry.relativePath): \(diagnostic.code) fix edits outside the file")
                }
            }
        }
        #expect(problems.isEmpty, "\(problems.prefix(10))")
        #expect(total > 0)
    }
}
