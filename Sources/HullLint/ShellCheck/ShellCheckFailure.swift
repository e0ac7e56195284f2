/// Why one ShellCheck process gave no result.
public struct ShellCheckFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, with the program's own words when it said any.
    public var message: String
    public var description: String { message }
}

