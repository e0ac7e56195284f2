import HullArchive

/// A node of a layer's or an image's file tree.
final class PathNode {
    var children: [String: PathNode] = [:]
    /// The bytes the tar header gives (0 for folders and links).
    var size: Int64 = 0
    var kind: TarEntry.Kind = .directory
    /// Whether a tar entry described this node (parents can exist only implicitly).
    var explicit = false
    var mode: UInt32 = 0
    var uid: Int64 = 0
    var gid: Int64 = 0
    var linkName = ""
    /// The layer that put it there.
    var layer = 0
    /// For dive's model: the payload is "a folder" only when a tar entry said so.
    var isDirectoryPayload: Bool { explicit && kind == .directory }

    init() {}

    func copyPayload(from other: PathNode) {
        size = other.size
        kind = other.kind
        explicit = other.explicit
        mode = other.mode
        uid = other.uid
        gid = other.gid
        linkName = other.linkName
        layer = other.layer
    }

    /// The sum of `size` over this node and everything below it.
    var subtreeSize: Int64 {
        var total = size
        var stack: [PathNode] = Array(children.values)
        while let node = stack.popLast() {
            total += node.size
            stack.append(contentsOf: node.children.values)
        }
        return total
    }

    /// Regular files and bytes below (and at) this node.
    var subtreeFiles: (files: Int, bytes: Int64) {
        var files = 0
        var bytes: Int64 = 0
        var stack: [PathNode] = [self]
        while let node = stack.popLast() {
            if node.kind == .regular && node.explicit { files += 1; bytes += node.size }
            stack.append(contentsOf: node.children.values)
        }
        return (files, bytes)
    }

    func child(_ name: String) -> PathNode {
        if let existing = children[name] { return existing }
        let node = PathNode()
        children[name] = node
        return node
    }

    /// The node at `path` (components separated by `/`), if any.
    func lookup(_ path: String) -> PathNode? {
        var node = self
        for component in path.split(separator: "/") {
            guard let next = node.children[String(component)] else { return nil }
            node = next
        }
        return node
    }

    /// Visits nodes in post-order with children in name order (as dive walks its trees), with their paths.
    func visitPostOrder(prefix: String = "", _ body: (String, PathNode) throws -> Bool) rethrows -> Bool {
        for name in children.keys.sorted() {
            let child = children[name]!
            let path = prefix.isEmpty ? name : prefix + "/" + name
            guard try child.visitPostOrder(prefix: path, body) else { return false }
            guard try body(path, child) else { return false }
        }
        return true
    }

    /// Visits every node (pre-order, any order of siblings) with its path.
    func visit(prefix: String = "", _ body: (String, PathNode) -> Bool) {
        for (name, child) in children {
            let path = prefix.isEmpty ? name : prefix + "/" + name
            if body(path, child) { child.visit(prefix: path, body) }
        }
    }
}
