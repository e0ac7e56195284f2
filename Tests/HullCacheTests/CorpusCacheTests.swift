import Foundation
import HullCache
import HullDockerfile
import HullTestSupport
import Testing

@Suite("Cache model over the corpus", .enabled(if: SharedData.isAvailable, Comment(rawValue: SharedData.missingMessage)))
struct CorpusCacheTests {
    /// Within a built stage, once a step rebuilds every later build step rebuilds too (a
    /// `COPY --link` whose own sources are unchanged aside); skipped stages have only SKIPPED steps.
    static func checkChain(_ prediction: CachePrediction, _ path: String) -> [String] {
        var problems: [String] = []
        for stage in prediction.stages {
            guard stage.isBuilt else {
                if stage.steps.contains(where: { $0.status != .skipped }) { problems.append("\(path): stage \(stage.index) skipped with other statuses") }
                continue
            }
            var rebuilt = false
            for step in stage.steps where step.status != .metadata {
                if step.status == .rebuilt { rebuilt = true }
                if rebuilt, step.status == .cached, !step.notes.contains(where: { $0.kind == .linkedCopy }) {
                    problems.append("\(path): line \(step.line) cached after a miss")
                }
            }
            if rebuilt != (stage.firstMiss != nil) { problems.append("\(path): stage \(stage.index) firstMiss disagrees with its steps") }
        }
        return problems
    }

    @Test("every corpus Dockerfile: predictions for a whole-context change, a build arg and an edit keep the chain rule, and impacts are computed")
    func corpus() throws {
        var problems: [String] = []
        var checked = 0
        for entry in Corpus.dockerfiles {
            let text = String(decoding: try Data(contentsOf: entry.url), as: UTF8.self)
            let model = CacheModel(dockerfile: .parse(text, path: entry.relativePath))
            let whole = model.predict(ChangeSet(paths: ["."]))
            problems += Self.checkChain(whole, entry.relativePath)
            // A change to the whole context reaches every step that reads it.
            for stage in whole.stages where stage.isBuilt {
                if let step = stage.steps.first(where: { $0.keyword == "COPY" && $0.text.contains(" . ") && !$0.text.contains("--from") }),
                   step.status != .rebuilt {
                    problems.append("\(entry.relativePath): line \(step.line) `COPY . …` not rebuilt by a whole-context change")
                }
            }
            problems += Self.checkChain(model.predict(ChangeSet(buildArgs: ["VERSION": "2", "TARGETARCH": nil])), entry.relativePath)
            problems += Self.checkChain(model.predict(ChangeSet(previousDockerfile: text)), entry.relativePath)
            if model.predict(ChangeSet(previousDockerfile: text)).count(.rebuilt) != 0 {
                problems.append("\(entry.relativePath): the same Dockerfile as before rebuilds something")
            }
            _ = model.impacts(contextFiles: nil)
            checked += 1
        }
        #expect(checked > 0)
        #expect(problems.isEmpty, "\(problems.prefix(10).joined(separator: "\n"))")
    }
}
