import HullDockerfile
import HullShell

/// Resolves shell words that use ARG or ENV values (`apt-get install $PACKAGES`), the way the
/// shell would see them when the RUN starts.
enum HygieneVariables {
    /// The fields `word` expands to with the variables of `scope`, after word splitting of
    /// unquoted expansions; nil when any part is unknown before the RUN runs (a command
    /// substitution, a variable the Dockerfile does not set, an operator other than a default).
    static func fields(of word: ShellWord, in scope: VariableScope) -> [String]? {
        if let literal = word.literal { return [literal] }
        var fields: [String] = []
        var current = ""
        var hasCurrent = false
        func append(_ parts: [WordPart], quoted: Bool) -> Bool {
            for part in parts {
                if let value = part.value {
                    current += value
                    hasCurrent = true
                    continue
                }
                switch part.kind {
                case .doubleQuoted(let inner):
                    hasCurrent = true
                    guard append(inner, quoted: true) else { return false }
                case .parameter(let expansion):
                    guard let value = resolve(expansion, in: scope) else { return false }
                    if quoted {
                        current += value
                        hasCurrent = true
                        continue
                    }
                    let pieces = value.split(omittingEmptySubsequences: false, whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
                    for (index, piece) in pieces.enumerated() {
                        if index > 0 {
                            if hasCurrent { fields.append(current) }
                            current = ""
                            hasCurrent = false
                        }
                        if !piece.isEmpty {
                            current += piece
                            hasCurrent = true
                        }
                    }
                default:
                    return false
                }
            }
            return true
        }
        guard append(word.parts, quoted: false) else { return nil }
        if hasCurrent { fields.append(current) }
        return fields
    }

    /// The value of one expansion, or nil when it cannot be known.
    static func resolve(_ expansion: ParameterExpansion, in scope: VariableScope) -> String? {
        guard expansion.prefix == nil, expansion.arraySubscript == nil else { return nil }
        let value = scope.value(of: expansion.name)
        switch expansion.operator {
        case nil:
            return value
        case ":-", "-":
            if let value, !(expansion.operator == ":-" && value.isEmpty) { return value }
            var text = ""
            for part in expansion.argument {
                guard let piece = part.value else { return nil }
                text += piece
            }
            return text
        default:
            return nil
        }
    }

    /// Whether an option a rule looks for hides in an argument built from a variable: true when
    /// a resolved argument matches, false when none does, nil when an argument that looks like a
    /// bag of options (`$APT_OPTS`, `${CURL_FLAGS}`, unquoted) is only known at run time.
    static func dynamicArguments(of invocation: CommandInvocation, in scope: VariableScope, match: (String) -> Bool) -> Bool? {
        var found = false
        for word in invocation.arguments where word.literal == nil {
            guard let values = fields(of: word, in: scope) else {
                if mayHoldOptions(word) { return nil }
                continue
            }
            if values.contains(where: match) { found = true }
        }
        return found
    }

    /// Whether an unknown word reads like a set of options: one unquoted expansion of a
    /// variable named for options, flags or arguments.
    static func mayHoldOptions(_ word: ShellWord) -> Bool {
        guard word.parts.count == 1, case .parameter(let expansion) = word.parts[0].kind else { return false }
        let name = expansion.name.uppercased()
        return ["OPT", "FLAG", "ARG"].contains { name.contains($0) }
    }

    /// Whether `text` is one of `names`, or a cluster of short options holding `letter`
    /// (`-qy` holds `y`).
    static func isOption(_ text: String, names: Set<String>, letter: Character?) -> Bool {
        if names.contains(text) || names.contains(where: { $0.hasPrefix("--") && text.hasPrefix($0 + "=") }) { return true }
        guard let letter, text.hasPrefix("-"), !text.hasPrefix("--"), text.count > 2 else { return false }
        return text.dropFirst().contains(letter)
    }
}
