/// A configuration value from YAML, the environment or the command line.
public enum ConfigValue: Sendable, Hashable, Codable, CustomStringConvertible {
    case string(String)
    case int(Int)
    case bool(Bool)
    case list([ConfigValue])
    case map([String: ConfigValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int.self) { self = .int(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([ConfigValue].self) { self = .list(value) }
        else { self = .map(try container.decode([String: ConfigValue].self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .list(let value): try container.encode(value)
        case .map(let value): try container.encode(value)
        }
    }

    /// The value as a string, when it is a scalar.
    public var stringValue: String? {
        switch self {
        case .string(let value): value
        case .int(let value): String(value)
        case .bool(let value): String(value)
        default: nil
        }
    }

    /// The value as a list of strings (a scalar becomes a one-element list).
    public var stringList: [String] {
        switch self {
        case .list(let values): values.compactMap(\.stringValue)
        default: stringValue.map { [$0] } ?? []
        }
    }

    /// The value as a boolean.
    public var boolValue: Bool? {
        switch self {
        case .bool(let value): value
        case .string(let value): ["true", "yes", "on", "1"].contains(value.lowercased()) ? true : ["false", "no", "off", "0"].contains(value.lowercased()) ? false : nil
        case .int(let value): value != 0
        default: nil
        }
    }

    public var description: String {
        switch self {
        case .string(let value): value
        case .int(let value): String(value)
        case .bool(let value): String(value)
        case .list(let values): "[" + values.map(\.description).joined(separator: ", ") + "]"
        case .map(let values): "{" + values.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        }
    }
}
