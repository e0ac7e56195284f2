import HullCore

/// A variable assignment before a command or on its own: `A=1`, `PATH+=:/opt/bin`,
/// `arr=(a b c)`, `map[key]=value`.
public struct ShellAssignment: Sendable {
    /// The variable's name.
    public let name: String
    /// The array subscript between `[` and `]`, when present.
    public let arraySubscript: String?
    /// Whether the assignment appends (`+=`).
    public let isAppend: Bool
    /// The assigned word (empty for `A=`); nil for an array assignment.
    public internal(set) var value: ShellWord?
    /// The elements of an array assignment (`arr=(a b c)`); nil for a scalar assignment.
    public internal(set) var arrayElements: [ShellWord]?
    /// The local range of the name.
    public let nameRange: Range<Int>
    /// The local range of the whole assignment.
    public let range: Range<Int>
    /// The file range of the whole assignment.
    public let fileRange: TextRange

    init(name: String, arraySubscript: String?, isAppend: Bool, value: ShellWord?, arrayElements: [ShellWord]?, nameRange: Range<Int>, range: Range<Int>, source: ShellSource) {
        self.name = name
        self.arraySubscript = arraySubscript
        self.isAppend = isAppend
        self.value = value
        self.arrayElements = arrayElements
        self.nameRange = nameRange
        self.range = range
        self.fileRange = source.fileRange(range)
    }
}
