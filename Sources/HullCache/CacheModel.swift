import HullContext
import HullCore
import HullDockerfile

/// A model of BuildKit's layer cache for one Dockerfile and build context: for a change set,
/// which steps of which stages BuildKit reuses, which it runs again, and why.
///
/// Each step's cache key is modelled from what BuildKit puts in it: the key of the step before
/// (the stage's chain from FROM), the instruction after variable expansion, the environment,
/// user and working folder a RUN sees (ARG values included), the content of the context files a
/// COPY or ADD copies after the ignore file, the result of a stage copied or mounted from, and
/// the files a `RUN --mount=type=bind` binds. `Docs/cache-model.md` lists each behaviour with
/// the BuildKit behaviour it mirrors.
///
/// ```swift
/// let model = CacheModel(dockerfile: .parse(text), ignoreMatcher: matcher)
/// let prediction = model.predict(ChangeSet(paths: ["src/index.js"]))
/// prediction.step(line: 4)?.status   // .rebuilt
/// ```
public struct CacheModel: Sendable {
    /// The Dockerfile.
    public let dockerfile: Dockerfile
    /// The build options of the build whose cache is reused (build args, target).
    public let options: BuildOptions
    /// The ignore file's matcher; nil when the context has no ignore file.
    public let ignoreMatcher: IgnoreMatcher?
    /// The ignore file's name, for messages (`.dockerignore`).
    public let ignoreFileName: String

    /// Creates a model.
    public init(dockerfile: Dockerfile, options: BuildOptions = BuildOptions(), ignoreMatcher: IgnoreMatcher? = nil,
                ignoreFileName: String = ".dockerignore") {
        self.dockerfile = dockerfile
        self.options = options
        self.ignoreMatcher = ignoreMatcher
        self.ignoreFileName = ignoreFileName
    }

    /// The stage built: `options.target`, else the last stage; nil when the target names no stage.
    public var targetStage: Stage? { SemanticModel(dockerfile, options: options).targetStage }

    /// What happens on the next build after `changes`.
    public func predict(_ changes: ChangeSet) -> CachePrediction {
        var evaluation = CacheEvaluation(model: self, changes: changes)
        return evaluation.run()
    }

    /// For each group of inputs (each COPY/ADD's context sources, each bind mount of the
    /// context, each build argument), the first step a change to it invalidates.
    /// - Parameter contextFiles: the files the context sends (relative paths), to find the
    ///   files each group holds; nil to reason from the source patterns alone.
    public func impacts(contextFiles: [String]? = nil) -> [InputImpact] {
        CacheImpactAnalysis(model: self, contextFiles: contextFiles).run()
    }

    // MARK: - Shared helpers

    /// The instruction on one line: continuations joined, runs of blanks collapsed.
    static func oneLine(_ instruction: Instruction, escape: Character) -> String {
        var text = instruction.syntax.original
        text = text.replacingOccurrences(of: "\(escape)\r\n", with: " ").replacingOccurrences(of: "\(escape)\n", with: " ")
        var result = ""
        var blank = false
        for character in text {
            if character == " " || character == "\t" || character == "\n" || character == "\r" {
                if !blank && !result.isEmpty { result.append(" ") }
                blank = true
            } else {
                result.append(character)
                blank = false
            }
        }
        while result.hasSuffix(" ") { result.removeLast() }
        return result
    }

    /// Whether an instruction kind is a build step (it has a cache record) rather than metadata.
    static func isBuildStep(_ kind: InstructionKind) -> Bool {
        switch kind {
        case .from, .run, .copy, .add, .workdir: true
        default: false
        }
    }

    /// The ignore-file verdict for a changed path: the deciding pattern when it is excluded.
    func ignoreVerdict(for path: String) -> IgnoreMatcher.PathVerdict? {
        guard let ignoreMatcher, path != "." else { return nil }
        guard let verdict = try? ignoreMatcher.verdict(for: path), verdict.isExcluded else { return nil }
        return verdict
    }
}
