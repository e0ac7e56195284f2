import HullCore

/// How locations are named in human-readable and line-oriented outputs.
enum LocationText {
    /// A context path joined to its root, without a redundant `./`.
    static func contextPath(root: String, path: String) -> String {
        let trimmedPath = path.hasPrefix("/") ? String(path.dropFirst()) : path
        if root.isEmpty || root == "." || root == "./" { return trimmedPath }
        return root.hasSuffix("/") ? root + trimmedPath : root + "/" + trimmedPath
    }

    /// A path inside an image layer, such as `alpine:3.19 [layer 2] /etc/shadow`.
    static func imageLayer(image: String, layer: Int, path: String) -> String {
        "\(image) [layer \(layer)] \(path)"
    }

    /// The file a location belongs to, for formats that group by file; images use their reference.
    static func file(of location: Location) -> String {
        switch location {
        case let .file(path, _): path
        case let .contextPath(root, path): contextPath(root: root, path: path)
        case let .imageLayer(image, _, _): image
        case let .image(image): image
        }
    }

    /// The whole location as one phrase, without line and column.
    static func describe(_ location: Location) -> String {
        switch location {
        case let .file(path, _): path
        case let .contextPath(root, path): contextPath(root: root, path: path)
        case let .imageLayer(image, layer, path): imageLayer(image: image, layer: layer, path: path)
        case let .image(image): image
        }
    }
}
