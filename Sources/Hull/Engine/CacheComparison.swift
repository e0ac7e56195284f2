import HullCache
import HullDockerfile

/// `hull cache`'s prediction set against what an engine did on the same build, step by step.
///
/// BuildKit reports each build step (FROM an image, RUN, COPY, ADD, WORKDIR) as a vertex named
/// `[stage i/n] INSTRUCTION`; the vertex is matched to the instruction by stage and position and
/// checked by keyword. A step predicted `CACHED` must be `CACHED`, one predicted `REBUILT` must
/// run, and a stage predicted `SKIPPED` must not appear. FROM an image is resolved on every
/// build and reported `DONE` or `CACHED` for the same unchanged image, so it is matched but not
/// compared. podman and buildah
/// count every instruction; their metadata steps are matched and not compared.
public struct CacheComparison: Sendable, Hashable, Codable {
    /// One instruction: the prediction and the engine's report.
    public struct Row: Sendable, Hashable, Codable {
        /// The stage's label (`deps`, `stage 0`).
        public var stage: String
        /// The instruction's line.
        public var line: Int
        /// Its keyword.
        public var keyword: String
        /// Hull's prediction.
        public var predicted: StepStatus
        /// What the engine reported; nil when it did not report the step.
        public var engine: EngineStep.Status?
        /// The engine's seconds for the step, when given.
        public var seconds: Double?
        /// Whether the row is compared (false for FROM an image and for metadata).
        public var compared: Bool
        /// Whether prediction and engine agree (always true when not compared).
        public var agrees: Bool
        /// The prediction is REBUILT only because a stage this step copies or mounts from
        /// rebuilds (or it follows such a step): BuildKit compares the copied files' content and
        /// reuses the step when they come out identical. Such a step found CACHED is this case,
        /// not a disagreement.
        public var conditional: Bool
        /// The stage whose identical step BuildKit reported for this one: identical steps on
        /// identical inputs are one vertex, shown once under the first stage's label.
        public var sharedWith: String?
        /// podman and buildah: the image (ID) they reused for an earlier step of this stage (or
        /// of the stage it is built on) although the builds being compared did not make it — an
        /// older identical image, which they prefer. This step, predicted CACHED, ran because that
        /// image has no cached next step; such a row counts as agreeing (Docs/lab-output.md).
        public var olderImage: String?
    }

    /// Every instruction of every stage, in file order (metadata instructions only where the
    /// engine reports them).
    public var rows: [Row]
    /// Engine steps that match no instruction (a counting difference), as messages.
    public var unmatched: [String]

    /// The rows where the prediction and the engine disagree.
    public var disagreements: [Row] { rows.filter { !$0.agrees } }
    /// The rows predicted REBUILT on condition that copied files change, which the engine reused.
    public var identicalContent: [Row] { rows.filter { $0.conditional && $0.predicted == .rebuilt && $0.engine == .cached } }
    /// Whether every compared step agrees and every engine step was matched.
    public var agrees: Bool { disagreements.isEmpty && unmatched.isEmpty }

