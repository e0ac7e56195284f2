import HullCore
import HullLint

/// What `hull fix` (or `hull lint --fix`) is asked to do.
public struct FixRequest: Sendable {
    /// What to do with the result.
    public enum Mode: Sendable {
        /// Write fixed files in place (standard output for `-`).
        case write
        /// Print a unified diff; write nothing.
        case diff
        /// Write nothing; report whether a fix would apply.
        case check
    }

    /// The lint part: paths, configuration, selection.
    public var lint: LintRequest
    /// Whether unsafe fixes apply too.
    public var unsafeFixes: Bool
    /// What to do with the result.
    public var mode: Mode

    /// Creates a request.
    public init(lint: LintRequest, unsafeFixes: Bool = false, mode: Mode = .write) {
        self.lint = lint
        self.unsafeFixes = unsafeFixes
        self.mode = mode
    }
}

/// The outcome of fixing one file.
public struct FileFixOutcome: Sendable {
    /// The file.
    public var path: String
    /// The bytes before.
    public var original: [UInt8]
    /// The bytes after (equal to `original` when nothing applied).
    public var fixed: [UInt8]
    /// How many fixes applied, per rule code.
    public var appliedByRule: [RuleCode: Int]
    /// Findings left, with why they were not fixed.
    public var remaining: [Diagnostic]
    /// Why the result was not written, if it was not.
    public var refusal: String?

    /// Whether anything changed.
    public var changed: Bool { original != fixed }
}
