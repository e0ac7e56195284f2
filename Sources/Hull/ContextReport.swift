import HullContext

/// The JSON shape of `hull context --format json` (schema version 1, documented in
/// `Docs/context-output.md`): what a build sends from a context, with and without its ignore
/// file, what the Dockerfile takes from it, and what would make the build fail.
public struct ContextReport: Codable, Sendable {
    /// The tool.
    public struct Tool: Codable, Sendable {
        public var name: String
        public var version: String
    }

    /// File, folder and byte counts.
    public struct Totals: Codable, Sendable, Hashable {
        /// Regular files.
        public var files: Int
        /// Folders.
        public var directories: Int
        /// Symbolic links (sent as links, never followed).
        public var symlinks: Int
        /// FIFOs, sockets and devices (sent as metadata, never opened).
        public var special: Int
        /// The bytes of the regular files.
        public var bytes: Int64

        init(_ totals: ContextTotals) {
            files = totals.files
            directories = totals.directories
            symlinks = totals.symlinks
            special = totals.special
            bytes = totals.bytes
        }
    }

    /// Files and bytes.
    public struct Size: Codable, Sendable, Hashable {
        /// Regular files and symlinks.
        public var files: Int
        /// Their bytes.
        public var bytes: Int64
    }

    /// A folder (or, for categories decided by file name, a file) with its size.
    public struct Place: Codable, Sendable, Hashable {
        public var path: String
        /// Whether the place is a folder.
        public var directory: Bool
        public var files: Int
        public var bytes: Int64
    }

    /// The Dockerfile the build reads.
    public struct DockerfileInfo: Codable, Sendable {
        /// Where it was looked for (or found, after BuildKit's lower-case fallback).
        public var path: String
        /// Whether it exists.
        public var found: Bool
        /// Why it could not be used, when it could not.
        public var error: String?
    }

    /// A pattern line of the ignore file.
    public struct PatternLine: Codable, Sendable, Hashable {
        /// The 1-based line, when known.
        public var line: Int?
        /// The pattern as BuildKit reads it (with its `!`).
        public var pattern: String
        /// What is wrong with it, for invalid patterns.
        public var problem: String?
    }

    /// The ignore file in force.
    public struct IgnoreFileInfo: Codable, Sendable {
        /// Its path; absent when there is none.
        public var path: String?
        /// `contextRoot`, `dockerfileSpecific` or `none`.
        public var source: String
        /// A context-root `.dockerignore` it replaces (the two are never merged).
        public var replaces: String?
        /// The number of pattern lines.
        public var patterns: Int
        /// Patterns BuildKit rejects: the build fails.
        public var invalid: [PatternLine]
        /// Patterns that decide nothing in this context.
        public var ineffective: [PatternLine]
        /// Why the file could not be read, when it could not (BuildKit then sends everything).
        public var error: String?
    }

    /// One category of content that often ends up in a context by accident.
    public struct Category: Codable, Sendable, Hashable {
        /// `versionControl`, `dependencies`, `buildOutput`, `caches`, `editorAndOS`,
        /// `testsAndCoverage`, `documentation` or `logs`.
        public var category: String
        /// Its description (`version control`).
        public var description: String
        public var files: Int
        public var bytes: Int64
        /// Where it starts, largest first (`node_modules`).
        public var roots: [Place]
    }

    /// A secret found in what is sent. Never holds the secret itself.
    public struct Secret: Codable, Sendable, Hashable {
        public var path: String
        /// The kind (`dotenvFile`, `privateKey`, `githubToken` …).
        public var kind: String
        /// What it is, for people (`environment file`).
        public var description: String
        /// `path` when the file's name marks it, `content` when its text does.
        public var basis: String
        /// The 1-based line and UTF-8 column, for content findings.
        public var line: Int?
        public var column: Int?
        /// The line with the secret cut short (`KEY=sk_l…`), or the path.
        public var excerpt: String
        /// `low`, `medium` or `high`.
        public var confidence: String
        /// Lines of `COPY`/`ADD` instructions in built stages that put the file into a layer.
        public var copiedBy: [Int]
    }

    /// The secret scan and its findings.
    public struct Secrets: Codable, Sendable {
        public var findings: [Secret]
        /// Whether file contents were read (otherwise paths only).
        public var contentsScanned: Bool
        public var filesRead: Int
        public var bytesRead: Int64
        /// Whether the read budget ran out before every candidate file was read.
        public var truncated: Bool
    }

