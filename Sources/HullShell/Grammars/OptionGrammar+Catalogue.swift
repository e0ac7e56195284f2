extension OptionGrammar {
    /// Every built-in grammar.
    public static let builtin: [OptionGrammar] = [
        aptGet, apt, apk, yum, dnf, microdnf, zypper,
        pip, npm, yarn, pnpm, gem, go,
        curl, wget,
        useradd, adduser, chown, chmod, rm, cd, tar, unzip,
    ]

    private static let byCommandName: [String: OptionGrammar] = {
        var table: [String: OptionGrammar] = [:]
        for grammar in builtin {
            for name in grammar.commandNames where table[name] == nil { table[name] = grammar }
        }
        return table
    }()

    /// The grammar for a command name (without its directory), or nil when there is none.
    ///
    /// Versioned names fall back to their family: `pip3.12` uses the `pip` grammar.
    public static func named(_ name: String) -> OptionGrammar? {
        if let grammar = byCommandName[name] { return grammar }
        if name.hasPrefix("pip"), name.dropFirst(3).allSatisfy({ $0.isNumber || $0 == "." }) { return pip }
        return nil
    }
}
