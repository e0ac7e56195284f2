import HullTestSupport
import Testing
@testable import HullContext

@Suite("Context walk conformance (context_walk.json)")
struct ContextWalkConformanceTests {
    static var cases: [ConformanceData.ContextWalk.Case] { ConformanceData.contextWalk()?.cases ?? [] }

    @Test("every context_walk.json case sends exactly BuildKit's list",
          .enabled(if: SharedData.isAvailable), arguments: cases)
    func walkCase(_ testCase: ConformanceData.ContextWalk.Case) async throws {
        let tree = try TemporaryTree()
        try tree.materialise(try #require(ConformanceData.contextWalk()).tree)
        try tree.file(".dockerignore", testCase.dockerignore)
        if testCase.expected.error == true {
            await #expect(throws: HullContextError.self) {
                let matcher = try IgnoreMatcher(ignoreFile: Array(testCase.dockerignore.utf8))
                _ = try await ContextWalker(matcher: matcher).walk(root: tree.root)
            }
            return
        }
        let matcher = try IgnoreMatcher(ignoreFile: Array(testCase.dockerignore.utf8))
        let expected = try #require(testCase.expected.sent).sorted()
        for measure in [true, false] {
            for concurrency in [1, 3] {
                let options = ContextWalker.Options(measureExcluded: measure, concurrency: concurrency)
                let walk = try await ContextWalker(matcher: matcher, options: options).walk(root: tree.root)
                #expect(walk.listing.sorted() == expected, "measureExcluded: \(measure), concurrency: \(concurrency)")
                #expect(walk.warnings.isEmpty)
            }
        }
    }

    @Test("the conformance file has 14 cases", .enabled(if: SharedData.isAvailable))
    func count() {
        #expect(Self.cases.count == 14)
    }
}
