/// The `set` options of a shell at one point of a script, such as `errexit` and `pipefail`.
///
/// Options are named by their long `set -o` names. The parser threads this state through a
/// script in source order: `set -e`, `set -o pipefail`, `set +e` and the like change it for the
/// commands that follow, while changes inside a subshell, a command substitution, a pipeline
/// element or a function body stay there. Branches are not told apart: a `set` inside an `if`
/// body counts for everything after it.
public struct ShellOptionState: Hashable, Sendable {
    /// The long names of the options that are on.
    public private(set) var enabled: Set<String>

    /// Creates a state with the given options on.
    public init(enabled: Set<String> = []) {
        self.enabled = enabled
    }

    /// The state a shell starts with when run with `arguments`, such as the exec form of a
    /// Dockerfile `SHELL` instruction (`["/bin/bash", "-eo", "pipefail", "-c"]`).
    ///
    /// The first element is taken as the shell's path when it does not start with `-` or `+`.
    public init(shellArguments arguments: [String]) {
        self.init()
        var rest = arguments[...]
        if let first = rest.first, !first.hasPrefix("-"), !first.hasPrefix("+") { rest = rest.dropFirst() }
        apply(arguments: Array(rest), stopAtOperand: true)
    }

    /// Whether `errexit` (`set -e`) is on.
    public var errexit: Bool { enabled.contains("errexit") }
    /// Whether `pipefail` (`set -o pipefail`) is on.
    public var pipefail: Bool { enabled.contains("pipefail") }
    /// Whether `nounset` (`set -u`) is on.
    public var nounset: Bool { enabled.contains("nounset") }
    /// Whether `xtrace` (`set -x`) is on.
    public var xtrace: Bool { enabled.contains("xtrace") }

    /// Whether the option with this long name is on.
    public func isEnabled(_ name: String) -> Bool { enabled.contains(name) }

    /// Turns an option on or off by its long name.
    public mutating func set(_ name: String, to value: Bool) {
        if value { enabled.insert(name) } else { enabled.remove(name) }
    }

    /// Applies the arguments of a `set` command, such as `["-euo", "pipefail"]`.
    public mutating func apply(setArguments arguments: [String]) {
        apply(arguments: arguments, stopAtOperand: true)
    }

    /// The long name for a single-letter option of `set`, or nil for an unknown letter.
    public static func longName(forLetter letter: Character) -> String? {
        letterNames[letter]
    }

    private static let letterNames: [Character: String] = [
        "a": "allexport", "b": "notify", "B": "braceexpand", "C": "noclobber", "e": "errexit",
        "E": "errtrace", "f": "noglob", "h": "hashall", "H": "histexpand", "k": "keyword",
        "m": "monitor", "n": "noexec", "P": "physical", "t": "onecmd", "T": "functrace",
        "u": "nounset", "v": "verbose", "x": "xtrace",
    ]

    private mutating func apply(arguments: [String], stopAtOperand: Bool) {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--" || argument == "-" { return }
            guard let sign = argument.first, sign == "-" || sign == "+", argument.count > 1 else {
                if stopAtOperand { return }
                continue
            }
            let on = sign == "-"
            if argument.hasPrefix("--") || argument.hasPrefix("++") {
                // Long shell options (`--login`, `--norc`) are not `set` options.
                if ["--rcfile", "--init-file"].contains(argument) { index += 1 }
                continue
            }
            for letter in argument.dropFirst() {
                switch letter {
                case "o":
                    if index < arguments.count {
                        set(arguments[index], to: on)
                        index += 1
                    }
                case "O":
                    // A `shopt` name, not a `set` option.
                    index += 1
                default:
                    if let name = Self.letterNames[letter] { set(name, to: on) }
                }
            }
        }
    }
}

// MARK: - CustomStringConvertible

extension ShellOptionState: CustomStringConvertible {
    /// The enabled options' long names, sorted and comma-separated.
    public var description: String { enabled.sorted().joined(separator: ",") }
}
