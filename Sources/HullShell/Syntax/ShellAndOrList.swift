import HullCore

/// Pipelines joined by `&&` and `||`: `apt-get update && apt-get install -y x || true`.
public struct ShellAndOrList: Sendable {
    /// One pipeline of the list and the operator before it.
    public struct Element: Sendable {
        /// The operator joining this pipeline to the previous one; nil for the first.
        public let connector: LogicalOperator?
        /// The local range of the connector, when present.
        public let connectorRange: Range<Int>?
        /// The pipeline.
        public internal(set) var pipeline: ShellPipeline
    }

    /// `&&` or `||`.
    public enum LogicalOperator: String, Sendable, Hashable {
        /// `&&`: run the next pipeline when this one succeeds.
        case and = "&&"
        /// `||`: run the next pipeline when this one fails.
        case or = "||"
    }

    /// The pipelines in order.
    public internal(set) var elements: [Element]
    /// The local range.
    public let range: Range<Int>
    /// The file range.
    public let fileRange: TextRange

    init(elements: [Element], range: Range<Int>, source: ShellSource) {
        self.elements = elements
        self.range = range
        self.fileRange = source.fileRange(range)
    }
}
