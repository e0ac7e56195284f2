import HullCore
import HullDockerfile
import HullLint

/// What a Dockerfile's shipped image looks like from the Dockerfile alone: the user its process
/// runs as, the base image it starts from, and which RUN steps install dependencies. `hull check`
/// puts these in its before/after table; the reasoning is the same the rules use (``RootUserRule``
/// for the user, ``DependencyInstallAfterSourceCopyRule`` for installs).
public struct ImageOutline: Sendable, Hashable {
    /// The user the container's process runs as.
    public enum User: Sendable, Hashable {
        /// Root: a `USER` that names root, no `USER` over a base that runs as root, or `scratch`
        /// without a numeric `USER`.
        case root(reason: String)
        /// An unprivileged user.
        case named(String, reason: String)
        /// Not known from the Dockerfile (a variable without a value, a stage base that does not resolve).
        case unknown(reason: String)

        /// The user as shown in the table: `root`, the name, or `unknown`.
        public var shown: String {
            switch self {
            case .root: "root"
            case .named(let name, _): name
            case .unknown: "unknown"
            }
        }

        /// Where the answer comes from (`USER on line 9`, `no USER; node:20 runs as root`).
        public var reason: String {
            switch self {
            case .root(let reason), .named(_, let reason), .unknown(let reason): reason
            }
        }

        /// Whether the process runs as root.
        public var isRoot: Bool { if case .root = self { true } else { false } }
    }

    /// A RUN step that installs dependencies.
    public struct Install: Sendable, Hashable {
        /// The instruction's index.
        public var instruction: Int
        /// Its line.
        public var line: Int
        /// The install as written for messages (`npm ci`, `pip install`).
        public var command: String
    }

    /// The user of the shipped image.
    public var user: User
    /// The base image of the shipped stage (following `FROM <stage>`), as written after
    /// expansion; `scratch` for the empty image; nil when it does not resolve.
    public var baseImage: String?
    /// The parsed base image reference, when it parses.
    public var baseReference: ImageReference?
    /// The dependency installs of every stage, in file order.
    public var installs: [Install]
    /// The lines of the instructions whose layers ship: the target stage and the stages it is
    /// built on (`FROM <stage>`); not the stages it only copies from.
    public var shippedLines: Set<Int>

    /// Outlines `input`'s target image.
    public init(_ input: AnalyzedDockerfile) {
        user = Self.user(of: input)
        switch input.targetStage.map({ input.semantics.rootBase(of: $0.index) }) {
        case .scratch?:
            baseImage = "scratch"
        case .image(let text, let reference)?:
            baseImage = reference?.familiarString ?? text
            baseReference = reference
        case .unresolved(let text)?:
            baseImage = text.isEmpty ? nil : text
        case .stage?, nil:
            baseImage = nil
        }
        shippedLines = Set(input.targetChain.flatMap { input.dockerfile.instructions(in: $0).map(\.line) })
        installs = input.instructions.compactMap { instruction in
            guard case .run = instruction.payload, let scripts = input.scripts(at: instruction.index),
                  let install = scripts.commands.lazy.compactMap(DependencyInstall.init).first else { return nil }
            return Install(instruction: instruction.index, line: instruction.line, command: install.text)
        }
    }

    private static func user(of input: AnalyzedDockerfile) -> User {
        guard let target = input.targetStage else { return .unknown(reason: "no stage") }
        for stage in input.targetChain {
            let users = input.dockerfile.instructions(in: stage).compactMap { instruction -> (Instruction, Word)? in
                guard case .user(let user) = instruction.payload, let word = user.user else { return nil }
                return (instruction, word)
            }
            guard let (instruction, word) = users.last else { continue }
            let expansion = input.expand(word.text, at: instruction.index)
            let place = "`USER` on line \(instruction.line)"
            guard expansion.isResolved else { return .unknown(reason: "\(place) uses a variable without a value") }
            let name = expansion.value.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            if name == "root" || (!name.isEmpty && name.allSatisfy(\.isNumber) && Int(name) == 0) { return .root(reason: place) }
            return .named(expansion.value, reason: place)
        }
        switch input.semantics.rootBase(of: target.index) {
        case .scratch:
            return .root(reason: "no `USER` on `scratch`: UID 0")
        case .image(let text, let reference):
            if let reference, NonRootBaseImages.runsAsNonRoot(reference) {
                return .named("the base image's user", reason: "no `USER`; `\(reference.familiarString)` runs unprivileged")
            }
            return .root(reason: "no `USER`; `\(reference?.familiarString ?? text)` runs as root")
        case .unresolved(let text):
            return .unknown(reason: "no `USER`, and the base `\(text)` does not resolve")
        case .stage:
            return .unknown(reason: "no `USER`")
        }
    }
}
