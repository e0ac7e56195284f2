/// Why HullContext could not do its job.
///
/// A `.dockerignore` pattern BuildKit rejects is thrown as ``invalidPattern(pattern:line:problem:foundWhenEvaluated:)``
/// because BuildKit fails the whole build on it; ``BuildContext`` turns it into a finding.
public enum HullContextError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A pattern BuildKit rejects: the pattern after cleaning (with its `!`), its 1-based line in
    /// the ignore file when known, what is wrong, and whether it surfaced only when the pattern
    /// was first evaluated (BuildKit compiles patterns lazily) rather than when the matcher was built.
    case invalidPattern(pattern: String, line: Int?, problem: PatternProblem, foundWhenEvaluated: Bool)
    /// An ignore-file line longer than Go's `bufio.Scanner` accepts (64 KiB).
    case ignoreFileLineTooLong(path: String?, line: Int, length: Int)
    /// The ignore file exists but could not be read.
    case unreadableIgnoreFile(path: String, reason: String)
    /// The context root is not a directory.
    case notADirectory(path: String)
    /// The context root could not be resolved or read.
    case unreadableRoot(path: String, reason: String)

    public var description: String {
        switch self {
        case let .invalidPattern(pattern, line, problem, foundWhenEvaluated):
            let place = line.map { "line \($0): " } ?? ""
            let when = foundWhenEvaluated ? " (found when the pattern was first evaluated)" : ""
            return "\(place)invalid .dockerignore pattern `\(pattern)`: \(problem)\(when)"
        case let .ignoreFileLineTooLong(path, line, length):
            return "\(path ?? "ignore file"):\(line): line of \(length) bytes is longer than BuildKit reads (65535)"
        case let .unreadableIgnoreFile(path, reason):
            return "cannot read ignore file \(path): \(reason)"
        case let .notADirectory(path):
            return "build context \(path) is not a directory"
        case let .unreadableRoot(path, reason):
            return "cannot read build context \(path): \(reason)"
        }
    }
}