    /// A source the Dockerfile reads from the context.
    public struct Reference: Codable, Sendable, Hashable {
        /// `copy`, `add`, `bindMount` or `tmpfsMount`.
        public var kind: String
        /// The instruction's 1-based line.
        public var line: Int
        /// The stage index.
        public var stage: Int
        /// Whether `docker build` without `--target` builds the stage.
        public var built: Bool
        /// The source as written.
        public var source: String
        /// After variable expansion, context-relative (`""` is the whole context).
        public var path: String
        /// `found`, `missing`, `excluded`, `empty` (a wildcard matching nothing, which BuildKit
        /// allows), `unresolved` (variables without a value), `viaSymlink` (a path through a
        /// symlink, not checked) or `wholeContext`.
        public var status: String
        /// Sent files and bytes the source takes in.
        public var files: Int
        public var bytes: Int64
        /// The ignore-file pattern that excludes the source, for `excluded`.
        public var excludedBy: PatternLine?
        /// Variables without a value.
        public var unsetVariables: [String]?
        /// `--exclude` patterns.
        public var excludes: [String]?
    }

    /// Sent files no `COPY`/`ADD`/mount uses.
    public struct Unused: Codable, Sendable {
        public var files: Int
        public var bytes: Int64
        /// The files, grouped into the largest folders unused as a whole, largest first.
        public var paths: [UnusedPath]
    }

    /// A sent file, or a folder none of whose sent files is used.
    public struct UnusedPath: Codable, Sendable, Hashable {
        public var path: String
        public var directory: Bool
        public var files: Int
        public var bytes: Int64
    }

    /// What BuildKit transfers for this Dockerfile: the files under the paths its built stages name.
    public struct Transfer: Codable, Sendable {
        public var files: Int
        public var bytes: Int64
        /// Whether a built stage names the whole context (`COPY . .`).
        public var wholeContext: Bool
    }

    /// Something the walk could not read, or chose not to.
    public struct Warning: Codable, Sendable, Hashable {
        /// `unreadableDirectory`, `unreadableEntry` or `specialFileSkipped`.
        public var kind: String
        public var path: String
        public var reason: String
        public var failsBuild: Bool
    }

    /// A finding that decides the exit status.
    public struct Problem: Codable, Sendable, Hashable {
        /// `missingSource`, `excludedSource`, `invalidIgnorePattern`, `ignoreFileLineTooLong`,
        /// `unreadableDirectory` or `secretCopied`.
        public var kind: String
        /// Where: `Dockerfile:3`, `.dockerignore:2` or a context path.
        public var location: String
        public var message: String
        /// Whether `docker build` fails on it.
        public var failsBuild: Bool
    }

    /// What the `.dockerignore` proposed by `hull ignore` would change.
    public struct Proposal: Codable, Sendable {
        /// The file `hull ignore --write` would write.
        public var path: String
        /// Lines it would add.
        public var addedLines: Int
        /// What the build would send with it.
        public var sends: Size
    }

    /// A sent path, with `--list`.
    public struct Entry: Codable, Sendable, Hashable {
        public var path: String
        /// `file`, `directory`, `symlink`, `fifo`, `socket`, `characterDevice`, `blockDevice`.
        public var kind: String
        public var bytes: Int64
    }

    public var schemaVersion = 1
    public var tool: Tool
    /// The context folder as given.
    public var context: String
    /// The context folder after resolving symlinks.
    public var root: String
    public var dockerfile: DockerfileInfo
    public var ignoreFile: IgnoreFileInfo
    /// What the build sends.
    public var sent: Totals
    /// What it would send without the ignore file; absent when excluded folders were not walked.
    public var withoutIgnoreFile: Totals?
    /// What BuildKit transfers for this Dockerfile; absent without a readable Dockerfile.
    public var transferred: Transfer?
    /// The largest sent top-level folders.
    public var largestFolders: [Place]
    /// Categories of what is sent, largest first.
    public var categories: [Category]
    /// Categories of the whole folder, as if there were no ignore file.
    public var categoriesWithoutIgnoreFile: [Category]?
    public var secrets: Secrets
    /// Every `COPY`/`ADD` source and context mount, in file order.
    public var references: [Reference]
    /// Sent files nothing uses; absent without a readable Dockerfile.
    public var unused: Unused?
    public var warnings: [Warning]
    /// What fails the build, and secrets copied into layers.
    public var problems: [Problem]
    /// Whether `docker build` would fail.
    public var buildFails: Bool
    /// What `hull ignore` would change; absent when it would change nothing.
    public var proposal: Proposal?
    /// Every sent path, with `--list`.
    public var paths: [Entry]?

    /// Whether a likely secret is copied into a layer by a built stage.
    public var copiesSecret: Bool { problems.contains { $0.kind == "secretCopied" } }
}
