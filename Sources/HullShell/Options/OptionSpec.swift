/// One option a command accepts, under all its spellings.
public struct OptionSpec: Sendable, Hashable {
    /// Whether and how an option takes a value.
    public enum Argument: Sendable, Hashable {
        /// A flag: `-y`, `--yes`.
        case none
        /// A value that is required: attached (`-ofile`, `--output=file`) or in the next word
        /// (`-o file`, `--output file`).
        case required
        /// A value that is optional and can only be attached (`--preserve-env=PATH`, `-i{}`).
        case optional
        /// A flag that may repeat to raise a level (`-q`, `-qq`), or take the level attached
        /// (`-q=2`, `--quiet=2`); see ``CommandInvocation/count(of:)``.
        case counted
    }

    /// Every spelling, short (`-y`), long (`--yes`) or single-dash long (`-nv`, Go's `-ldflags`);
    /// the first is the canonical one.
    public let names: [String]
    /// How the option takes a value.
    public let argument: Argument

    /// Creates an option.
    public init(names: [String], argument: Argument) {
        precondition(!names.isEmpty, "an option needs at least one name")
        self.names = names
        self.argument = argument
    }

    /// The canonical spelling (the first name).
    public var canonicalName: String { names[0] }

    /// Whether the option consumes a value from the next word when none is attached.
    public var takesSeparateValue: Bool { argument == .required }

    /// A flag.
    public static func flag(_ names: String...) -> OptionSpec { OptionSpec(names: names, argument: .none) }
    /// An option with a required value.
    public static func value(_ names: String...) -> OptionSpec { OptionSpec(names: names, argument: .required) }
    /// An option with an optional, attached-only value.
    public static func optionalValue(_ names: String...) -> OptionSpec { OptionSpec(names: names, argument: .optional) }
    /// A table from every spelling of `specs` to its spec; a later spec wins a clash.
    static func table(_ specs: [OptionSpec]) -> [String: OptionSpec] {
        var table: [String: OptionSpec] = [:]
        for spec in specs {
            for name in spec.names { table[name] = spec }
        }
        return table
    }

    /// A repeatable level flag.
    public static func counted(_ names: String...) -> OptionSpec { OptionSpec(names: names, argument: .counted) }
}
