/// A command's place in a pipeline.
public struct PipelinePosition: Sendable, Hashable {
    /// The 0-based index of the element holding the command.
    public let index: Int
    /// The number of commands in the pipeline.
    public let count: Int
    /// The operator after the element (`|` or `|&`), or nil for the last.
    public let followingOperator: ShellPipeline.PipeOperator?

    /// Creates a position.
    public init(index: Int, count: Int, followingOperator: ShellPipeline.PipeOperator?) {
        self.index = index
        self.count = count
        self.followingOperator = followingOperator
    }

    /// Whether the element is the first of the pipeline.
    public var isFirst: Bool { index == 0 }
    /// Whether the element is the last of the pipeline.
    public var isLast: Bool { index == count - 1 }
}
