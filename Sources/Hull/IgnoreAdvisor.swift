import Foundation
import HullContext
import HullDockerfile

/// Works out the `.dockerignore` lines a context is missing: secrets, version control, and the
/// dependency folders, build output, caches, editor files, logs and coverage of the ecosystems
/// its manifests announce — never a line that would exclude something a `COPY`, `ADD` or
/// `RUN --mount` of the build needs, checked with BuildKit's own matching.
enum IgnoreAdvisor {
    /// A path the build needs, and the instruction that needs it.
    struct Need {
        var path: String
        var reference: ContextReference
        var dockerfile: String
    }

    /// A source that takes in a folder without naming it (`COPY . .`), with the `RUN` text of its Dockerfile.
    struct Broad {
        var reference: ContextReference
        var dockerfile: String
        var runText: String
    }

    /// Proposes lines for the context at `root` built with `dockerfile` (nil for `<root>/Dockerfile`).
    static func propose(root: String, dockerfile: String?) throws(HullError) -> IgnoreProposal {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else { throw .fileNotFound(root) }
        guard isDirectory.boolValue else { throw .usage("\(root): not a folder; pass the build context folder") }
        if let dockerfile, !FileManager.default.fileExists(atPath: dockerfile) { throw .fileNotFound(dockerfile) }

        let choice = IgnoreFile.applicable(contextDirectory: root, dockerfile: dockerfile)
        let target = choice.path ?? (root as NSString).appendingPathComponent(IgnoreFile.defaultName)
        var original = ""
        var patterns: [IgnorePattern] = []
        var notes: [String] = []
        if let path = choice.path {
            guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path, "permission denied") }
            original = String(decoding: data, as: UTF8.self)
            do {
                patterns = try IgnoreFile.parse([UInt8](data), path: path)
            } catch {
                notes.append("\(error.description); BuildKit fails the build on it — fix it by hand")
            }
        }
        var existing: IgnoreMatcher?
        do {
            existing = try IgnoreMatcher(patterns: patterns)
        } catch {
            notes.append("\((choice.path as NSString?)?.lastPathComponent ?? IgnoreFile.defaultName): \(error.description); BuildKit fails the build on it — fix it by hand")
            existing = try? IgnoreMatcher(patterns: patterns, policy: .dropInvalid)
        }
        for dropped in existing?.droppedPatterns ?? [] where !notes.contains(where: { $0.contains("`\(dropped.pattern.readAllForm)`") }) {
            notes.append("line \(dropped.pattern.line): invalid pattern `\(dropped.pattern.readAllForm)`: \(dropped.problem); BuildKit fails the build on it — fix it by hand")
        }

        let survey = ContextSurvey(root: root)
        let dockerfiles = protectedDockerfiles(root: root, choice: choice)
        var needs: [Need] = []
        var broad: [Broad] = []
        for path in dockerfiles {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let semantics = SemanticModel(Dockerfile.parse(String(decoding: data, as: UTF8.self), path: path))
            let runText = semantics.dockerfile.instructions.filter { $0.kind == .run }.map(\.syntax.original).joined(separator: "\n")
            let label = display(path, root: root)
            for reference in ContextReference.all(in: semantics) where reference.kind != .tmpfsMount {
                guard reference.expansionError == nil, reference.unsetVariables.isEmpty else { continue }
                if reference.isWholeContext || !reference.hasWildcards {
                    broad.append(Broad(reference: reference, dockerfile: label, runText: runText))
                }
                if reference.isWholeContext { continue }
                if reference.hasWildcards {
                    for match in diskMatches(root: root, pattern: reference.path) where !isExcluded(match, existing) {
                        needs.append(Need(path: match, reference: reference, dockerfile: label))
                    }
                } else if !isExcluded(reference.path, existing) {
                    needs.append(Need(path: reference.path, reference: reference, dockerfile: label))
                }
            }
        }

        // Candidates: common lines, then each detected ecosystem's; one line per key.
        let ecosystems = survey.ecosystems.keys.sorted()
        var candidates: [IgnoreCandidate] = []
        var index: [String: Int] = [:]
        for candidate in IgnoreCandidate.common + ecosystems.flatMap(IgnoreCandidate.lines(for:)) {
            let key = IgnoreCandidate.key(candidate.pattern)
            if let at = index[key] {
                for step in candidate.regeneratedBy where !candidates[at].regeneratedBy.contains(step) {
                    candidates[at].regeneratedBy.append(step)
                }
                continue
            }
            index[key] = candidates.count
            candidates.append(candidate)
        }
        for name in [".env.sample", ".env.template"] where survey.rootNames.contains(name) {
            candidates.append(IgnoreCandidate("!" + name, .secrets))
        }

        let existingKeys = Set(patterns.map { IgnoreCandidate.key($0.readAllForm) })
        let userExceptions = patterns.filter { $0.isException && !$0.pattern.contains(where: { "*?[\\".contains($0) }) }
        var accepted: [IgnoreCandidate] = []
        var kept: [IgnoreProposal.KeptPath] = []
        for candidate in candidates {
            let key = IgnoreCandidate.key(candidate.pattern)
            if existingKeys.contains(key) { continue }
            if candidate.isException {
                // An exception only matters after the line it qualifies.
                let guarded = accepted.contains { IgnoreCandidate.key($0.pattern) == ".env.*" } || existingKeys.contains(".env.*")
                if guarded { accepted.append(candidate) }
                continue
            }
            if let representative = representative(of: candidate), isExcluded(representative, existing) { continue }
            let trial = (try? IgnoreMatcher(patterns: patterns + (accepted + [candidate]).map { IgnorePattern($0.pattern) }, policy: .dropInvalid))
            let before = try? IgnoreMatcher(patterns: patterns + accepted.map { IgnorePattern($0.pattern) }, policy: .dropInvalid)
            if let need = needs.first(where: { !isExcluded($0.path, before) && isExcluded($0.path, trial) }) {
                kept.append(keptNeed(candidate, need))
                continue
            }
            if let exception = userExceptions.first(where: { !isExcluded($0.pattern, before) && isExcluded($0.pattern, trial) }) {
                kept.append(.init(pattern: candidate.pattern,
                                  comment: "Not excluded: \(candidate.pattern) (it would undo `!\(exception.pattern)` on line \(exception.line))",
                                  explanation: "`\(candidate.pattern)` left out: it comes after your exception `!\(exception.pattern)` (line \(exception.line)) and would exclude it again"))
                continue
            }
            if let conflict = unregenerated(candidate, survey: survey, broad: broad) {
                kept.append(conflict)
                continue
            }
            accepted.append(candidate)
        }

        let proposed = compose(original: original, accepted: accepted, kept: kept, ecosystems: ecosystems)
        return IgnoreProposal(
            path: target, exists: choice.path != nil, isDockerfileSpecific: choice.source == .dockerfileSpecific,
            original: original, proposed: proposed,
            added: IgnoreCandidate.Group.allCases.flatMap { group in
                accepted.filter { $0.group == group }.map { IgnoreProposal.AddedLine(pattern: $0.pattern, group: group.title) }
            },
            kept: kept,
            ecosystems: ecosystems.map { ($0, survey.ecosystems[$0]?.first ?? "") },
            dockerfiles: dockerfiles.map { display($0, root: root) },
            notes: notes)
    }

    // MARK: - Checks

    private static func keptNeed(_ candidate: IgnoreCandidate, _ need: Need) -> IgnoreProposal.KeptPath {
        let reference = need.reference
        let place = "\(need.dockerfile) line \(reference.line)"
        if candidate.targetName == ".npmrc" {
            return .init(pattern: candidate.pattern,
                         comment: "Not excluded: \(candidate.pattern) (\(place) copies \(need.path); npm may need it for a private registry)",
                         explanation: "`\(candidate.pattern)` left out: \(place) copies `\(need.path)`, which `npm ci` may need for a private registry. "
                            + "A token in it stays in the image; prefer `RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci` and then exclude it")
        }
        return .init(pattern: candidate.pattern,
                     comment: "Not excluded: \(candidate.pattern) (\(place) needs \(need.path))",
                     explanation: "`\(candidate.pattern)` left out: it would exclude `\(need.path)`, which \(reference.instructionName) `\(reference.written)` on \(place) needs")
    }

    /// A line that would leave out a folder a broad copy takes in while nothing in the image recreates it.
    private static func unregenerated(_ candidate: IgnoreCandidate, survey: ContextSurvey, broad: [Broad]) -> IgnoreProposal.KeptPath? {
        guard !candidate.regeneratedBy.isEmpty,
              let only = try? IgnoreMatcher(patterns: [IgnorePattern(candidate.pattern)], policy: .dropInvalid) else { return nil }
        let instances = survey.paths.filter { path in
            let name = path.split(separator: "/").last.map(String.init) ?? path
            return (name == candidate.targetName || candidate.targetName.contains("*")) && isExcluded(path, only)
        }.sorted()
        for instance in instances {
            let bytes = Array(instance.utf8)
            for source in broad where SourcePattern(source.reference).root(of: bytes).map({ $0.count < bytes.count }) == true {
                let recreated = candidate.regeneratedBy.contains { step in
                    step.expressions.contains { source.runText.range(of: $0, options: .regularExpression) != nil }
                }
                if recreated { continue }
                let step = candidate.regeneratedBy[0]
                let place = "\(source.dockerfile) line \(source.reference.line)"
                return .init(pattern: candidate.pattern,
                             comment: "Not excluded: \(candidate.pattern) (\(place) copies \(instance) and nothing in the image \(shortStep(step)))",
                             explanation: "`\(candidate.pattern)` left out: \(source.reference.instructionName) `\(source.reference.written)` on \(place) copies `\(instance)` "
                                + "and no RUN \(step.description), so the image may rely on the local copy; recreate it in the image, then exclude it")
            }
        }
        return nil
    }

    private static func shortStep(_ step: IgnoreCandidate.Regeneration) -> String {
        switch step {
        case .nodeInstall: "installs it"
        default: "rebuilds it"
        }
    }

    /// A path the candidate would exclude, to see whether the current file already does.
    private static func representative(of candidate: IgnoreCandidate) -> String? {
        let name = candidate.targetName
        if name.contains("[") { return nil }
        return name.replacingOccurrences(of: "*", with: "example")
    }

    static func isExcluded(_ path: String, _ matcher: IgnoreMatcher?) -> Bool {
        guard let matcher, !path.isEmpty else { return false }
        return (try? matcher.isExcluded(path)) ?? false
    }

    /// The Dockerfiles that use the ignore file: the one built, and, for a context-root
    /// `.dockerignore`, the other Dockerfiles at the context root without their own ignore file.
    private static func protectedDockerfiles(root: String, choice: IgnoreFileChoice) -> [String] {
        var result: [String] = []
        if let found = choice.dockerfile { result.append(found) }
        guard choice.source != .dockerfileSpecific,
              let names = try? FileManager.default.contentsOfDirectory(atPath: root) else { return result }
        for name in names.sorted() where DockerfileDiscovery.isDockerfileName(name) {
            let path = (root as NSString).appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: path + IgnoreFile.defaultName) { continue }
            if !result.contains(where: { ($0 as NSString).standardizingPath == (path as NSString).standardizingPath }) { result.append(path) }
        }
        return result
    }

    /// Context paths matching a wildcard source, looked up on disk component by component.
    static func diskMatches(root: String, pattern: String) -> [String] {
        var current = [""]
        for component in pattern.split(separator: "/").map(String.init) {
            var next: [String] = []
            for base in current {
                if component.contains(where: { "*?[".contains($0) }) {
                    let folder = base.isEmpty ? root : root + "/" + base
                    for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
                    where SourcePattern.match(Array(component.utf8)[...], Array(name.utf8)[...]) {
                        next.append(base.isEmpty ? name : base + "/" + name)
                    }
                } else {
                    let path = base.isEmpty ? component : base + "/" + component
                    if FileManager.default.fileExists(atPath: root + "/" + path) { next.append(path) }
                }
            }
            current = next
            if current.isEmpty { break }
        }
        return current
    }

    private static func display(_ path: String, root: String) -> String {
        let prefix = (root as NSString).standardizingPath + "/"
        let full = (path as NSString).standardizingPath
        return full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : path
    }

    // MARK: - Text

    /// The original text with a marked section appended (nothing when no line is missing).
    private static func compose(original: String, accepted: [IgnoreCandidate], kept: [IgnoreProposal.KeptPath], ecosystems: [Ecosystem]) -> String {
        guard !accepted.isEmpty else { return original }
        let newline = original.contains("\r\n") ? "\r\n" : "\n"
        var lines: [String] = []
        let detected = ecosystems.isEmpty ? "" : " (" + ecosystems.map(\.rawValue).joined(separator: ", ") + ")"
        lines.append(IgnoreProposal.marker + detected)
        for group in IgnoreCandidate.Group.allCases {
            let members = accepted.filter { $0.group == group }
            guard !members.isEmpty else { continue }
            lines.append("# " + group.title)
            lines += members.map(\.pattern)
        }
        for item in kept where !original.contains("# " + item.comment) {
            lines.append("# " + item.comment)
        }
        var text = original
        if !text.isEmpty && !text.hasSuffix("\n") { text += newline }
        if !text.isEmpty && !text.hasSuffix(newline + newline) && !text.hasSuffix("\n\n") { text += newline }
        text += lines.joined(separator: newline) + newline
        return text
    }
}
