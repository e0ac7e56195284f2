import HullCore
import HullDockerfile

/// One place a Dockerfile reads from the build context: a `COPY` or `ADD` source (without
/// `--from`), or a `RUN --mount` that binds the context.
///
/// BuildKit transfers only the context paths these name (its `FollowPaths`), from the stages the
/// target needs; a source of `.` (or a mount without `source`) names the whole context.
public struct ContextReference: Hashable, Sendable {
    /// What reads the path.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// A `COPY` source.
        case copy
        /// An `ADD` source from the context.
        case add
        /// `RUN --mount=type=bind` without `from`.
        case bindMount
        /// `RUN --mount=type=tmpfs`: BuildKit still asks for the whole context (it records the
        /// mount's empty source as `/`), although nothing is read from it.
        case tmpfsMount
    }

    /// What reads the path.
    public var kind: Kind
    /// The instruction's index in the Dockerfile.
    public var instructionIndex: Int
    /// Its 1-based line.
    public var line: Int
    /// The stage it belongs to.
    public var stageIndex: Int
    /// Whether `docker build` without `--target` builds that stage.
    public var isBuilt: Bool
    /// The source as written (the mount flag for mounts).
    public var written: String
    /// Where the source is written.
    public var range: TextRange
    /// The source after variable expansion, context-relative, without `./`, a leading `/` or a
    /// trailing `/`; empty for the whole context.
    public var path: String
    /// Variables the source uses that have no value (they expand to nothing).
    public var unsetVariables: [String]
    /// BuildKit's error when the source cannot be expanded.
    public var expansionError: String?
    /// `--exclude` patterns of the instruction.
    public var excludes: [String]
    /// `COPY --parents`.
    public var parents: Bool

    /// Whether the source names the whole context.
    public var isWholeContext: Bool { path.isEmpty }
    /// Whether the source uses `*`, `?` or `[`.
    public var hasWildcards: Bool { path.contains { $0 == "*" || $0 == "?" || $0 == "[" } }
    /// The keyword as written in messages (`COPY`, `ADD`, `RUN --mount`).
    public var instructionName: String {
        switch kind {
        case .copy: "COPY"
        case .add: "ADD"
        case .bindMount, .tmpfsMount: "RUN --mount"
        }
    }

    /// Every reference in `semantics`' Dockerfile, in file order. Heredoc sources, `COPY --from`,
    /// remote `ADD` sources and `ONBUILD` triggers are left out.
    public static func all(in semantics: SemanticModel) -> [ContextReference] {
        let dockerfile = semantics.dockerfile
        let built = semantics.requiredStages
        var references: [ContextReference] = []
        for instruction in dockerfile.instructions {
            guard let stage = instruction.stageIndex else { continue }
            func make(_ kind: Kind, _ written: String, _ range: TextRange, excludes: [String] = [], parents: Bool = false) -> ContextReference {
                let expansion = semantics.expand(written, at: instruction.index)
                return ContextReference(kind: kind, instructionIndex: instruction.index, line: instruction.line, stageIndex: stage,
                                        isBuilt: built.contains(stage), written: written, range: range,
                                        path: normalize(expansion.value), unsetVariables: expansion.unmatched.sorted(),
                                        expansionError: expansion.error, excludes: excludes, parents: parents)
            }
            switch instruction.payload {
            case .copy(let copy) where copy.from == nil, .add(let copy):
                let kind: Kind = instruction.kind == .add ? .add : .copy
                for source in copy.contextSources {
                    let expanded = semantics.expand(source.text, at: instruction.index).value
                    if isRemote(expanded) { continue }
                    references.append(make(kind, source.text, source.range, excludes: copy.excludes, parents: copy.parents))
                }
            case .run(let run):
                for mount in run.mounts where mount.from == nil {
                    switch mount.kind {
                    case .bind:
                        var reference = make(.bindMount, mount.source ?? ".", mount.flag.range)
                        reference.written = mount.flag.text
                        references.append(reference)
                    case .tmpfs:
                        var reference = make(.tmpfsMount, ".", mount.flag.range)
                        reference.written = mount.flag.text
                        references.append(reference)
                    default:
                        continue
                    }
                }
            default:
                continue
            }
        }
        return references
    }

    /// Whether an `ADD` source is fetched from the network.
    static func isRemote(_ source: String) -> Bool {
        let lowered = source.lowercased()
        return ["http://", "https://", "git@", "git://", "ssh://"].contains { lowered.hasPrefix($0) }
    }

    /// A context-relative path without `./`, a leading `/` or a trailing `/` (`..` cannot leave
    /// the context).
    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }
}
