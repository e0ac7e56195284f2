/// One build stage: a FROM and the instructions up to the next FROM.
public struct Stage: Sendable, Hashable {
    /// The position among stages, from 0 (usable in `COPY --from=0`).
    public var index: Int
    /// The FROM instruction's index in `Dockerfile.instructions`.
    public var fromIndex: Int
    /// The FROM payload.
    public var from: FromInstruction
    /// The indices of the stage's instructions, FROM included.
    public var instructionIndices: Range<Int>

    /// The stage name, lower-cased as BuildKit matches it.
    public var name: String? { from.normalizedStageName }
}
