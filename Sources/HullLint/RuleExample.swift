import HullCore

/// A runnable example of a rule.
///
/// In `failing` text, `↓` marks where each expected diagnostic starts; `⟦` and `⟧` around a
/// span mark its exact range instead. `files` lists build-context files (relative paths) the
/// example assumes, e.g. a lockfile; `ignore` is the `.dockerignore` text, if any.
public struct RuleExample: Sendable {
    /// What the example shows.
    public enum Kind: Sendable {
        /// The rule stays silent.
        case passing
        /// The rule reports exactly at the markers.
        case failing
        /// Applying the rule's fixes to `text` gives `after`.
        case fix(after: String, applicability: Applicability)
    }

    /// What the example shows.
    public var kind: Kind
    /// The Dockerfile.
    public var text: String
    /// Context files the example assumes.
    public var files: [String]
    /// The `.dockerignore`, if any.
    public var ignore: String?
    /// Rule options for this example.
    public var options: [String: ConfigValue]
    /// Whether keyword case is what the example is about, so the catalogue does not re-run it
    /// with every keyword lower-cased.
    public var keywordCaseMatters = false

    /// The same example, marked as depending on keyword case.
    public func keywordCaseSensitive() -> RuleExample {
        var copy = self
        copy.keywordCaseMatters = true
        return copy
    }

    /// A Dockerfile the rule accepts.
    public static func passing(_ text: String, files: [String] = [], ignore: String? = nil, options: [String: ConfigValue] = [:]) -> RuleExample {
        RuleExample(kind: .passing, text: text, files: files, ignore: ignore, options: options)
    }

    /// A Dockerfile the rule flags at each `↓` (or `⟦…⟧`).
    public static func failing(_ text: String, files: [String] = [], ignore: String? = nil, options: [String: ConfigValue] = [:]) -> RuleExample {
        RuleExample(kind: .failing, text: text, files: files, ignore: ignore, options: options)
    }

    /// A fix: `before` becomes `after`.
    public static func fix(_ before: String, to after: String, _ applicability: Applicability = .safe, files: [String] = [], ignore: String? = nil) -> RuleExample {
        RuleExample(kind: .fix(after: after, applicability: applicability), text: before, files: files, ignore: ignore, options: [:])
    }
}
