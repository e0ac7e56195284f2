/// Everything `hull cache` shows for one Dockerfile: the prediction for a change set, or the
/// impact of each input when there is none.
public struct CacheReport: Sendable, Hashable {
    /// The Dockerfile path as given.
    public var dockerfile: String
    /// The context folder as given.
    public var context: String
    /// The ignore file applied, when there is one (its path).
    public var ignoreFile: String?
    /// The git reference the change set was read from, with `--since`.
    public var since: String?
    /// The prediction, when there is a change set.
    public var prediction: CachePrediction?
    /// The impacts, when there is no change set.
    public var impacts: [InputImpact]?
    /// Every stage (the prediction for an empty change set, so statuses show SKIPPED stages).
    public var stages: [StagePrediction]
    /// Lint findings about the cache that explain a miss (the golden rule: manifests first).
    public var hints: [CacheHint] = []

    /// Creates a report.
    public init(dockerfile: String, context: String, ignoreFile: String?, since: String?,
                prediction: CachePrediction?, impacts: [InputImpact]?, stages: [StagePrediction]) {
        self.dockerfile = dockerfile
        self.context = context
        self.ignoreFile = ignoreFile
        self.since = since
        self.prediction = prediction
        self.impacts = impacts
        self.stages = stages
    }
}
