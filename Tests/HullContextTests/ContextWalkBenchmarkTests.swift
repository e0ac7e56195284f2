import Foundation
import Testing
@testable import HullContext

/// Timing of a large walk; runs only when `HULL_BENCHMARK_TREE` names a prepared tree (it is a
/// measurement, not a check). Run in release: `swift test -c release --filter ContextWalkBenchmark`.
@Suite("Context walk benchmark")
struct ContextWalkBenchmarkTests {
    static let tree = ProcessInfo.processInfo.environment["HULL_BENCHMARK_TREE"]

    @Test("walk a large tree with and without its ignore file", .enabled(if: tree != nil))
    func benchmark() async throws {
        let root = try #require(Self.tree)
        let ignore = (try? IgnoreFile.read(at: "\(root)/.dockerignore"))?.patterns ?? []
        let matcher = try IgnoreMatcher(patterns: ignore)
        let clock = ContinuousClock()
        let configurations: [(String, IgnoreMatcher?, ContextWalker.Options)] = [
            ("no ignore file", nil, .init()),
            ("ignore file, pruned", matcher, .init(measureExcluded: false)),
            ("ignore file, measuring excluded", matcher, .init(measureExcluded: true)),
        ]
        for (name, matcher, options) in configurations {
            var best = Duration.seconds(1000)
            var walk: ContextWalk?
            for _ in 0..<5 {
                let start = clock.now
                walk = try await ContextWalker(matcher: matcher, options: options).walk(root: root)
                best = min(best, clock.now - start)
            }
            let sent = walk!.sent
            print("benchmark: \(name): best of 5 \(best) — sent \(sent.entries) entries, \(sent.bytes) bytes; all \(walk!.all?.entries ?? -1)")
        }
    }
}
