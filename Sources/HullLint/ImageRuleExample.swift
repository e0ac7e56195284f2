/// A runnable example of an image rule: an image described as data, and what the rule must
/// report on it. The catalogue test builds every example image and checks the findings.
public struct ImageRuleExample: Sendable {
    /// Where one expected finding points.
    public enum Expected: Sendable, Hashable, CustomStringConvertible {
        /// The image as a whole (its configuration, a history line, the host).
        case image
        /// This absolute path in a layer.
        case path(String)

        public var description: String {
            switch self {
            case .image: "the image"
            case .path(let path): path
            }
        }
    }

    /// Whether the rule stays silent or what it reports.
    public enum Kind: Sendable {
        /// The rule stays silent.
        case passing
        /// The rule reports exactly these findings (in any order).
        case failing([Expected])
    }

    /// What the example shows.
    public var kind: Kind
    /// The image.
    public var image: ExampleImage
    /// Text that must appear in the notes of some finding (the Dockerfile rule the finding
    /// links to, for example); nil checks nothing more.
    public var note: String?

    /// An image the rule accepts.
    public static func passing(_ image: ExampleImage) -> ImageRuleExample { ImageRuleExample(kind: .passing, image: image) }

    /// An image the rule flags at each of `expected`, with `note` in some finding's notes.
    public static func failing(_ image: ExampleImage, _ expected: [Expected] = [.image], note: String? = nil) -> ImageRuleExample {
        ImageRuleExample(kind: .failing(expected), image: image, note: note)
    }
}
