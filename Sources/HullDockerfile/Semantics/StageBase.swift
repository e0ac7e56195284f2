import HullCore
/// What a stage starts from.
public enum StageBase: Sendable, Hashable {
    /// The empty image.
    case scratch
    /// An earlier stage, by index.
    case stage(Int)
    /// An image, with its reference when the expanded text parses.
    case image(text: String, reference: ImageReference?)
    /// The image text could not be expanded or is empty.
    case unresolved(text: String)
}
