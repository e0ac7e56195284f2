/// For one group of inputs (a COPY's sources, a bind mount, a build argument), the first step a
/// change to it invalidates and how much rebuilds then.
public struct InputImpact: Sendable, Hashable, Codable {
    /// What the input is.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The context files a COPY or ADD copies.
        case copySources = "copy-sources"
        /// The context files a `RUN --mount=type=bind` binds.
        case mountSources = "mount-sources"
        /// A build argument declared in the Dockerfile.
        case buildArg = "build-arg"
    }

    /// The kind.
    public var kind: Kind
    /// The instruction that reads the input (for build arguments, the declaring ARG).
    public var line: Int
    /// That instruction on one line.
    public var text: String
    /// The sources as written after expansion, or the build argument's name.
    public var sources: [String]
    /// How many context files the group holds after the ignore file, when the context was listed.
    public var files: Int?
    /// The first step a change invalidates, nil when a change rebuilds nothing.
    public var firstInvalidated: StepPrediction?
    /// The stage of that step.
    public var stage: String?
    /// How many steps rebuild in all (every stage built) when one input of the group changes.
    public var rebuiltSteps: Int
    /// A representative change used for the prediction.
    public var example: String?
}
