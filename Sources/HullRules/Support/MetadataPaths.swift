/// Container paths for `WORKDIR` and `VOLUME`, handled as BuildKit handles them on Linux.
enum MetadataPaths {
    /// Whether `path` is absolute: `/…`, or for Windows images `\…` or a drive letter (`C:`).
    static func isAbsolute(_ path: String) -> Bool {
        let bytes = Array(path.utf8)
        guard let first = bytes.first else { return false }
        if first == UInt8(ascii: "/") || first == UInt8(ascii: "\\") { return true }
        return bytes.count >= 2 && ((first | 0x20) >= 0x61 && (first | 0x20) <= 0x7A) && bytes[1] == UInt8(ascii: ":")
    }

    /// Whether `path` is written the Windows way (a drive letter or backslashes).
    static func isWindows(_ path: String) -> Bool {
        path.contains("\\") || (isAbsolute(path) && !path.hasPrefix("/"))
    }

    /// `path` cleaned as Go's `path.Clean` does: `.` and empty elements dropped, `..` resolved.
    static func clean(_ path: String) -> String {
        let rooted = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if let last = parts.last, last != ".." { parts.removeLast() } else if !rooted { parts.append(part) }
            default: parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        if rooted { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// `path` resolved against the absolute directory `base`, as `WORKDIR` resolves a relative path.
    static func resolve(_ path: String, against base: String) -> String {
        isAbsolute(path) ? clean(path) : clean(base + "/" + path)
    }
}
