/// What a stage starts from.
public enum StageBase: Sendable, Hashable {
    /// The empty image.
    case scratch
    /// An earlier stage, by index.
    case stage(Int)
    /// An image, by its expanded reference text.
    case image(text: String)
    /// The image text could not be expanded or is empty.
    case unresolved(text: String)
}
