import HullContext
import HullDockerfile

/// One way a step reads the build context: a COPY/ADD's context sources or a bind mount of the
/// context, after variable expansion.
struct ContextRead: Sendable {
    /// What reads.
    enum Kind: Sendable { case copy, mount }

    var kind: Kind
    /// The instruction.
    var instruction: Int
    /// The sources as expanded (for messages).
    var sources: [String]
    /// The sources cleaned (`.` for the root).
    var cleaned: [String]
    /// `COPY --exclude` patterns.
    var excludes: IgnoreMatcher?
    /// `COPY --parents`: `**` matches any number of segments.
    var parents: Bool

    /// The source (as expanded) that reads `path`, and how, or nil.
    func match(_ path: String) -> (source: String, relation: SourcePath.Relation)? {
        for (index, source) in cleaned.enumerated() {
            guard let relation = SourcePath.relation(of: path, to: source, doubleStar: parents) else { continue }
            if let excludes {
                // BuildKit applies `--exclude` to the paths it copies, relative to the matched source.
                let relative: String
                switch relation {
                case .inside(let below): relative = below
                case .source: relative = String(path.split(separator: "/").last ?? Substring(path))
                case .ancestor: relative = ""
                }
                if !relative.isEmpty, (try? excludes.isExcluded(relative)) == true { continue }
            }
            return (sources[index], relation)
        }
        return nil
    }

    /// The context reads of instruction `index`, expanded in `semantic`.
    static func reads(of instruction: Instruction, in semantic: SemanticModel) -> [ContextRead] {
        let index = instruction.index
        func expand(_ text: String) -> String { semantic.expand(text, at: index).value }
        switch instruction.payload {
        case .copy(let copy), .add(let copy):
            guard copy.from == nil else { return [] }
            let sources = copy.contextSources.map { expand($0.text) }.filter { SourcePath.remoteKind(of: $0) == nil }
            guard !sources.isEmpty else { return [] }
            var excludes: IgnoreMatcher?
            if !copy.excludes.isEmpty {
                excludes = try? IgnoreMatcher(patterns: copy.excludes.map { IgnorePattern(expand($0)) }, policy: .dropInvalid)
            }
            return [ContextRead(kind: .copy, instruction: index, sources: sources, cleaned: sources.map(SourcePath.clean),
                                excludes: excludes, parents: copy.parents)]
        case .run(let run):
            return run.mounts.compactMap { mount in
                guard mount.kind == .bind, mount.from == nil else { return nil }
                let source = expand(mount.source ?? ".")
                return ContextRead(kind: .mount, instruction: index, sources: [source], cleaned: [SourcePath.clean(source)],
                                   excludes: nil, parents: false)
            }
        default:
            return []
        }
    }
}
