/// What is wrong with a `.dockerignore` pattern that BuildKit rejects.
///
/// The glob-syntax problems (a bad class, a trailing backslash, a lone `!`) surface when the
/// matcher is built; the others come from compiling the pattern's regular expression, which
/// BuildKit does lazily, the first time the pattern is evaluated against a path.
public enum PatternProblem: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    /// A `!` with nothing after it (`illegal exclusion pattern: "!"`).
    case loneExclamationMark
    /// A `\` as the last character, escaping nothing.
    case trailingBackslash
    /// A `[` without its closing `]`.
    case unclosedCharacterClass
    /// A class with no characters, or a `]` right after `[` or `[^`.
    case emptyCharacterClass
    /// A `-` where a class character should be (`[-x]`, `[x-]`, `[a-b-c]`).
    case misplacedRangeDash
    /// A byte that is not UTF-8 inside a character class.
    case invalidUTF8InCharacterClass
    /// A class range whose end precedes its start, such as `l-O` in `[Local-Only]`.
    case invalidCharacterClassRange(String)
    /// A backslash escape Go's regular expressions reject, such as `\e` or `\m`.
    case invalidEscape(String)
    /// An unknown `[:name:]` or `\p{Name}` class.
    case unknownCharacterClassName(String)
    /// A repetition operator with nothing to repeat, or two in a row.
    case invalidRepetition(String)
    /// Unbalanced parentheses in the generated regular expression.
    case unbalancedParenthesis
    /// A regular expression construct Hull does not implement; patternmatcher cannot generate
    /// one (`(?` groups, nesting deeper than Go allows).
    case unsupported(String)

    public var description: String {
        switch self {
        case .loneExclamationMark: "`!` with no pattern after it (illegal exclusion pattern)"
        case .trailingBackslash: "a trailing `\\` escapes nothing"
        case .unclosedCharacterClass: "character class `[` is not closed"
        case .emptyCharacterClass: "character class is empty or starts with `]`"
        case .misplacedRangeDash: "`-` must sit between two class characters"
        case .invalidUTF8InCharacterClass: "invalid UTF-8 inside a character class"
        case .invalidCharacterClassRange(let range): "character class range `\(range)` is out of order"
        case .invalidEscape(let escape): "invalid escape `\(escape)` (Go regular expressions reject it)"
        case .unknownCharacterClassName(let name): "unknown character class `\(name)`"
        case .invalidRepetition(let text): "invalid repetition `\(text)`"
        case .unbalancedParenthesis: "unbalanced parentheses"
        case .unsupported(let feature): "unsupported regular expression feature: \(feature)"
        }
    }
}
