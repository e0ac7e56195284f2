extension BuildContextView {
    /// Regular files and their bytes.
    public struct Totals: Hashable, Sendable {
        /// Regular files (and symlinks).
        public var files: Int
        /// The sum of the regular files' sizes.
        public var bytes: Int64

        /// Creates totals.
        public init(files: Int = 0, bytes: Int64 = 0) {
            self.files = files
            self.bytes = bytes
        }
    }

    /// A sent folder that rarely belongs in a build: version-control data, installed
    /// dependencies or a tool cache.
    public struct HeavyFolder: Hashable, Sendable {
        /// What the folder holds.
        public enum Kind: String, Hashable, Sendable {
            /// `.git`, `.hg`, `.svn`, `.bzr`.
            case versionControl
            /// `node_modules`, `.venv`, `vendor`, `target` …
            case dependencies
            /// `.cache`, `.pytest_cache`, `.gradle` …
            case caches
        }

        /// The folder, context-relative.
        public var path: String
        /// What it holds.
        public var kind: Kind
        /// Regular files below it.
        public var files: Int
        /// Their bytes.
        public var bytes: Int64

        /// Creates a heavy folder.
        public init(path: String, kind: Kind, files: Int, bytes: Int64) {
            self.path = path
            self.kind = kind
            self.files = files
            self.bytes = bytes
        }

        /// The last path component (`node_modules` for `packages/a/node_modules`).
        public var name: Substring { path.split(separator: "/").last ?? Substring(path) }
    }

    /// A sent file whose path marks it as a secret.
    public struct SecretFile: Hashable, Sendable {
        /// The file, context-relative.
        public var path: String
        /// What it is, as a message fragment (`environment file`).
        public var kind: String
        /// Whether the path alone makes a secret likely (a `.pem` that may be a certificate is not).
        public var isLikely: Bool
        /// Whether it is a dotenv file (`.env`, `.env.production`).
        public var isEnvironmentFile: Bool

        /// Creates a secret file.
        public init(path: String, kind: String, isLikely: Bool, isEnvironmentFile: Bool) {
            self.path = path
            self.kind = kind
            self.isLikely = isLikely
            self.isEnvironmentFile = isEnvironmentFile
        }
    }

    /// A pattern of the ignore file that BuildKit rejects.
    public struct IgnoreFileProblem: Hashable, Sendable {
        /// The 1-based line in the ignore file, when known.
        public var line: Int?
        /// The pattern as BuildKit reads it.
        public var pattern: String
        /// What is wrong.
        public var message: String

        /// Creates a problem.
        public init(line: Int?, pattern: String, message: String) {
            self.line = line
            self.pattern = pattern
            self.message = message
        }
    }
}
