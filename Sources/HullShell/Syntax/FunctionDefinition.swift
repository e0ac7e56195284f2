import HullCore

/// A function definition: `name() { …; }` or `function name { …; }`.
public struct FunctionDefinition: Sendable {
    /// The function's name.
    public let name: String
    /// The local range of the name.
    public let nameRange: Range<Int>
    /// The body.
    public internal(set) var body: CompoundCommand
    /// The local range of the definition.
    public let range: Range<Int>
    /// The file range of the definition.
    public let fileRange: TextRange

    init(name: String, nameRange: Range<Int>, body: CompoundCommand, range: Range<Int>, source: ShellSource) {
        self.name = name
        self.nameRange = nameRange
        self.body = body
        self.range = range
        self.fileRange = source.fileRange(range)
    }
}
