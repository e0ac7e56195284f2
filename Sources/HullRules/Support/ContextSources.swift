import HullCore
import HullDockerfile
import HullLint

/// A place a Dockerfile reads from the build context, as the context rules see it: a `COPY` or
/// `ADD` source (without `--from`, not remote) or a `RUN --mount=type=bind` source.
struct ContextSource: Sendable {
    /// The instruction.
    var instruction: Instruction
    /// The source word (or the mount flag).
    var word: Word
    /// The source after expansion, context-relative; empty for the whole context.
    var path: String
    /// Whether every variable the source uses has a value.
    var isResolved: Bool
    /// `--exclude` patterns.
    var excludes: [String]
    /// Whether it is a `COPY` or `ADD` (which put files into a layer), not a mount.
    var isCopy: Bool

    /// Whether the source uses wildcards.
    var hasWildcards: Bool { ContextPathPattern.hasWildcards(path) }

    /// Whether the source takes in `file` (a context-relative sent path): it is the source, lies
    /// below it, or (for wildcards) below a match; `--exclude` patterns apply below the source.
    func covers(_ file: String, _ context: BuildContextView) -> Bool {
        var root: String?
        if path.isEmpty {
            root = ""
        } else if hasWildcards {
            let pattern = ContextPathPattern(path)
            var prefix = ""
            for component in file.split(separator: "/") {
                prefix = prefix.isEmpty ? String(component) : prefix + "/" + component
                if pattern.matches(prefix) { root = prefix; break }
            }
        } else if file == path || file.hasPrefix(path + "/") {
            root = path
        }
        guard let root else { return false }
        guard !excludes.isEmpty, file != root else { return true }
        let relative = root.isEmpty ? file : String(file.dropFirst(root.count + 1))
        return !context.matchesPatterns(excludes, relative)
    }

    /// Whether the source names `path` itself or a folder inside it (so the build needs it).
    func names(_ path: String) -> Bool {
        guard !self.path.isEmpty, !hasWildcards else { return false }
        return self.path == path || self.path.hasPrefix(path + "/")
    }
}

/// The memo key of ``AnalyzedDockerfile/contextSources``.
private enum ContextSourcesFact: AnalysisFact {
    typealias Value = [ContextSource]
}

extension AnalyzedDockerfile {
    /// Every context source in file order, in all stages; computed once per file.
    var contextSources: [ContextSource] { memo.value(of: ContextSourcesFact.self) { makeContextSources() } }

    private func makeContextSources() -> [ContextSource] {
        var sources: [ContextSource] = []
        for instruction in instructions {
            switch instruction.payload {
            case .copy(let copy) where copy.from == nil, .add(let copy):
                for word in copy.contextSources {
                    let expansion = expand(word.text, at: instruction.index)
                    guard !RemoteSource.isRemote(expansion.value) else { continue }
                    sources.append(ContextSource(instruction: instruction, word: word, path: BuildContextView.normalize(expansion.value),
                                                 isResolved: expansion.isResolved, excludes: copy.excludes, isCopy: true))
                }
            case .run(let run):
                for mount in run.mounts where mount.kind == .bind && mount.from == nil {
                    let expansion = expand(mount.source ?? ".", at: instruction.index)
                    sources.append(ContextSource(instruction: instruction, word: Word(text: mount.flag.text, range: mount.flag.range),
                                                 path: BuildContextView.normalize(expansion.value), isResolved: expansion.isResolved,
                                                 excludes: [], isCopy: false))
                }
            default:
                continue
            }
        }
        return sources
    }

    /// Where a context rule reports a finding about `paths`: the first source of a built stage
    /// that takes one of them in, else the first instruction (with `fallbackSeverity` unless the
    /// configuration sets the rule's severity).
    func contextFindingPlace(for paths: [String], rule: RuleDescription,
                             fallbackSeverity: Severity) -> (range: TextRange, severity: Severity?, source: ContextSource?)? {
        let built = semantics.requiredStages
        if let context {
            for source in contextSources where source.instruction.stageIndex.map(built.contains) == true {
                if paths.contains(where: { source.covers($0, context) }) {
                    return (source.word.range, nil, source)
                }
            }
        }
        guard let first = instructions.first else { return nil }
        return (first.syntax.keywordRange, hasConfiguredSeverity(for: rule) ? nil : fallbackSeverity, nil)
    }
}
