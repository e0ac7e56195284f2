/// How one tool's command line is made: its options, subcommands, and conventions.
///
/// Grammars drive ``CommandInvocation``. They know which options take a value, so that
/// `apt-get -o Dpkg::Options::=--force-confold install x` does not read `Dpkg::…` as the
/// subcommand and `curl -o -k url` does not read `-k` as an option. Options are recognised
/// anywhere before `--` (GNU argument permutation), which is how every tool covered here
/// behaves. An unknown option is taken as a flag without a value.
public struct OptionGrammar: Sendable {
    /// How subcommands are found.
    public enum SubcommandStyle: Sendable, Hashable {
        /// The tool has no subcommands.
        case none
        /// The first operand is the subcommand, known or not (`apt-get`, `npm`).
        case firstOperand
    }

    /// How option words are read.
    public enum OptionStyle: Sendable, Hashable {
        /// `-abc` is a cluster of short options; `--name[=value]` is a long option.
        case gnu
        /// Go's flag package: `-name` and `--name` are both long options, `-name=value` attaches.
        case singleDashLong
    }

    /// The canonical tool name (`apt-get`, `pip`).
    public let name: String
    /// The executable names the grammar applies to (`pip`, `pip3`); versioned names such as
    /// `pip3.12` are matched by ``OptionGrammar/named(_:)``.
    public let commandNames: [String]
    /// Options valid anywhere on the command line.
    public let options: [OptionSpec]
    /// The subcommands.
    public let subcommands: [SubcommandSpec]
    /// How subcommands are found.
    public let subcommandStyle: SubcommandStyle
    /// How option words are read.
    public let optionStyle: OptionStyle
    /// The subcommand reported when none is given (`install` for `yarn`).
    public let defaultSubcommand: String?
    /// Whether an option-like word with an unknown letter is an operand (`chmod -x file`,
    /// where `-x` is a mode).
    public let unknownShortOptionsAreOperands: Bool
    /// Whether a first argument without a dash is a cluster of options (`tar xzf a.tgz`).
    public let acceptsOldStyleOptions: Bool
    /// Whether the tool's operands are package references even without a subcommand.
    public let operandsArePackages: Bool
    /// How package references are spelled, for ``CommandInvocation/packages``.
    public let packageSyntax: PackageReference.Syntax?
    /// ``options`` by spelling.
    let optionTable: [String: OptionSpec]

    /// Creates a grammar.
    public init(
        name: String, commandNames: [String]? = nil, options: [OptionSpec], subcommands: [SubcommandSpec] = [],
        subcommandStyle: SubcommandStyle? = nil, optionStyle: OptionStyle = .gnu, defaultSubcommand: String? = nil,
        unknownShortOptionsAreOperands: Bool = false, acceptsOldStyleOptions: Bool = false,
        operandsArePackages: Bool = false, packageSyntax: PackageReference.Syntax? = nil
    ) {
        self.name = name
        self.commandNames = commandNames ?? [name]
        self.options = options
        self.subcommands = subcommands
        self.subcommandStyle = subcommandStyle ?? (subcommands.isEmpty ? .none : .firstOperand)
        self.optionStyle = optionStyle
        self.defaultSubcommand = defaultSubcommand
        self.unknownShortOptionsAreOperands = unknownShortOptionsAreOperands
        self.acceptsOldStyleOptions = acceptsOldStyleOptions
        self.operandsArePackages = operandsArePackages
        self.packageSyntax = packageSyntax
        self.optionTable = OptionSpec.table(options)
    }

    /// The grammar for unknown commands: no subcommands, every `-x`/`--x` a flag.
    public static let generic = OptionGrammar(name: "", commandNames: [], options: [])

    /// The subcommand with this spelling among `subcommands`, if any.
    func subcommand(named spelling: String, in list: [SubcommandSpec]) -> SubcommandSpec? {
        list.first { $0.matches(spelling) }
    }
}
