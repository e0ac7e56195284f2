/// The program that produced a report.
public struct ToolInfo: Hashable, Sendable, Codable {
    /// The program's name, such as `hull`.
    public var name: String
    /// Its version, such as `0.4.0`.
    public var version: String
    /// A page describing it, when there is one.
    public var informationURI: String?

    /// Creates a description of the tool.
    public init(name: String, version: String, informationURI: String? = nil) {
        self.name = name
        self.version = version
        self.informationURI = informationURI
    }
}
