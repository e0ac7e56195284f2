import HullCore

/// Decides which context paths a `.dockerignore` excludes, exactly as BuildKit's context walker
/// (tonistiigi/fsutil over moby/patternmatcher v0.6.1) does.
///
/// Paths are relative to the context root, `/`-separated, byte strings. The walker evaluates a
/// directory before its children and hands each child the directory's per-pattern results
/// (``MatchState``); a pattern the directory skipped is then tested against the child path only,
/// which is why `a`, `!a/b`, `a` leaves `a/b` included. Use ``evaluate(_:parent:)`` in walk
/// order, or ``verdict(for:)`` to evaluate a single path with all its ancestors.
///
/// The matcher is an immutable value and safe to share across tasks.
public struct IgnoreMatcher: Sendable {
    /// What to do with patterns BuildKit rejects.
    public enum InvalidPatternPolicy: Sendable, Hashable {
        /// Fail as BuildKit does: construction throws for glob-syntax errors, evaluation throws
        /// the first time a pattern with a bad regular expression is needed.
        case strict
        /// Leave invalid patterns out (they are listed in ``droppedPatterns``), to show what
        /// would be sent once they are fixed.
        case dropInvalid
    }

    /// Whether BuildKit walks into an excluded directory.
    public enum DirectoryDecision: Sendable, Hashable {
        /// The directory is included: it is sent and walked.
        case include
        /// The directory is excluded but walked, because an exception may re-include something
        /// inside it; it is sent (as a bare container) only if something below it is.
        case descendExcluded
        /// The directory is excluded and not walked at all.
        case prune
    }

    /// The verdict for one path, with ancestors evaluated the way the walker does.
    public struct PathVerdict: Sendable, Hashable {
        /// Whether the path is left out of the context (for a directory: whether it is excluded
        /// itself; it may still be sent as a container, see ``mayContainIncludedEntries``).
        public var isExcluded: Bool
        /// The pattern that decided the verdict (the last one that matched), if any.
        public var decidingPattern: IgnorePattern?
        /// The nearest ancestor directory BuildKit does not walk into, if any.
        public var prunedAncestor: String?
        /// For an excluded directory that BuildKit still walks: exceptions may re-include
        /// entries below it.
        public var mayContainIncludedEntries: Bool
    }

    /// The patterns the matcher uses, in order (invalid ones left out under `.dropInvalid`).
    public let patterns: [IgnorePattern]
    /// Patterns left out under ``InvalidPatternPolicy/dropInvalid``, with what is wrong with them.
    public let droppedPatterns: [DroppedPattern]
    /// Whether any pattern is a `!` exception.
    public let hasExceptions: Bool
    /// Whether every exception is a plain path once a trailing `/**` or `/*` is removed (no
    /// `* [ ] ? ^ \`); then BuildKit prunes excluded directories no exception points into.
    public let exceptionsArePlainPrefixes: Bool

    let compiled: [CompiledPattern]
    private let exceptionPrefixes: [[UInt8]]

