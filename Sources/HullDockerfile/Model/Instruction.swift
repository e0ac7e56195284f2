import HullCore

/// One instruction with its meaning: the exact syntax plus a typed payload.
public struct Instruction: Sendable, Hashable {
    /// The position in the file, from 0.
    public var index: Int
    /// The stage it belongs to; nil for ARGs before the first FROM (the global scope).
    public var stageIndex: Int?
    /// The instruction as written.
    public var syntax: InstructionSyntax
    /// What it means.
    public var payload: InstructionPayload
    /// Its flags, checked against what BuildKit accepts.
    public var flags: BuilderFlags

    /// The instruction kind.
    public var kind: InstructionKind { syntax.kind }
    /// From the keyword to the end of its text.
    public var range: TextRange { syntax.range }
    /// The 1-based first line.
    public var line: Int { syntax.startLine }
}
