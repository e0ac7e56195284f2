/// The instruction shape used by the derived conformance files (`buildkit-derived/*.json`).
public struct ExpectedInstruction: Decodable, Sendable {
    /// One heredoc.
    public struct Heredoc: Decodable, Sendable, Equatable {
        public var name: String
        public var fd: UInt
        public var expand: Bool
        public var chomp: Bool
        public var content: String

        public init(name: String, fd: UInt, expand: Bool, chomp: Bool, content: String) {
            self.name = name
            self.fd = fd
            self.expand = expand
            self.chomp = chomp
            self.content = content
        }
    }
    public var cmd: String
    public var flags: [String]
    public var args: [String]
    public var json: Bool
    public var start_line: Int
    public var end_line: Int
    public var original: String
    public var heredocs: [Heredoc]
    public var prev_comment: [String]?
    public var sub: [ExpectedInstruction]?

    private enum CodingKeys: String, CodingKey {
        case cmd, flags, args, json, start_line, end_line, original, heredocs, prev_comment, sub
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        cmd = try container.decode(String.self, forKey: .cmd)
        flags = try container.decode([String].self, forKey: .flags)
        args = try container.decode([String].self, forKey: .args)
        json = try container.decode(Bool.self, forKey: .json)
        start_line = try container.decode(Int.self, forKey: .start_line)
        end_line = try container.decode(Int.self, forKey: .end_line)
        original = try container.decode(String.self, forKey: .original)
        heredocs = try container.decodeIfPresent([Heredoc].self, forKey: .heredocs) ?? []
        prev_comment = try container.decodeIfPresent([String].self, forKey: .prev_comment)
        sub = try container.decodeIfPresent(ExpectedInstruction.self, forKey: .sub).map { [$0] }
    }
}
