/// Reads `↓` and `⟦…⟧` markers out of rule example text.
public struct ExampleMarkers: Sendable, Equatable {
    /// A marker: a start offset, and an end offset when the range was given.
    public struct Marker: Sendable, Equatable, Hashable {
        public var start: Int
        public var end: Int?

        public init(start: Int, end: Int?) {
            self.start = start
            self.end = end
        }
    }

    /// The text with markers removed.
    public var text: String
    /// The markers in order, as UTF-8 offsets into `text`.
    public var markers: [Marker]

    /// Strips the markers from `marked`.
    public init(_ marked: String) {
        var bytes: [UInt8] = []
        var markers: [Marker] = []
        var open: Int?
        for scalar in marked.unicodeScalars {
            switch scalar {
            case "↓":
                markers.append(Marker(start: bytes.count, end: nil))
            case "⟦":
                open = markers.count
                markers.append(Marker(start: bytes.count, end: nil))
            case "⟧":
                if let index = open { markers[index].end = bytes.count }
                open = nil
            default:
                bytes.append(contentsOf: Array(String(scalar).utf8))
            }
        }
        text = String(decoding: bytes, as: UTF8.self)
        self.markers = markers
    }
}
