import HullTestSupport
import Testing
@testable import HullContext

@Suite("Ignore matcher conformance (vectors.tsv, vectors_errors.tsv)")
struct IgnoreMatcherConformanceTests {
    @Test("every vectors.tsv line matches BuildKit, evaluated walker-style",
          .enabled(if: SharedData.isAvailable), arguments: ConformanceData.vectors("vectors.tsv"))
    func vector(_ vector: ConformanceData.Vector) throws {
        let matcher = try IgnoreMatcher(ignoreFile: vector.ignoreFile)
        let verdict = try matcher.verdict(for: vector.path)
        #expect((verdict.isExcluded ? "excluded" : "included") == vector.expected)
    }

    @Test("every vectors_errors.tsv line fails the build",
          .enabled(if: SharedData.isAvailable), arguments: ConformanceData.vectors("vectors_errors.tsv"))
    func errorVector(_ vector: ConformanceData.Vector) {
        #expect(vector.expected == "error")
        #expect(throws: HullContextError.self) {
            let matcher = try IgnoreMatcher(ignoreFile: vector.ignoreFile)
            _ = try matcher.verdict(for: vector.path)
        }
    }

    @Test("the vector files hold 210 and 16 cases", .enabled(if: SharedData.isAvailable))
    func counts() {
        let vectors = ConformanceData.vectors("vectors.tsv")
        #expect(vectors.count == 210)
        #expect(vectors.filter { $0.expected == "excluded" }.count == 134)
        #expect(ConformanceData.vectors("vectors_errors.tsv").count == 16)
    }
}
