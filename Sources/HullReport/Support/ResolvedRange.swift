import HullCore

/// A byte range turned into lines and columns through the file it points into.
struct ResolvedRange: Sendable {
    /// The file.
    let source: SourceFile
    /// The bytes.
    let range: TextRange
    /// Where the range starts.
    let start: SourceLocation
    /// Where the range ends (exclusive).
    let end: SourceLocation

    /// Resolves `range` in `source`, clamping it to the file.
    init(_ range: TextRange, in source: SourceFile) {
        let count = source.bytes.count
        let start = Swift.min(Swift.max(0, range.start), count)
        let end = Swift.min(Swift.max(start, range.end), count)
        self.source = source
        self.range = TextRange(start: start, end: end)
        self.start = source.location(of: start)
        self.end = source.location(of: end)
    }

    /// The 1-based column of `location` counted in Unicode scalars, as people read it.
    func characterColumn(of location: SourceLocation) -> Int {
        let lineStart = location.offset - (location.utf8Column - 1)
        let prefix = source.bytes[lineStart..<location.offset]
        return String(decoding: prefix, as: UTF8.self).unicodeScalars.count + 1
    }

    /// The text of the line holding `location`, without its terminator.
    func lineText(of location: SourceLocation) -> String {
        source.text(source.lines.contentRange(ofLine: location.line - 1))
    }
}

extension Report {
    /// Looks up the sources of every file a report mentions, once per rendering.
    struct SourceLookup {
        private let sources: [String: SourceFile]

        init(_ report: Report) {
            var sources: [String: SourceFile] = [:]
            for artifact in report.artifacts {
                if let source = artifact.source, sources[source.path] == nil { sources[source.path] = source }
            }
            self.sources = sources
        }

        /// The resolved range of a file diagnostic, when its file's text is in the report.
        func resolve(_ location: Location) -> ResolvedRange? {
            guard case let .file(path, range) = location, let source = sources[path] else { return nil }
            return ResolvedRange(range, in: source)
        }

        /// The resolved range of `range` in the file at `path`.
        func resolve(_ range: TextRange, inFile path: String) -> ResolvedRange? {
            sources[path].map { ResolvedRange(range, in: $0) }
        }
    }
}