    /// Builds a matcher from ignore-file patterns, as patternmatcher's `New` does.
    /// - Throws: ``HullContextError/invalidPattern(pattern:line:problem:foundWhenEvaluated:)`` for
    ///   the first pattern BuildKit rejects when it builds the matcher (strict policy only).
    public init(patterns: [IgnorePattern], policy: InvalidPatternPolicy = .strict) throws(HullContextError) {
        var kept: [IgnorePattern] = []
        var compiled: [CompiledPattern] = []
        var dropped: [DroppedPattern] = []
        for pattern in patterns {
            var text = GoText.trimSpace(pattern.readAllBytes)
            if text.isEmpty { continue }
            text = GoPath.clean(text)
            var isException = false
            var problem: PatternProblem?
            if text[0] == UInt8(ascii: "!") {
                if text.count == 1 {
                    problem = .loneExclamationMark
                } else {
                    isException = true
                    text.removeFirst()
                }
            }
            if problem == nil { problem = GoGlobSyntax.problem(in: text) }
            if let problem {
                switch policy {
                case .strict:
                    throw .invalidPattern(pattern: pattern.readAllForm, line: pattern.line == 0 ? nil : pattern.line,
                                          problem: problem, foundWhenEvaluated: false)
                case .dropInvalid:
                    dropped.append(DroppedPattern(pattern: pattern, problem: problem))
                    continue
                }
            }
            let entry = CompiledPattern(cleaned: text, isException: isException)
            if policy == .dropInvalid, case .invalid(let lazyProblem) = entry.kind {
                dropped.append(DroppedPattern(pattern: pattern, problem: lazyProblem))
                continue
            }
            kept.append(pattern)
            compiled.append(entry)
        }
        self.patterns = kept
        self.compiled = compiled
        self.droppedPatterns = dropped
        self.hasExceptions = compiled.contains { $0.isException }
        let prefixes = compiled.filter(\.isException).map { IgnoreMatcher.withoutTrailingGlob($0.cleaned) }
        let special = Set("*[]?^\\".utf8)
        self.exceptionsArePlainPrefixes = !prefixes.contains { $0.contains(where: special.contains) }
        self.exceptionPrefixes = prefixes.map { $0 + [UInt8(ascii: "/")] }
    }

    /// Builds a matcher from an ignore file's bytes.
    public init(ignoreFile bytes: [UInt8], policy: InvalidPatternPolicy = .strict) throws(HullContextError) {
        try self.init(patterns: IgnoreFile.parse(bytes), policy: policy)
    }

    /// Whether the matcher has no patterns (nothing is excluded).
    public var isEmpty: Bool { compiled.isEmpty }

    /// The regular expression patternmatcher builds for pattern `index`, or `nil` when the
    /// pattern is compared as plain text (exact, prefix or suffix match).
    public func regularExpression(forPatternAt index: Int) -> String? {
        compiled[index].regularExpression
    }

    // MARK: - Walker-style evaluation

    /// Evaluates `path` given its parent directory's state (`nil` for an entry at the root),
    /// as `MatchesUsingParentResults` does in BuildKit's walker.
    /// - Throws: ``HullContextError/invalidPattern(pattern:line:problem:foundWhenEvaluated:)`` when
    ///   a pattern whose regular expression does not compile is needed for the first time.
    public func evaluate(_ path: [UInt8], parent: MatchState?) throws(HullContextError) -> MatchState {
        var bits = [Bool](repeating: false, count: compiled.count)
        let (excluded, deciding) = try path.withUnsafeBufferPointer { (buffer) throws(HullContextError) in
            try evaluate(buffer, parentBits: parent?.matched, record: &bits)
        }
        return MatchState(matched: bits, isExcluded: excluded, decidingPatternIndex: deciding)
    }

    /// ``evaluate(_:parent:)`` for a `String` path.
    public func evaluate(_ path: String, parent: MatchState?) throws(HullContextError) -> MatchState {
        try evaluate(Array(path.utf8), parent: parent)
    }

    /// Whether BuildKit walks into the directory at `path` whose own state is `state`.
    public func directoryDecision(for path: [UInt8], state: MatchState) -> DirectoryDecision {
        directoryDecision(path: path, isExcluded: state.isExcluded)
    }

    func directoryDecision(path: [UInt8], isExcluded: Bool) -> DirectoryDecision {
        guard isExcluded else { return .include }
        guard exceptionsArePlainPrefixes else { return .descendExcluded }
        guard hasExceptions else { return .prune }
        let directory = path + [UInt8(ascii: "/")]
        for prefix in exceptionPrefixes where prefix.starts(with: directory) {
            return .descendExcluded
        }
        return .prune
    }

