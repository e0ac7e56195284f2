/// A lint finding shown with the prediction because it explains a miss (such as LC001: the
/// source is copied before the dependency install).
public struct CacheHint: Sendable, Hashable, Codable {
    /// The line the finding points at.
    public var line: Int
    /// The rule code (`LC001`).
    public var code: String
    /// The rule name.
    public var name: String
    /// The finding's message.
    public var message: String

    /// Creates a hint.
    public init(line: Int, code: String, name: String, message: String) {
        self.line = line
        self.code = code
        self.name = name
        self.message = message
    }
}
