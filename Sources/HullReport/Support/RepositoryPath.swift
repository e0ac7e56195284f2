/// Turns the paths in diagnostics into the forms code-hosting services want: relative to the
/// repository root, and as URI references.
struct RepositoryPath {
    /// The absolute directory relative paths are resolved against, without a trailing slash.
    let root: String?

    init(root: String?) {
        guard var root, !root.isEmpty else {
            self.root = nil
            return
        }
        while root.count > 1, root.hasSuffix("/") { root.removeLast() }
        self.root = root
    }

    /// `path` relative to the root when it is relative or lies under the root; `nil` when it
    /// is absolute and outside the root.
    func relative(_ path: String) -> String? {
        var path = path
        while path.hasPrefix("./") { path.removeFirst(2) }
        guard path.hasPrefix("/") else { return path }
        guard let root else { return nil }
        if root == "/" { return String(path.dropFirst()) }
        if path.hasPrefix(root + "/") { return String(path.dropFirst(root.count + 1)) }
        return nil
    }

    /// `path` relative to the root when possible, else as given.
    func display(_ path: String) -> String { relative(path) ?? path }

    /// The root as an absolute `file:` URI ending in `/`, as SARIF requires of base URIs.
    var rootURI: String? {
        guard let root, root.hasPrefix("/") else { return nil }
        return "file://" + Self.percentEncoded(root == "/" ? "/" : root + "/")
    }

    /// A path as a URI reference: relative paths stay relative (with no `:` that could read as
    /// a scheme), absolute ones become `file:` URIs.
    static func uriReference(_ path: String) -> String {
        path.hasPrefix("/") ? "file://" + percentEncoded(path) : percentEncoded(path)
    }

    /// Percent-encodes everything but unreserved characters, `/` and sub-delimiters that are
    /// safe in a path; `:` is encoded so a relative reference never looks like a scheme.
    static func percentEncoded(_ path: String) -> String {
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/!$&'()*+,;=@".utf8)
        let digits = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        for byte in path.utf8 {
            if allowed.contains(byte) {
                bytes.append(byte)
            } else {
                bytes += [UInt8(ascii: "%"), digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
