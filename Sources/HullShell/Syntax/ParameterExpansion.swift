/// A parameter expansion: `$NAME`, `$1`, `$@`, or the braced forms `${NAME}`, `${#NAME}`,
/// `${NAME:-default}`, `${NAME##pattern}`, `${NAME/a/b}`, `${array[0]}`, `${!prefix*}`.
public struct ParameterExpansion: Sendable {
    /// The parameter's name: an identifier, a positional number, or one of `@ * # ? - $ ! 0`.
    public let name: String
    /// Whether the expansion uses braces.
    public let isBraced: Bool
    /// The prefix operator: `#` (length) or `!` (indirection), when present.
    public let prefix: String?
    /// The array subscript between `[` and `]`, when present.
    public let arraySubscript: String?
    /// The operator after the name (`:-`, `-`, `:=`, `=`, `:?`, `?`, `:+`, `+`, `#`, `##`, `%`,
    /// `%%`, `/`, `//`, `/#`, `/%`, `^`, `^^`, `,`, `,,`, `:`, `@`), when present.
    public let `operator`: String?
    /// The word after the operator, as parts (it may hold nested expansions and substitutions).
    public internal(set) var argument: [WordPart]

    /// Creates an expansion.
    public init(name: String, isBraced: Bool, prefix: String? = nil, arraySubscript: String? = nil, operator: String? = nil, argument: [WordPart] = []) {
        self.name = name
        self.isBraced = isBraced
        self.prefix = prefix
        self.arraySubscript = arraySubscript
        self.operator = `operator`
        self.argument = argument
    }
}
