/// Wasted bytes and efficiency as dive 0.13 computes them, over the same per-layer trees.
///
/// dive builds a tree per layer from the tar headers (`.wh..wh.` names are dropped, so opaque
/// folders are ignored), visits the leaves of each layer's tree and records, per path (with every
/// `.wh.` removed from it), the sizes seen. A whiteout counts as the size of everything below the
/// removed path in the layers beneath when that path was a folder, and as 0 when it was a file.
/// Efficiency is the sum of each path's smallest size over the sum of all sizes; wasted bytes are
/// the summed sizes of every path seen in two or more layers, including its last copy.
struct DiveEfficiency {
    private struct PathData {
        var cumulative: Int64 = 0
        var minimum: Int64 = -1
        var count = 0
    }

    private var paths: [String: PathData] = [:]
    private let stacked = PathNode()
    /// Layers whose visit dive aborts (a whiteout for a path no lower layer has).
    private(set) var abortedLayers: [Int] = []

    /// Adds the next layer's tree (built with `insertDive`).
    mutating func add(layer index: Int, tree: PathNode) {
        let completed = tree.visitPostOrder { path, node in
            guard node.children.isEmpty else { return true }
            let divePath = path.replacingOccurrences(of: ".wh.", with: "")
            var size: Int64 = 0
            if TarPathName.isWhiteout(path) {
                guard let previous = stacked.lookup(divePath) else { return false }
                if previous.isDirectoryPayload { size = previous.subtreeSize }
            } else {
                size = node.size
            }
            var data = paths[divePath] ?? PathData()
            data.cumulative += size
            if data.minimum < 0 || size < data.minimum { data.minimum = size }
            data.count += 1
            paths[divePath] = data
            return true
        }
        if !completed { abortedLayers.append(index) }
        // dive stacks every node of the layer (not only leaves): whiteouts remove, others replace payloads.
        _ = tree.visitPostOrder { path, node in
            if TarPathName.isWhiteout(path) {
                let target = path.replacingOccurrences(of: ".wh.", with: "")
                let parentPath = TarPathName.parent(target)
                let parent = parentPath.isEmpty ? stacked : stacked.lookup(parentPath)
                parent?.children[String(TarPathName.base(target))] = nil
            } else {
                let divePath = path.replacingOccurrences(of: ".wh.", with: "")
                var target = stacked
                for component in divePath.split(separator: "/") { target = target.child(String(component)) }
                target.copyPayload(from: node)
            }
            return true
        }
    }

    /// dive's efficiency score (1 for an empty image).
    var score: Double {
        var minimum: Int64 = 0
        var discovered: Int64 = 0
        for data in paths.values {
            minimum += data.minimum
            discovered += data.cumulative
        }
        return discovered == 0 ? 1 : Double(minimum) / Double(discovered)
    }

    /// dive's wasted bytes.
    var wastedBytes: Int64 {
        paths.values.reduce(0) { $1.count >= 2 ? $0 + $1.cumulative : $0 }
    }

    /// The paths dive lists as inefficient, largest first.
    func inefficiencies(limit: Int) -> [ImageAnalysis.Inefficiency] {
        paths.filter { $0.value.count >= 2 }
            .map { ImageAnalysis.Inefficiency(path: "/" + $0.key, count: $0.value.count, cumulativeBytes: $0.value.cumulative) }
            .sorted { ($0.cumulativeBytes, $1.path) > ($1.cumulativeBytes, $0.path) }
            .prefix(limit).map { $0 }
    }
}

enum TarPathName {
    static func isWhiteout(_ path: String) -> Bool { base(path).hasPrefix(".wh.") }
    static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }
    static func base(_ path: String) -> Substring {
        guard let slash = path.lastIndex(of: "/") else { return Substring(path) }
        return path[path.index(after: slash)...]
    }
}