    /// Compares a prediction's stages (made for `dockerfile` with `options`) with the steps the
    /// engine `kind` reported.
    /// - Parameter madeImages: for podman and buildah, the IDs (or ID prefixes) of the images the
    ///   builds being compared committed; a step they reused from any other image marks the
    ///   reruns after it (``Row/olderImage``). Nil to compare without that.
    public init(stages: [StagePrediction], dockerfile: Dockerfile, options: BuildOptions = BuildOptions(),
                steps: [EngineStep], engine kind: EngineKind, madeImages: [String]? = nil) {
        let semantic = SemanticModel(dockerfile, options: options)
        let single = dockerfile.stages.count == 1
        // podman and buildah leave the stage prefix out when a single stage is built (`--target`).
        let builtStages = stages.filter(\.isBuilt).map(\.index)
        let onlyBuilt = builtStages.count == 1 ? builtStages.first : nil
        var remaining = steps
        // Per instruction: the engine step, and the key of its chain (for BuildKit's shared vertices).
        var reported: [Int: EngineStep] = [:]
        var chainKeys: [Int: [String]] = [:]
        var chainOwner: [[String]: (instruction: Int, stage: String)] = [:]
        for stagePrediction in stages {
            let stage = dockerfile.stages[stagePrediction.index]
            let counted: [Instruction] = dockerfile.instructions(in: stage).filter { instruction in
                if kind != .docker { return true }
                if instruction.kind == .from {
                    switch semantic.bases[stage.index] {
                    case .image, .unresolved: return true
                    case .stage, .scratch: return false
                    }
                }
                return CacheModelSteps.isBuildStep(instruction.kind)
            }
            let alone = single || (kind != .docker && onlyBuilt == stage.index)
            let ownSteps = remaining.filter { Self.belongs($0, to: stage, single: alone, kind: kind) }
            remaining.removeAll { Self.belongs($0, to: stage, single: alone, kind: kind) }
            for step in ownSteps {
                guard step.position >= 1, step.position <= counted.count, step.total == counted.count,
                      counted[step.position - 1].kind.keyword == step.keyword else {
                    remaining.append(step)
                    continue
                }
                reported[counted[step.position - 1].index] = step
            }
            var key: [String]
            switch semantic.bases[stage.index] {
            case .image(let text, _), .unresolved(let text): key = ["image \(text)"]
            case .stage(let parent): key = ["stage \(parent)"]
            case .scratch: key = ["scratch"]
            }
            for predicted in stagePrediction.steps where predicted.keyword != "FROM" && !Self.configOnly.contains(predicted.keyword) {
                key.append(predicted.text)
                chainKeys[predicted.instruction] = key
                if reported[predicted.instruction] != nil, chainOwner[key] == nil {
                    chainOwner[key] = (predicted.instruction, stagePrediction.label)
                }
            }
            if let from = stagePrediction.steps.first, reported[from.instruction] != nil {
                chainOwner[[key[0]]] = chainOwner[[key[0]]] ?? (from.instruction, stagePrediction.label)
            }
            if let from = stagePrediction.steps.first { chainKeys[from.instruction] = [key[0]] }
        }

        var rows: [Row] = []
        let made = (madeImages ?? []).filter { !$0.isEmpty }
        func isMade(_ id: String) -> Bool { made.contains { id.hasPrefix($0) || $0.hasPrefix(id) } }
        // Per stage: the image from outside `madeImages` the engine went on from, if any.
        var olderImages: [Int: String] = [:]
        for stagePrediction in stages {
            var conditional = false
            var older: String?
            if case .stage(let parent) = semantic.bases[stagePrediction.index] { older = olderImages[parent] }
            for predicted in stagePrediction.steps {
                var step = reported[predicted.instruction]
                var sharedWith: String?
                if step == nil, stagePrediction.isBuilt, let key = chainKeys[predicted.instruction], let owner = chainOwner[key],
                   owner.instruction != predicted.instruction {
                    step = reported[owner.instruction]
                    sharedWith = owner.stage
                }
                switch predicted.reason?.kind {
                case .copyFromStageRebuilt?, .mountFromStageRebuilt?: conditional = true
                case .previousStepRebuilt?: break
                default: if predicted.status != .metadata { conditional = false }
                }
                var row = Row(stage: stagePrediction.label, line: predicted.line, keyword: predicted.keyword, predicted: predicted.status,
                              engine: step?.status, seconds: step?.seconds, compared: true, agrees: true,
                              conditional: conditional && predicted.status == .rebuilt, sharedWith: sharedWith)
                switch predicted.status {
                case .metadata:
                    row.compared = false
                    if step == nil { continue }
                case .skipped:
                    row.agrees = step == nil
                case .cached, .rebuilt:
                    if predicted.keyword == "FROM" {
                        // An image source is resolved on every build: DONE or CACHED for the same image.
                        row.compared = false
                        row.agrees = kind != .docker || step != nil || {
                            if case .image = semantic.bases[stagePrediction.index] { return false }
                            return true
                        }()
                    } else if row.conditional && step?.status == .cached {
                        row.agrees = true
                    } else {
                        row.agrees = step?.status == (predicted.status == .cached ? .cached : .ran)
                    }
                    if !row.agrees, let older, predicted.status == .cached, step?.status == .ran {
                        row.olderImage = older
                        row.agrees = true
                    }
                }
                if madeImages != nil, older == nil, let reused = step?.reusedImage, !isMade(reused) { older = String(reused.prefix(12)) }
                rows.append(row)
            }
            olderImages[stagePrediction.index] = older
        }
        self.rows = rows
        unmatched = remaining.map { step in
            "\(step.stage.map { "[\($0) " } ?? "[")\(step.position)/\(step.total)] \(step.text) (\(step.status.rawValue))"
        }
    }

    /// Instructions that only set the image configuration: they change no step's key.
    static let configOnly: Set<String> = ["LABEL", "EXPOSE", "CMD", "ENTRYPOINT", "HEALTHCHECK", "STOPSIGNAL", "VOLUME", "ONBUILD", "MAINTAINER"]

    /// Whether an engine step belongs to `stage`.
    static func belongs(_ step: EngineStep, to stage: Stage, single: Bool, kind: EngineKind) -> Bool {
        if kind != .docker {
            // podman and buildah number stages from 1 and leave single-stage lines unprefixed.
            return step.stage.map { Int($0) == stage.index + 1 } ?? single
        }
        guard let label = step.stage else { return single }
        return label == (stage.name?.lowercased() ?? "stage-\(stage.index)")
    }
}

/// The cache model's notion of a build step, shared with the comparison.
enum CacheModelSteps {
    static func isBuildStep(_ kind: InstructionKind) -> Bool {
        switch kind {
        case .from, .run, .copy, .add, .workdir: true
        default: false
        }
    }
}
