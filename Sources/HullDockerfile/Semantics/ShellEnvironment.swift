/// The variables a ``ShellLexer`` expands: ordered name–value pairs where the last
/// assignment to a name wins.
///
/// Names are compared exactly (case-sensitively), as BuildKit does on Linux. An entry whose
/// value is the empty string is *set*: `${NAME-x}` keeps the empty value, `${NAME:-x}` does not.
public struct ShellEnvironment: Sendable, Hashable {
    /// The assignments in the order they were made, duplicates included.
    public private(set) var entries: [(name: String, value: String)]
    private var lookup: [String: String]

    /// An environment with no variables.
    public static let empty = ShellEnvironment()

    /// An environment from ordered pairs; a later pair for the same name wins.
    public init(_ pairs: [(String, String)] = []) {
        entries = []
        lookup = [:]
        entries.reserveCapacity(pairs.count)
        for (name, value) in pairs { set(name, to: value) }
    }

    /// An environment from a dictionary; entries are ordered by name so the value is reproducible.
    public init(_ dictionary: [String: String]) {
        self.init(dictionary.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    /// An environment from `NAME=value` strings, the form of a process environment or of
    /// BuildKit's `EnvsFromSlice`: the name ends at the first `=`, and an entry without `=` sets
    /// the name to the empty string.
    public init(assignments: [String]) {
        self.init(assignments.map { assignment -> (String, String) in
            guard let equals = assignment.firstIndex(of: "=") else { return (assignment, "") }
            return (String(assignment[..<equals]), String(assignment[assignment.index(after: equals)...]))
        })
    }

    /// The value of `name`, or `nil` when it is unset.
    public subscript(name: String) -> String? { lookup[name] }

    /// Whether `name` is set, possibly to the empty string.
    public func contains(_ name: String) -> Bool { lookup[name] != nil }

    /// The distinct names that are set, in the order they were first assigned.
    public var names: [String] {
        var seen = Set<String>()
        return entries.compactMap { seen.insert($0.name).inserted ? $0.name : nil }
    }

    /// Assigns `value` to `name`, replacing any earlier value.
    public mutating func set(_ name: String, to value: String) {
        entries.append((name, value))
        lookup[name] = value
    }

    /// A copy of this environment with `name` set to `value`.
    public func setting(_ name: String, to value: String) -> ShellEnvironment {
        var copy = self
        copy.set(name, to: value)
        return copy
    }

    // MARK: - Equatable, Hashable

    /// Two environments are equal when they assign the same values, whatever the order or history.
    public static func == (lhs: ShellEnvironment, rhs: ShellEnvironment) -> Bool { lhs.lookup == rhs.lookup }

    /// Hashes the effective assignments.
    public func hash(into hasher: inout Hasher) { hasher.combine(lookup) }
}

// MARK: - ExpressibleByDictionaryLiteral

extension ShellEnvironment: ExpressibleByDictionaryLiteral {
    /// An environment written as a literal, in the literal's order.
    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements)
    }
}
