import HullCore

/// `case word in pattern [| pattern]…) list ;; … esac`.
public struct CaseClause: Sendable {
    /// One arm of a `case`.
    public struct Item: Sendable {
        /// How an arm ends.
        public enum Terminator: String, Sendable, Hashable {
            /// `;;`: stop.
            case `break` = ";;"
            /// `;&`: fall through into the next arm's body.
            case fallThrough = ";&"
            /// `;;&`: go on testing the next patterns.
            case testNext = ";;&"
        }

        /// The patterns.
        public internal(set) var patterns: [ShellWord]
        /// The body.
        public internal(set) var body: ShellCommandList
        /// The terminator, or nil for the last arm when it is omitted.
        public let terminator: Terminator?
        /// The local range of the arm.
        public let range: Range<Int>
    }

    /// The word being matched.
    public internal(set) var subject: ShellWord?
    /// The arms in order.
    public internal(set) var items: [Item]
}
