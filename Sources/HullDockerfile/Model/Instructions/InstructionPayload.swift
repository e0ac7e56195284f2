/// What an instruction means, one payload type per instruction.
public enum InstructionPayload: Sendable, Hashable {
    case from(FromInstruction)
    case run(RunInstruction)
    case cmd(CommandInstruction)
    case entrypoint(CommandInstruction)
    case copy(CopyInstruction)
    case add(CopyInstruction)
    case env(KeyValueInstruction)
    case label(KeyValueInstruction)
    case arg(ArgInstruction)
    case expose(ExposeInstruction)
    case workdir(WorkdirInstruction)
    case user(UserInstruction)
    case volume(VolumeInstruction)
    case shell(ShellInstruction)
    case stopSignal(StopSignalInstruction)
    case maintainer(MaintainerInstruction)
    case healthcheck(HealthcheckInstruction)
    case onbuild(OnbuildInstruction)
    /// A keyword BuildKit does not know.
    case unknown
}
