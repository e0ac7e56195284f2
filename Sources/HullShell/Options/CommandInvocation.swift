import HullCore

/// A command's arguments parsed with its tool's option grammar: subcommands, options and
/// operands, each with its spelling and ranges.
///
/// ```swift
/// if invocation.tool == "apt-get", invocation.subcommand == "install",
///    !invocation.has(option: "-y", "--yes", "--assume-yes") { … }
/// ```
public struct CommandInvocation: Sendable {
    /// A subcommand as found on the command line.
    public struct Subcommand: Sendable {
        /// The canonical name (`install` for npm's `i`); the spelling when the grammar does
        /// not know it.
        public let name: String
        /// The word as written.
        public let word: ShellWord
        /// Whether the grammar knows the subcommand.
        public let isKnown: Bool
    }

    /// The effective command's name (`apt-get`, `pip3`; `pip` for `python -m pip`).
    public let name: String
    /// The word naming the command.
    public let nameWord: ShellWord
    /// The grammar used; ``OptionGrammar/generic`` for commands without one.
    public let grammar: OptionGrammar
    /// Every word after the name.
    public let arguments: [ShellWord]
    /// The subcommands, outermost first (`["mod", "download"]` for `go mod download`).
    public let subcommands: [Subcommand]
    /// The options in order of appearance.
    public let options: [ParsedOption]
    /// The operands (non-option words after the subcommands), including dynamic ones.
    public let operands: [ShellWord]
    /// The `--` that ended the options, if any.
    public let endOfOptions: ShellWord?

    /// The canonical tool name when a grammar is known (`pip` for `pip3`), else nil.
    public var tool: String? { grammar.name.isEmpty ? nil : grammar.name }

    /// The first subcommand's canonical name, or the grammar's default when none is given
    /// (`install` for a bare `yarn`).
    public var subcommand: String? { subcommands.first?.name ?? grammar.defaultSubcommand }

    /// The canonical names of all subcommands.
    public var subcommandPath: [String] { subcommands.map(\.name) }

    /// Whether any option is spelled as, or is the same option as, one of `names`.
    ///
    /// `has(option: "-y")` is also true for `--yes` and `--assume-yes` when the grammar lists
    /// them as one option. A name made of one letter repeated (`-qq`) asks whether that short
    /// option occurs at least that many times (see ``count(of:)``).
    public func has(option names: String...) -> Bool { has(option: names) }

    /// Array form of ``has(option:)``.
    public func has(option names: [String]) -> Bool {
        if options.contains(where: { $0.matches(names) }) { return true }
        for name in names {
            let letters = Array(name.dropFirst())
            guard name.hasPrefix("-"), !name.hasPrefix("--"), letters.count > 1, Set(letters).count == 1 else { continue }
            if count(of: "-" + String(letters[0])) >= letters.count { return true }
        }
        return false
    }

    /// The options that are spelled as, or are the same option as, one of `names`.
    public func options(named names: String...) -> [ParsedOption] { options.filter { $0.matches(names) } }

    /// The value of the last matching option (the one that wins for most tools), or nil when
    /// it is absent, has no value, or its value is dynamic.
    public func value(of names: String...) -> String? {
        options.last { $0.matches(names) }?.value
    }

    /// The static values of all matching options in order (`-e` of `sed`, `--header` of `curl`).
    public func values(of names: String...) -> [String] {
        options.filter { $0.matches(names) }.compactMap(\.value)
    }

    /// How many times the option occurs; a numeric attached value counts as that level
    /// (`-q=2` and `-qq` both give 2 for apt-get's `-q`).
    public func count(of names: String...) -> Int {
        var total = 0
        for option in options where option.matches(names) {
            if let value = option.value, let level = Int(value), option.spec?.argument == .counted {
                total = level
            } else {
                total += 1
            }
        }
        return total
    }

    /// Static operand values, in order; dynamic operands are left out.
    public var operandValues: [String] { operands.compactMap(\.literal) }

    /// Words whose value is only known at run time (`$PACKAGES`, `--opt=$X`): rules that look
    /// for a missing option may want to stay silent when there are any.
    public var dynamicArguments: [ShellWord] { arguments.filter(\.isDynamic) }

    /// Whether any argument is only known at run time.
    public var hasDynamicArguments: Bool { arguments.contains(where: \.isDynamic) }

    /// The operands read as package references, when the tool and subcommand take packages
    /// (`apt-get install`, `apk add`, `pip install`, `npm install`, `go install` …); otherwise
    /// empty. Dynamic operands are left out.
    public var packages: [PackageReference] {
        guard let syntax = grammar.packageSyntax, takesPackages else { return [] }
        return operands.compactMap { PackageReferenceParser.parse($0, syntax: syntax) }
    }

    private var takesPackages: Bool {
        if grammar.operandsArePackages { return true }
        var list = grammar.subcommands
        var result = false
        for subcommand in subcommands {
            guard let spec = list.first(where: { $0.matches(subcommand.word.literal ?? "") }) else { return false }
            result = spec.takesPackages
            list = spec.subcommands
        }
        return result
    }
}
