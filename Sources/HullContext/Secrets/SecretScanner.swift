/// Finds secrets in what a build context sends: by path (`.env`, `id_rsa`, `*.tfstate` …) and by
/// content (private keys, cloud and SaaS tokens, passwords in URLs, secret assignments in
/// dotenv-like files).
///
/// Content scanning reads only the first ``Options/bytesPerFile`` bytes of regular files that
/// look like text, skips binaries and files above ``Options/maximumFileSize``, and stops at a
/// total file and byte budget. Files inside installed dependencies and version-control folders
/// (`node_modules`, `.venv`, `vendor`, `.git` …) are third-party or history: their paths are
/// checked but their contents are not read, except `.git/config`, which can hold a remote URL
/// with a password. Findings never contain a secret: excerpts keep its first characters and
/// then `…`.
public struct SecretScanner: Sendable {
    /// Limits and switches.
    public struct Options: Hashable, Sendable {
        /// Read file contents (otherwise only paths are checked).
        public var scanContents: Bool
        /// Bytes read from the start of each file.
        public var bytesPerFile: Int
        /// Files larger than this are not read at all.
        public var maximumFileSize: Int64
        /// At most this many files are read.
        public var maximumFiles: Int
        /// At most this many bytes are read in total.
        public var maximumTotalBytes: Int64
        /// Files are read by this many concurrent tasks (1–4).
        public var concurrency: Int

        /// Creates options.
        public init(scanContents: Bool = true, bytesPerFile: Int = 64 * 1024, maximumFileSize: Int64 = 16 * 1024 * 1024,
                    maximumFiles: Int = 20_000, maximumTotalBytes: Int64 = 256 * 1024 * 1024, concurrency: Int = 2) {
            self.scanContents = scanContents
            self.bytesPerFile = max(1, bytesPerFile)
            self.maximumFileSize = maximumFileSize
            self.maximumFiles = maximumFiles
            self.maximumTotalBytes = maximumTotalBytes
            self.concurrency = min(4, max(1, concurrency))
        }
    }

    /// Limits and switches.
    public var options: Options

    /// Creates a scanner.
    public init(options: Options = Options()) {
        self.options = options
    }

    static let binaryExtensions: Set<String> = [
        "png", "jpg", "jpeg", "gif", "webp", "ico", "bmp", "tif", "tiff", "psd", "heic", "avif",
        "zip", "gz", "tgz", "bz2", "xz", "zst", "7z", "rar", "tar", "jar", "war", "ear", "whl", "egg", "apk", "deb", "rpm",
        "so", "dylib", "dll", "exe", "o", "a", "lib", "class", "pyc", "pyo", "wasm", "bin", "dat", "db", "sqlite",
        "pdf", "woff", "woff2", "ttf", "otf", "eot", "mp3", "mp4", "mov", "avi", "mkv", "webm", "wav", "flac", "ogg",
        "node", "iso", "dmg", "img", "parquet", "pack", "idx",
    ]

    /// The finding a path alone gives, if any.
    public func finding(forPath path: ContextPath, kind: ContextEntry.Kind) -> SecretFinding? {
        SecretPathRules.finding(for: path, kind: kind)
    }

    /// The findings in the first bytes of a file; none when the bytes look binary.
    public func findings(inContents bytes: [UInt8], path: ContextPath) -> [SecretFinding] {
        let prefix = bytes.count > options.bytesPerFile ? Array(bytes[..<options.bytesPerFile]) : bytes
        guard !SecretScanner.looksBinary(prefix) else { return [] }
        return SecretContentRules(bytes: prefix, path: path).findings()
    }

    /// Whether bytes look binary: a NUL byte among the first 8,000 (as Git decides).
    public static func looksBinary(_ bytes: [UInt8]) -> Bool {
        bytes.prefix(8_000).contains(0)
    }

