/// `ONBUILD instruction`: a trigger run when another build uses this image as its base.
public struct OnbuildInstruction: Sendable, Hashable {
    /// The wrapped instruction, as the child build will see it.
    public var trigger: InstructionSyntax?
}
