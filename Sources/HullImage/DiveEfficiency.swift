import Foundation

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

        mutating func add(_ size: Int64) {
            cumulative += size
            if minimum < 0 || size < minimum { minimum = size }
            count += 1
        }
    }

    private var paths: [String: PathData] = [:]
    private let stacked = PathNode()
    /// Layers whose visit dive aborts (a whiteout for a path no lower layer has).
    private(set) var abortedLayers: [Int] = []

    /// Adds the next layer's tree (built with `insertDive`).
    mutating func add(layer index: Int, tree: PathNode) {
        let completed = record(leavesOf: tree, prefix: "")
        if !completed { abortedLayers.append(index) }
        // dive stacks every node of the layer (not only leaves): whiteouts remove, others replace payloads.
        stack(tree, prefix: "", at: stacked)
    }

    /// Records the sizes of the leaves below `node` (at `prefix`), visited in post-order with names sorted
    /// as dive visits them; false when dive's visit stops (a whiteout for a path no lower layer has).
    private mutating func record(leavesOf node: PathNode, prefix: String) -> Bool {
        for name in node.children.keys.sorted() {
            let child = node.children[name]!
            let path = prefix.isEmpty ? name : prefix + "/" + name
            guard child.children.isEmpty else {
                guard record(leavesOf: child, prefix: path) else { return false }
                continue
            }
            let divePath = TarPathName.removingWhiteoutMarks(path)
            var size: Int64 = 0
            if name.hasPrefix(".wh.") {
                guard let previous = stacked.lookup(divePath) else { return false }
                if previous.isDirectoryPayload { size = previous.subtreeSize }
            } else {
                size = child.size
            }
            paths[divePath, default: PathData()].add(size)
        }
        return true
    }

    /// Stacks the children of `node` (at `prefix`) in post-order, names sorted, as dive does. `target` is
    /// the stacked node at the same path while no name on the way holds `.wh.`; below such a name, paths
    /// are rewritten and looked up from the root. Stacking only adds nodes, copies payloads and removes
    /// what whiteouts name below the path being visited, so a node found on the way down stays valid.
    private func stack(_ node: PathNode, prefix: String, at target: PathNode?) {
        for name in node.children.keys.sorted() {
            let child = node.children[name]!
            let path = prefix.isEmpty ? name : prefix + "/" + name
            let clean = target != nil && TarPathName.removingWhiteoutMarks(name) == name
            let stackedChild = clean ? target!.child(name) : nil
            stack(child, prefix: path, at: stackedChild)
            if let stackedChild {
                stackedChild.copyPayload(from: child)
            } else if TarPathName.isWhiteout(path) {
                let removed = TarPathName.removingWhiteoutMarks(path)
                let parentPath = TarPathName.parent(removed)
                let parent = parentPath.isEmpty ? stacked : stacked.lookup(parentPath)
                parent?.children[String(TarPathName.base(removed))] = nil
            } else {
                let divePath = TarPathName.removingWhiteoutMarks(path)
                var placed = stacked
                for component in divePath.split(separator: "/") { placed = placed.child(String(component)) }
                placed.copyPayload(from: child)
            }
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
    /// The path with every `.wh.` removed (as dive names whiteouts); most paths have none, and skip the search.
    static func removingWhiteoutMarks(_ path: String) -> String {
        var utf8 = path.utf8.makeIterator()
        var matched = 0
        let marker: [UInt8] = [0x2E, 0x77, 0x68, 0x2E]
        var found = false
        while let byte = utf8.next() {
            if byte == marker[matched] {
                matched += 1
                if matched == 4 { found = true; break }
            } else {
                matched = byte == 0x2E ? 1 : 0
            }
        }
        return found ? path.replacingOccurrences(of: ".wh.", with: "") : path
    }

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
