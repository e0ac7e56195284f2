/// Source paths as BuildKit resolves them against the build context: cleaned, relative to the
/// context root, matched one segment at a time.
public enum SourcePath {
    /// Go's `path.Clean` relative to the context root: `.` and `..` resolved (never above the
    /// root), repeated and trailing slashes dropped, a leading `/` removed. The root is `.`.
    public static func clean(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// How a changed path relates to a source.
    public enum Relation: Sendable, Hashable {
        /// The path is the source, or a file the source matches.
        case source
        /// The path is inside a folder the source copies, at `relative` below the matched root.
        case inside(relative: String)
        /// The path is a folder that holds (part of) the source.
        case ancestor
    }

    /// How `path` (cleaned, not the root) relates to `source` (cleaned), or nil when the source
    /// does not read it. Each segment of the source is a `path.Match` pattern; with
    /// `doubleStar` (COPY `--parents`) a `**` segment matches any number of segments.
    public static func relation(of path: String, to source: String, doubleStar: Bool = false) -> Relation? {
        if source == "." { return path == "." ? .source : .inside(relative: path) }
        // The whole context changed: it holds every source.
        if path == "." { return .ancestor }
        let sourceParts = source.split(separator: "/").map(String.init)
        let pathParts = path.split(separator: "/").map(String.init)
        return relation(pathParts[...], sourceParts[...], doubleStar: doubleStar)
    }

    private static func relation(_ path: ArraySlice<String>, _ source: ArraySlice<String>, doubleStar: Bool) -> Relation? {
        guard let segment = source.first else {
            return path.isEmpty ? .source : .inside(relative: path.joined(separator: "/"))
        }
        guard let name = path.first else { return .ancestor }
        if doubleStar && segment == "**" {
            // Zero segments, or one more segment consumed by the `**`.
            if let zero = relation(path, source.dropFirst(), doubleStar: true) { return zero }
            return relation(path.dropFirst(), source, doubleStar: true)
        }
        guard segmentMatches(segment, name) else { return nil }
        return relation(path.dropFirst(), source.dropFirst(), doubleStar: doubleStar)
    }

    /// One segment: a `path.Match` pattern, compared literally when Go would reject it.
    static func segmentMatches(_ pattern: String, _ name: String) -> Bool {
        guard GoPathMatch.hasMeta(pattern) else { return pattern == name }
        return GoPathMatch.match(pattern, name) ?? (pattern == name)
    }

    /// Whether a COPY/ADD source names something outside the context (a URL or a Git repository).
    public static func remoteKind(of source: String) -> RemoteKind? {
        let lowered = source.lowercased()
        if lowered.hasPrefix("git@") || lowered.hasPrefix("git://") { return .git }
        if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") {
            let withoutFragment = lowered.split(separator: "#", maxSplits: 1).first.map(String.init) ?? lowered
            return withoutFragment.hasSuffix(".git") ? .git : .url
        }
        return nil
    }

    /// A source fetched from outside the context.
    public enum RemoteKind: String, Sendable, Hashable, Codable {
        /// An HTTP(S) download.
        case url
        /// A Git repository.
        case git
    }
}
