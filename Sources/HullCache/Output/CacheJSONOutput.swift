import Foundation

/// The JSON form of a ``CacheReport`` (schema version 1, documented in `Docs/cache-output.md`).
public struct CacheJSONOutput: Sendable, Hashable, Codable {
    /// The version of this schema; it changes only when a field changes meaning or goes away.
    public static let schemaVersion = 1

    /// The tool that wrote the document.
    public struct Tool: Sendable, Hashable, Codable {
        /// `hull`.
        public var name: String
        /// Its version.
        public var version: String
    }

    /// The change set.
    public struct Changes: Sendable, Hashable, Codable {
        /// Changed paths, cleaned, relative to the context.
        public var paths: [String]
        /// Changed build args: the new value, or null when only the name was given.
        public var buildArgs: [String: String?]
        /// The git reference, with `--since`.
        public var since: String?
    }

    /// One stage.
    public struct Stage: Sendable, Hashable, Codable {
        /// The stage index, from 0.
        public var index: Int
        /// The stage name.
        public var name: String?
        /// False when the target does not need the stage (SKIPPED).
        public var built: Bool
        /// Whether it is the target.
        public var target: Bool
        /// The first miss, when a step rebuilds.
        public var firstMiss: StagePrediction.FirstMiss?
    }

    /// One instruction.
    public struct Step: Sendable, Hashable, Codable {
        /// The stage index.
        public var stage: Int
        /// The stage name.
        public var stageName: String?
        /// The first line, from 1.
        public var line: Int
        /// The keyword, upper case.
        public var instruction: String
        /// The instruction on one line.
        public var text: String
        /// What happens to it.
        public var status: StepStatus
        /// Why it rebuilds or is skipped.
        public var reason: CacheReason?
        /// Notes worth knowing even when cached.
        public var notes: [CacheReason]
    }

    /// Step counts by status, over every stage.
    public struct Summary: Sendable, Hashable, Codable {
        /// Steps reused.
        public var cached: Int
        /// Steps that run again.
        public var rebuilt: Int
        /// Instructions of stages not built.
        public var skipped: Int
        /// Instructions that are not build steps.
        public var metadata: Int
    }

    /// ``schemaVersion`` of this document.
    public var schemaVersion: Int
    /// The tool that wrote it.
    public var tool: Tool
    /// `prediction` (a change set was given) or `impact` (none was).
    public var mode: String
    /// The Dockerfile path.
    public var dockerfile: String
    /// The context folder as given.
    public var context: String
    /// The ignore file applied.
    public var ignoreFile: String?
    /// The change set (prediction mode).
    public var changes: Changes?
    /// Step counts (prediction mode).
    public var summary: Summary?
    /// Every stage.
    public var stages: [Stage]
    /// Every instruction of every stage, in file order.
    public var steps: [Step]
    /// Changed paths that rebuild nothing, and why.
    public var unusedChanges: [CachePrediction.UnusedChange]
    /// Changed build args no ARG declares.
    public var undeclaredBuildArgs: [String]
    /// Each input group's first invalidated step (impact mode).
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