    /// Evaluates `path` with every ancestor directory first, the way the walker reaches it, and
    /// reports whether it is excluded and why. `path` is context-relative; a leading `./` or `/`
    /// and a trailing `/` are ignored.
    public func verdict(for path: String) throws(HullContextError) -> PathVerdict {
        let components = path.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        var state: MatchState?
        var current: [UInt8] = []
        for (index, component) in components.enumerated() {
            if !current.isEmpty { current.append(UInt8(ascii: "/")) }
            current.append(contentsOf: component.utf8)
            let next = try evaluate(current, parent: state)
            let isLast = index == components.count - 1
            let decision = directoryDecision(path: current, isExcluded: next.isExcluded)
            if !isLast && decision == .prune {
                return PathVerdict(isExcluded: true, decidingPattern: next.decidingPatternIndex.map { patterns[$0] },
                                   prunedAncestor: String(decoding: current, as: UTF8.self),
                                   mayContainIncludedEntries: false)
            }
            state = next
            if isLast {
                return PathVerdict(isExcluded: next.isExcluded,
                                   decidingPattern: next.decidingPatternIndex.map { patterns[$0] },
                                   prunedAncestor: nil,
                                   mayContainIncludedEntries: decision == .descendExcluded)
            }
        }
        return PathVerdict(isExcluded: false, decidingPattern: nil, prunedAncestor: nil, mayContainIncludedEntries: false)
    }

    /// Whether `path` is left out of the context (see ``verdict(for:)``).
    public func isExcluded(_ path: String) throws(HullContextError) -> Bool {
        try verdict(for: path).isExcluded
    }

    // MARK: - Core

    /// The walker's evaluation; `record` receives the per-pattern bits for children when non-empty.
    @inline(__always)
    func evaluate(_ path: UnsafeBufferPointer<UInt8>, parentBits: [Bool]?,
                  record: inout [Bool]) throws(HullContextError) -> (Bool, Int?) {
        var matched = false
        var deciding: Int?
        let recording = !record.isEmpty
        let hasParent = parentBits.map { !$0.isEmpty } ?? false
        for index in compiled.indices {
            let pattern = compiled[index]
            var match = hasParent ? parentBits.unsafelyUnwrapped[index] : false
            if !match {
                // A pattern that cannot change the result is skipped and recorded as unmatched.
                if pattern.isException != matched { continue }
                match = try test(index, path)
                if !match && !hasParent {
                    match = try matchesAncestor(index, path)
                }
            }
            if recording { record[index] = match }
            if match {
                matched = !pattern.isException
                deciding = index
            }
        }
        return (matched, deciding)
    }

    @inline(__always)
    private func test(_ index: Int, _ path: UnsafeBufferPointer<UInt8>) throws(HullContextError) -> Bool {
        switch compiled[index].match(path) {
        case .success(let result):
            return result
        case .failure(let problem):
            let pattern = patterns[index]
            throw .invalidPattern(pattern: pattern.readAllForm, line: pattern.line == 0 ? nil : pattern.line,
                                  problem: problem, foundWhenEvaluated: true)
        }
    }

    /// Without parent results patternmatcher also tries each ancestor prefix of the path.
    private func matchesAncestor(_ index: Int, _ path: UnsafeBufferPointer<UInt8>) throws(HullContextError) -> Bool {
        var position = 0
        while position < path.count {
            if path[position] == UInt8(ascii: "/") && position > 0 {
                let prefix = UnsafeBufferPointer(rebasing: path[0..<position])
                // patternmatcher ignores errors here; the full path was already evaluated.
                if case .success(true) = compiled[index].match(prefix) { return true }
            }
            position += 1
        }
        return false
    }

    private static func withoutTrailingGlob(_ pattern: [UInt8]) -> [UInt8] {
        var result = pattern
        for suffix in [Array("/**".utf8), Array("/*".utf8)] where result.count >= suffix.count && Array(result.suffix(suffix.count)) == suffix {
            result.removeLast(suffix.count)
        }
        return result
    }
}