    /// Scans `entries` (context-relative, as a walk returns them) below `root`.
    public func scan(root: String, entries: [ContextEntry]) async -> SecretScan {
        var result = SecretScan()
        var findings: [SecretFinding] = []
        for entry in entries where SecretScanner.mayBeSecretPath(entry.path.bytes, kind: entry.kind) {
            if let finding = finding(forPath: entry.path, kind: entry.kind) { findings.append(finding) }
        }
        guard options.scanContents else {
            result.findings = SecretScanner.ordered(findings)
            return result
        }
        // Choose the files to read up front, likely secret holders first, so results do not
        // depend on scheduling.
        var candidates: [(entry: ContextEntry, priority: Int)] = []
        for entry in entries where entry.kind == .file && entry.size > 0 {
            if SecretScanner.isThirdParty(entry.path.bytes) {
                result.skippedThirdParty += 1
                continue
            }
            let name = String(decoding: entry.path.name, as: UTF8.self).lowercased()
            let ext = name.lastIndex(of: ".").map { String(name[name.index(after: $0)...]) } ?? ""
            if SecretScanner.binaryExtensions.contains(ext) {
                result.skippedBinary += 1
                continue
            }
            if entry.size > options.maximumFileSize {
                result.skippedTooLarge += 1
                continue
            }
            let priority = SecretPathRules.finding(for: entry.path, kind: .file) != nil || SecretPathRules.isDotenvLike(entry.path) ? 0
                : (["json", "yml", "yaml", "toml", "xml", "sh", "py", "js", "ts", "rb", "go", "java", "tf", "cfg", "conf"].contains(ext) ? 1 : 2)
            candidates.append((entry, priority))
        }
        candidates.sort { $0.priority < $1.priority }
        var chosen: [ContextEntry] = []
        var budget: Int64 = 0
        for (entry, _) in candidates {
            let cost = min(entry.size, Int64(options.bytesPerFile))
            if chosen.count >= options.maximumFiles || budget + cost > options.maximumTotalBytes {
                result.skippedOverBudget += 1
                continue
            }
            budget += cost
            chosen.append(entry)
        }

        guard case .success(let rootFD) = FileSystem.openDirectory(root) else {
            result.unreadable += chosen.count
            result.findings = SecretScanner.ordered(findings)
            return result
        }
        defer { FileSystem.closeDescriptor(rootFD) }
        let lanes = min(options.concurrency, max(1, chosen.count))
        let limit = options.bytesPerFile
        let scanner = self
        let partials = await withTaskGroup(of: SecretScan.self, returning: [SecretScan].self) { group in
            for lane in 0..<lanes {
                let share = stride(from: lane, to: chosen.count, by: lanes).map { chosen[$0] }
                group.addTask {
                    var partial = SecretScan()
                    for entry in share {
                        switch FileSystem.readPrefix(relative: entry.path.bytes, below: rootFD, limit: limit) {
                        case .failure:
                            partial.unreadable += 1
                        case .success(let bytes):
                            partial.filesRead += 1
                            partial.bytesRead += Int64(bytes.count)
                            if SecretScanner.looksBinary(bytes) {
                                partial.skippedBinary += 1
                            } else {
                                partial.findings += scanner.findings(inContents: bytes, path: entry.path)
                            }
                        }
                    }
                    return partial
                }
            }
            var all: [SecretScan] = []
            for await partial in group { all.append(partial) }
            return all
        }
        for partial in partials {
            findings += partial.findings
            result.filesRead += partial.filesRead
            result.bytesRead += partial.bytesRead
            result.skippedBinary += partial.skippedBinary
            result.unreadable += partial.unreadable
        }
        result.findings = SecretScanner.ordered(findings)
        return result
    }

    /// A cheap test on the last path component: false when no path rule can match it.
    static func mayBeSecretPath(_ bytes: [UInt8], kind: ContextEntry.Kind) -> Bool {
        guard kind == .file || kind == .symlink || kind == .directory else { return false }
        let start = (bytes.lastIndex(of: UInt8(ascii: "/")) ?? -1) + 1
        guard start < bytes.count else { return false }
        if kind == .directory {
            let name = bytes[start...]
            return name.elementsEqual("secrets".utf8) || name.elementsEqual(".secrets".utf8)
        }
        switch bytes[start] {
        case UInt8(ascii: "."), UInt8(ascii: "i"), UInt8(ascii: "c"), UInt8(ascii: "k"), UInt8(ascii: "s"): return true
        default: break
        }
        // `.key`, `.pem`, `.p12`, `.pfx`, `.tfstate`, `.tfstate.backup` (any case).
        switch bytes[bytes.count - 1] | 0x20 {
        case UInt8(ascii: "y"), UInt8(ascii: "m"), UInt8(ascii: "2"), UInt8(ascii: "x"), UInt8(ascii: "e"), UInt8(ascii: "p"): return true
        default: return false
        }
    }

    /// Names of dependency and version-control folders, by length.
    private static let thirdPartyFolders: [Int: [[UInt8]]] = Dictionary(grouping: ContextCategorizer.directories.filter {
        $0.value == .dependencies || $0.value == .versionControl
    }.map { Array($0.key.utf8) }, by: \.count)
    private static let longestThirdPartyName = thirdPartyFolders.keys.max() ?? 0
    private static let gitConfig = Array(".git/config".utf8)

    /// Whether the path lies inside a dependency or version-control folder (`.git/config` aside).
    static func isThirdParty(_ bytes: [UInt8]) -> Bool {
        guard let lastSlash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return false }
        if bytes.count >= gitConfig.count && bytes.suffix(gitConfig.count).elementsEqual(gitConfig)
            && (bytes.count == gitConfig.count || bytes[bytes.count - gitConfig.count - 1] == UInt8(ascii: "/")) {
            return false
        }
        var start = 0
        while start < lastSlash {
            var stop = start
            while stop < lastSlash && bytes[stop] != UInt8(ascii: "/") { stop += 1 }
            let length = stop - start
            if length <= longestThirdPartyName, let names = thirdPartyFolders[length],
               names.contains(where: { $0.elementsEqual(bytes[start..<stop]) }) {
                return true
            }
            start = stop + 1
        }
        return false
    }

    private static func ordered(_ findings: [SecretFinding]) -> [SecretFinding] {
        findings.sorted {
            if $0.path != $1.path { return $0.path < $1.path }
            return ($0.range?.start ?? -1, $0.kind.rawValue) < ($1.range?.start ?? -1, $1.kind.rawValue)
        }
    }
}
