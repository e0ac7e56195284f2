import HullCore

/// One `RUN --mount=…` specification.
public struct RunMount: Sendable, Hashable {
    /// The mount type.
    public enum Kind: String, Sendable, Hashable, Codable {
        case bind, cache, tmpfs, secret, ssh
    }

    /// The type; BuildKit's default is `bind`. Nil when the type is not one BuildKit knows.
    public var kind: Kind?
    /// The type as written.
    public var typeText: String
    /// Where the mount appears in the container (`target`, `dst`, `destination`).
    public var target: String?
    /// The path in the source (`source`, `src`).
    public var source: String?
    /// The stage or image the mount reads from (`from`).
    public var from: String?
    /// The cache or secret id.
    public var id: String?
    /// Every key and value as written, in order.
    public var options: [(key: String, value: String?)]
    /// The flag.
    public var flag: FlagSyntax

    /// Parses the comma-separated fields of a `--mount` value (quoted fields allowed, as
    /// BuildKit reads them with a CSV reader).
    init(flag: FlagSyntax) {
        self.flag = flag
        var options: [(key: String, value: String?)] = []
        for field in Self.fields(flag.value ?? "") where !field.isEmpty {
            if let equals = field.firstIndex(of: "=") {
                options.append((key: field[..<equals].lowercased(), value: String(field[field.index(after: equals)...])))
            } else {
                options.append((key: field.lowercased(), value: nil))
            }
        }
        self.options = options
        func lookup(_ keys: String...) -> String? { options.last { keys.contains($0.key) }?.value ?? nil }
        typeText = lookup("type") ?? "bind"
        kind = Kind(rawValue: typeText.lowercased())
        target = lookup("target", "dst", "destination")
        source = lookup("source", "src")
        from = lookup("from")
        id = lookup("id")
    }

    /// Splits on commas outside double quotes; quotes are removed.
    static func fields(_ text: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var iterator = text.makeIterator()
        while let character = iterator.next() {
            if character == "\"" {
                quoted.toggle()
            } else if character == "," && !quoted {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }

    public static func == (lhs: RunMount, rhs: RunMount) -> Bool { lhs.flag == rhs.flag }
    public func hash(into hasher: inout Hasher) { hasher.combine(flag) }
}
