/// `ENV` or `LABEL`: one or more key/value pairs.
public struct KeyValueInstruction: Sendable, Hashable {
    /// One pair.
    public struct Pair: Sendable, Hashable {
        /// The key as written.
        public var key: Word
        /// The value as written (quotes kept); for the legacy form, the rest of the line.
        public var value: Word
        /// Whether this pair used the legacy `KEY value` form rather than `KEY=value`.
        public var isLegacyForm: Bool
    }

    /// The pairs in order.
    public var pairs: [Pair]
}
