import Foundation

/// The JSON form of a ``CacheReport`` (schema version 1, documented in `Docs/cache-output.md`).
public struct CacheJSONOutput: Sendable, Hashable, Codable {
    /// The version of this schema; it changes only when a field changes meaning or goes away.
    public static let schemaVersion = 1

    /// The tool that wrote the document.
    public struct Tool: Sendable, Hashable, Codable {
        public var name: String
        public var version: String
    }

    /// The change set.
    public struct Changes: Sendable, Hashable, Codable {
        public var paths: [String]
        public var buildArgs: [String: String?]
        public var since: String?
    }

    /// One stage.
    public struct Stage: Sendable, Hashable, Codable {
        public var index: Int
        public var name: String?
        public var built: Bool
        public var target: Bool
        public var firstMiss: StagePrediction.FirstMiss?
    }

    /// One instruction.
    public struct Step: Sendable, Hashable, Codable {
        public var stage: Int
        public var stageName: String?
        public var line: Int
        public var instruction: String
        public var text: String
        public var status: StepStatus
        public var reason: CacheReason?
        public var notes: [CacheReason]
    }

    /// Step counts by status, over every stage.
    public struct Summary: Sendable, Hashable, Codable {
        public var cached: Int
        public var rebuilt: Int
        public var skipped: Int
        public var metadata: Int
    }

    public var schemaVersion: Int
    public var tool: Tool
    /// `prediction` (a change set was given) or `impact` (none was).
    public var mode: String
    public var dockerfile: String
    public var context: String
    public var ignoreFile: String?
    public var changes: Changes?
    public var summary: Summary?
    public var stages: [Stage]
    public var steps: [Step]
    public var unusedChanges: [CachePrediction.UnusedChange]
    public var undeclaredBuildArgs: [String]
    public var impacts: [InputImpact]?
    /// Lint findings that explain a miss.
    public var hints: [CacheHint]

    /// The document for `report`.
    public init(_ report: CacheReport, toolName: String, toolVersion: String) {
        schemaVersion = Self.schemaVersion
        tool = Tool(name: toolName, version: toolVersion)
        mode = report.prediction == nil ? "impact" : "prediction"
        dockerfile = report.dockerfile
        context = report.context
        ignoreFile = report.ignoreFile
        let stagePredictions = report.prediction?.stages ?? report.stages
        stages = stagePredictions.map { Stage(index: $0.index, name: $0.name, built: $0.isBuilt, target: $0.isTarget, firstMiss: $0.firstMiss) }
        steps = stagePredictions.flatMap { stage in
            stage.steps.map { Step(stage: stage.index, stageName: stage.name, line: $0.line, instruction: $0.keyword, text: $0.text,
                                   status: $0.status, reason: $0.reason, notes: $0.notes) }
        }
        if let prediction = report.prediction {
            changes = Changes(paths: prediction.changes.paths, buildArgs: prediction.changes.buildArgs, since: report.since)
            summary = Summary(cached: prediction.count(.cached), rebuilt: prediction.count(.rebuilt),
                              skipped: prediction.count(.skipped), metadata: prediction.count(.metadata))
            unusedChanges = prediction.unusedChanges
            undeclaredBuildArgs = prediction.undeclaredBuildArgs
        } else {
            changes = nil
            summary = nil
            unusedChanges = []
            undeclaredBuildArgs = []
        }
        impacts = report.impacts
        hints = report.hints
    }

    /// The document as pretty-printed JSON with sorted keys, ending with a newline.
    public func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain structs of strings and numbers cannot fail.
        guard let data = try? encoder.encode(self) else { fatalError("CacheJSONOutput is not encodable") }
        return Array(data) + [UInt8(ascii: "\n")]
    }
}
