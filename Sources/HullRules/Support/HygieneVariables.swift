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
}
