/// What BuildKit does with one instruction on the next build.
public enum StepStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// The step's cache key is unchanged: its layer is reused.
    case cached = "CACHED"
    /// The step's cache key changed (or a step before it did): it runs again.
    case rebuilt = "REBUILT"
    /// The stage is not needed for the target, so BuildKit does not build it.
    case skipped = "SKIPPED"
    /// Not a build step: the instruction only changes the image configuration or the
    /// variables later steps see.
    case metadata = "METADATA"
}
