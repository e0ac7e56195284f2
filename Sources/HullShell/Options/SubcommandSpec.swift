/// A subcommand a tool accepts (`install` of `apt-get`, `mod` of `go`) with its own options
/// and subcommands.
public struct SubcommandSpec: Sendable {
    /// The canonical name, reported by ``CommandInvocation/subcommand``.
    public let name: String
    /// Other spellings that mean the same (`i` and `add` for npm's `install`).
    public let aliases: [String]
    /// Options valid after this subcommand, in addition to the tool's global options.
    public let options: [OptionSpec]
    /// Nested subcommands (`download` of `go mod`).
    public let subcommands: [SubcommandSpec]
    /// Whether the operands are package references (see ``CommandInvocation/packages``).
    public let takesPackages: Bool
    /// ``options`` by spelling.
    let optionTable: [String: OptionSpec]

    /// Creates a subcommand.
    public init(_ name: String, aliases: [String] = [], options: [OptionSpec] = [], subcommands: [SubcommandSpec] = [], takesPackages: Bool = false) {
        self.name = name
        self.aliases = aliases
        self.options = options
        self.subcommands = subcommands
        self.takesPackages = takesPackages
        self.optionTable = OptionSpec.table(options)
    }

    /// Whether `spelling` names this subcommand.
    public func matches(_ spelling: String) -> Bool { spelling == name || aliases.contains(spelling) }
}
