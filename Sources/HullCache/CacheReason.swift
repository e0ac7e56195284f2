/// Why a step misses the cache (or, for notes, what to keep in mind about it).
public struct CacheReason: Sendable, Hashable, Codable {
    /// The kind of reason.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A changed context file is among the files a COPY or ADD copies.
        case sourceChanged = "source-changed"
        /// A changed context file is among the files a `RUN --mount=type=bind` binds.
        case mountSourceChanged = "mount-source-changed"
        /// A changed build argument is in the environment a RUN sees.
        case buildArgChanged = "build-arg-changed"
        /// A variable in a RUN's environment (an ENV, or an ARG default) takes its value from a
        /// changed build argument.
        case variableChanged = "variable-changed"
        /// The USER a RUN runs as expands differently.
        case userChanged = "user-changed"
        /// The instruction itself was edited, added or moved since the previous build.
        case instructionEdited = "instruction-edited"
        /// An ENV, ARG, USER or SHELL above a RUN was edited, added or removed.
        case metadataEdited = "metadata-edited"
        /// The instruction's words expand differently after a build argument changed.
        case expansionChanged = "expansion-changed"
        /// The FROM image expands to a different reference.
        case baseImageChanged = "base-image-changed"
        /// The stage is built on another stage that rebuilt.
        case baseStageRebuilt = "base-stage-rebuilt"
        /// `COPY --from` a stage that rebuilt.
        case copyFromStageRebuilt = "copy-from-stage-rebuilt"
        /// `RUN --mount=…,from=` a stage that rebuilt.
        case mountFromStageRebuilt = "mount-from-stage-rebuilt"
        /// An earlier step of the stage rebuilt, and this step is keyed on its result.
        case previousStepRebuilt = "previous-step-rebuilt"
        /// The stage is not needed for the target.
        case notNeeded = "not-needed"
        /// A remote source is fetched again on every build and compared.
        case remoteSource = "remote-source"
        /// `COPY --link`: the copied layer does not depend on the steps before it.
        case linkedCopy = "linked-copy"
    }

    /// The kind.
    public var kind: Kind
    /// A sentence fragment that explains it, with paths and names in backticks.
    public var message: String
    /// The changed path, for source changes.
    public var path: String?
    /// The source (COPY source, mount source, URL) the path matched.
    public var source: String?
    /// The build argument or variable involved.
    public var variable: String?
    /// The stage involved (its name, or its index as text).
    public var stage: String?
    /// The line involved (the first miss a step follows, a declaration).
    public var line: Int?

    /// Creates a reason.
    public init(_ kind: Kind, _ message: String, path: String? = nil, source: String? = nil,
                variable: String? = nil, stage: String? = nil, line: Int? = nil) {
        self.kind = kind
        self.message = message
        self.path = path
        self.source = source
        self.variable = variable
        self.stage = stage
        self.line = line
    }
}
