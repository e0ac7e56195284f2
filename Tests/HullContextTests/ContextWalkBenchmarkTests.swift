import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
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
        var configurations: [(String, IgnoreMatcher?, ContextWalker.Options)] = []
        for lanes in 1...4 {
            configurations += [
                ("no ignore file, \(lanes) lane(s)", nil, .init(concurrency: lanes)),
                ("ignore file, pruned, \(lanes) lane(s)", matcher, .init(measureExcluded: false, concurrency: lanes)),
                ("ignore file, measuring excluded, \(lanes) lane(s)", matcher, .init(measureExcluded: true, concurrency: lanes)),
            ]
        }
        for (name, matcher, options) in configurations {
            var best = Duration.seconds(1000)
            var bestCPU = Double.infinity
            var walk: ContextWalk?
            for _ in 0..<15 {
                let start = clock.now
                let cpu = Self.processCPUTime()
                walk = try await ContextWalker(matcher: matcher, options: options).walk(root: root)
                best = min(best, clock.now - start)
                bestCPU = min(bestCPU, Self.processCPUTime() - cpu)
            }
            let sent = walk!.sent
            print("benchmark: \(name): best of 15 \(best) wall, \(String(format: "%.3f", bestCPU)) s CPU — sent \(sent.entries) entries, \(sent.bytes) bytes; all \(walk!.all?.entries ?? -1)")
        }
    }

    @Test("analyse a large tree end to end", .enabled(if: tree != nil))
    func analyze() async throws {
        let root = try #require(Self.tree)
        let clock = ContinuousClock()
        for (name, options) in [("full analysis", ContextAnalysisOptions()), ("lint profile", ContextAnalysisOptions.lint)] {
            var best = Duration.seconds(1000)
            var bestCPU = Double.infinity
            var analysis: ContextAnalysis?
            for _ in 0..<5 {
                let start = clock.now
                let cpu = Self.processCPUTime()
                analysis = try await BuildContext.analyze(root: root, options: options)
                best = min(best, clock.now - start)
                bestCPU = min(bestCPU, Self.processCPUTime() - cpu)
            }
            let secrets = analysis!.secrets!
            print("benchmark: \(name): best of 5 \(best) wall, \(String(format: "%.3f", bestCPU)) s CPU — sent \(analysis!.sent.files) files, read \(secrets.filesRead) files / \(secrets.bytesRead) bytes, \(secrets.findings.count) findings")
        }
    }

    /// CPU time of the whole process (user + system), which load from other processes does
    /// not inflate the way it inflates wall-clock time.
    static func processCPUTime() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
