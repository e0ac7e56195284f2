/// `ARG name[=default] …`.
public struct ArgInstruction: Sendable, Hashable {
    /// One declared argument.
    public struct Declaration: Sendable, Hashable {
        /// The name.
        public var name: Word
        /// The default value as written (quotes kept), when given.
        public var defaultValue: Word?
        /// The whole `name=value` word.
        public var word: Word
    }

    /// The declarations in order.
    public var declarations: [Declaration]
}
