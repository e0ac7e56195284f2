/// A stable diagnostic code: a domain prefix and three digits, such as `DF001`.
///
/// Prefixes: `DF` Dockerfile, `SH` shell in RUN, `CX` build context, `LC` layer cache,
/// `IM` image, `VN` vulnerability; `PS` marks parse errors that are not rules.
public struct RuleCode: Hashable, Sendable, Codable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The code's text.
    public let rawValue: String

    /// Wraps a code's text.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The letters before the digits.
    public var prefix: String { String(rawValue.prefix { $0.isLetter }) }

    public var description: String { rawValue }
    public static func < (lhs: RuleCode, rhs: RuleCode) -> Bool { lhs.rawValue < rhs.rawValue }
}
