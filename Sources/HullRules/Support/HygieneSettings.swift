import Foundation
import HullShell

/// Reads `key=value` settings given on command lines (`-o Key=Value`, `--setopt=key=value`,
/// `-c key=value`).
enum HygieneSettings {
    static let trueValues: Set<String> = ["1", "true", "yes", "on", "enable", "enabled"]
    static let falseValues: Set<String> = ["0", "false", "no", "off", "disable", "disabled"]

    /// The value without surrounding quotes, blanks or a trailing `;`, lower-cased.
    static func normalized(_ value: Substring) -> String {
        value.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "\"' ;"))
    }

    /// Splits `key=value`; the key is lower-cased and reduced to its last `.`-separated part
    /// (`*.sslverify`, `http.https://example.com.sslverify`, `main.gpgcheck`).
    static func split(_ setting: String) -> (key: String, value: String)? {
        guard let equals = setting.firstIndex(of: "=") else { return nil }
        let key = setting[..<equals].lowercased().split(separator: ".").last.map(String.init) ?? ""
        return (key, normalized(setting[setting.index(after: equals)...]))
    }

    /// Whether `setting` sets one of `keys` to a false value.
    static func setsFalse(_ setting: String, keys: Set<String>) -> Bool {
        guard let (key, value) = split(setting) else { return false }
        return keys.contains(key) && falseValues.contains(value)
    }

    /// Whether `value` reads as true.
    static func isTrue(_ value: String) -> Bool { trueValues.contains(normalized(Substring(value))) }

    /// Whether `value` reads as false.
    static func isFalse(_ value: String) -> Bool { falseValues.contains(normalized(Substring(value))) }

    /// The `--setopt` settings of yum, dnf and their `*-config-manager` commands as (first word, last word, `key=value`), read
    /// word by word: the grammar takes `config-manager --save` as expecting a value, which
    /// would otherwise swallow the `--setopt` after it.
    static func setoptWords(_ invocation: CommandInvocation) -> [(ShellWord, ShellWord, String)] {
        guard ["yum", "dnf", "microdnf"].contains(invocation.tool ?? "") || ["yum-config-manager", "dnf-config-manager"].contains(invocation.name) else { return [] }
        let words = invocation.arguments
        var found: [(ShellWord, ShellWord, String)] = []
        for (index, word) in words.enumerated() {
            guard let text = word.literal else { continue }
            if text.hasPrefix("--setopt=") {
                found.append((word, word, String(text.dropFirst("--setopt=".count))))
            } else if text == "--setopt", index + 1 < words.count, let value = words[index + 1].literal {
                found.append((word, words[index + 1], value))
            }
        }
        return found
    }
}
