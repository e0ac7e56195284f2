/// Member names made safe to reason about: relative, `/`-separated, no `.` or `..` components.
public enum TarPath {
    /// What was wrong with a name.
    public enum Problem: String, Hashable, Sendable, Codable {
        /// It started with `/` (kept, made relative).
        case absolute
        /// A `..` went above the root (the member is not placed anywhere).
        case traversal
        /// Nothing was left after normalising.
        case empty
    }

    /// The normalised path of `name` (`./a//b/` → `a/b`), or the problem that made it unusable.
    /// Absolute names are made relative and reported; names that climb above the root are refused.
    public static func normalize(_ name: String) -> (path: String?, problem: Problem?) {
        if isNormal(name) { return (name, nil) }
        var problem: Problem?
        if name.hasPrefix("/") { problem = .absolute }
        var parts: [Substring] = []
        for component in name.split(separator: "/", omittingEmptySubsequences: true) {
            if component == "." { continue }
            if component == ".." {
                if parts.isEmpty { return (nil, .traversal) }
                parts.removeLast()
                continue
            }
            parts.append(component)
        }
        if parts.isEmpty { return (nil, problem ?? .empty) }
        return (parts.joined(separator: "/"), problem)
    }

    /// Whether `name` is already normal: not empty, no leading, trailing or doubled `/`, no `.` or `..` component.
    /// Most member names are, and need no splitting and joining.
    static func isNormal(_ name: String) -> Bool {
        var utf8 = name.utf8.makeIterator()
        // The length of the current component, and whether it is all dots so far.
        var length = 0
        var dots = true
        var any = false
        while let byte = utf8.next() {
            any = true
            if byte == UInt8(ascii: "/") {
                if length == 0 || (dots && length <= 2) { return false }
                length = 0
                dots = true
            } else {
                length += 1
                if byte != UInt8(ascii: ".") { dots = false }
            }
        }
        return any && length > 0 && !(dots && length <= 2)
    }

    /// The folder part of a normalised path ("" at the root).
    public static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// The last component of a path.
    public static func base(_ path: String) -> Substring {
        guard let slash = path.lastIndex(of: "/") else { return Substring(path) }
        return path[path.index(after: slash)...]
    }

    /// Where a symlink at `path` pointing at `target` resolves, lexically; nil when it climbs out of the root.
    public static func resolveLink(at path: String, target: String) -> String? {
        let joined = target.hasPrefix("/") ? target : (parent(path).isEmpty ? target : parent(path) + "/" + target)
        var parts: [Substring] = []
        for component in joined.split(separator: "/", omittingEmptySubsequences: true) {
            if component == "." { continue }
            if component == ".." {
                // An absolute target's `..` at the root stays at the root, as in the kernel.
                if parts.isEmpty { if target.hasPrefix("/") { continue } else { return nil } }
                parts.removeLast()
                continue
            }
            parts.append(component)
        }
        return parts.joined(separator: "/")
    }
}

/// OCI layer whiteouts (image-spec, layer.md "Whiteouts").
public enum Whiteout: Hashable, Sendable {
    /// `DIR/.wh..wh..opq`: DIR's contents from lower layers are hidden.
    case opaque(directory: String)
    /// `DIR/.wh.NAME`: `DIR/NAME` from lower layers is deleted.
    case remove(path: String)

    /// The prefix of whiteout files.
    public static let prefix = ".wh."
    /// The name of the opaque marker.
    public static let opaqueMarker = ".wh..wh..opq"

    /// The whiteout a normalised path stands for, if it is one.
    public static func classify(_ path: String) -> Whiteout? {
        let name = TarPath.base(path)
        guard name.hasPrefix(prefix) else { return nil }
        let parent = TarPath.parent(path)
        if name == opaqueMarker { return .opaque(directory: parent) }
        let target = name.dropFirst(prefix.count)
        guard !target.isEmpty else { return nil }
        return .remove(path: parent.isEmpty ? String(target) : parent + "/" + target)
    }
}
