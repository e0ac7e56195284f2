/// What `hull check` found: for each Dockerfile, the before/after table (now, and after
/// `hull fix --unsafe-fixes` with the `.dockerignore` `hull ignore` would write, both computed
/// in memory), the findings by theme and the command that applies the fixes.
///
/// The JSON form is this type encoded with sorted keys; `Docs/check-output.md` describes it and
/// `Docs/schemas/check-v1.schema.json` pins it. New rows (image, vulnerabilities) are added as
/// optional members of ``Snapshot``, so version 1 readers keep working.
public struct CheckReport: Codable, Sendable {
    /// The tool.
    public struct Tool: Codable, Sendable, Hashable {
        public var name: String
        public var version: String
    }

    /// A file and byte count.
    public struct Size: Codable, Sendable, Hashable {
        public var files: Int
        public var bytes: Int64
    }

    /// The "build context" row.
    public struct ContextRow: Codable, Sendable, Hashable {
        /// What `docker build` sends.
        public var sent: Size
        /// The ignore file in force (on disk now; proposed after), if any.
        public var ignoreFile: String?
        /// Whether that ignore file is the one `hull ignore` would write rather than the file on disk.
        public var ignoreFileProposed: Bool
    }

    /// One build step in the "rebuild" row.
    public struct Step: Codable, Sendable, Hashable {
        public var line: Int
        public var keyword: String
        /// The instruction on one line.
        public var text: String
        /// Whether the step installs dependencies.
        public var installsDependencies: Bool
    }

    /// The "rebuild on a source change" row.
    public struct RebuildRow: Codable, Sendable, Hashable {
        /// The source file whose edit is modelled, relative to the context.
        public var changedFile: String
        /// The build steps of the built stages (FROM and metadata instructions not counted).
        public var steps: Int
        /// The steps that run again.
        public var rebuilt: [Step]
        /// The dependency installs of the built stages (`npm ci`), empty when there is none.
        public var installs: [String]
        /// Whether an install is among the steps that run again.
        public var reinstalls: Bool
    }

    /// The "running user" row.
    public struct UserRow: Codable, Sendable, Hashable {
        /// `root`, the user name, or `unknown`.
        public var name: String
        public var isRoot: Bool
        /// Where the answer comes from.
        public var reason: String
    }

    /// A secret that ends up in the image.
    public struct Secret: Codable, Sendable, Hashable {
        /// `env` or `arg` (a Dockerfile variable), or `file` (a context file a COPY or ADD puts in a layer).
        public var kind: String
        /// `Dockerfile:4` for variables; the context path for files.
        public var location: String
        public var message: String
    }

    /// The "base image" row.
    public struct BaseImageRow: Codable, Sendable, Hashable {
        /// The reference as written after expansion (`node:20`), `scratch`, or nil when unknown.
        public var reference: String?
        /// The estimate from ``BaseImageSizes``, when the image is in the table.
        public var estimate: BaseImageSizes.Estimate?
    }

    /// One column of the table.
    public struct Snapshot: Codable, Sendable, Hashable {
        public var context: ContextRow?
        public var rebuild: RebuildRow?
        public var user: UserRow
        public var secrets: [Secret]
        public var baseImage: BaseImageRow
        /// Findings per severity (`error`, `warning`, `info`, `style`; zero counts included).
        public var findings: [String: Int]
        /// The image rows, measured in the archive `--image` names (the "now" column only).
        public var image: ImageRow?
    }

    /// A secret `hull image` found in an image: in a layer's file, the config's ENV or labels, or the history.
    public struct ImageSecret: Codable, Sendable, Hashable {
        /// `file`, `env`, `label` or `history`.
        public var place: String
        /// The file path, or the variable, label or build-argument name.
        public var name: String
        /// What kind of secret it looks like (`private-key`, `password`, …).
        public var kind: String
        /// The layer holding the file, for files.
        public var layer: Int?
        /// Whether a later layer deletes or replaces the file (it is still in the image).
        public var deletedLater: Bool
    }

    /// The image rows: what `hull image` measures in an image archive.
    public struct ImageRow: Codable, Sendable, Hashable {
        /// The archive or layout folder, as given.
        public var archive: String
        /// How it is stored, as `hull image` names it (`docker-archive`, `oci-archive`, `oci-layout`, …).
        public var format: String
        /// `os/arch[/variant]` of the image read, when known.
        public var platform: String?
        /// The sum of the layers' file sizes (unpacked, as `docker images` counts them).
        public var bytes: Int64
        /// The layers as stored in the archive (compressed when compressed).
        public var storedBytes: Int64
        /// How many layers.
        public var layers: Int
        /// The user the image config runs as (an empty `User` is root).
        public var user: UserRow
        /// Secrets in the layers' files, ENV, labels and history.
        public var secrets: [ImageSecret]
        /// dive's wasted bytes: files stored in more than one layer, or deleted later.
        public var wastedBytes: Int64
        /// dive's efficiency, 0–1.
        public var efficiency: Double
        /// The image findings (IM rules) per severity (`error`, `warning`, `info`, `style`; zero counts included).
        public var findings: [String: Int]
    }

    /// A finding in the "by theme" list.
    public struct Finding: Codable, Sendable, Hashable {
        public var code: String
        public var name: String
        public var severity: String
        /// `cache`, `size`, `security`, `correctness` or `maintenance`.
        public var theme: String
        public var line: Int?
        public var column: Int?
        /// A context path, for findings about the build context.
        public var path: String?
        public var message: String
        /// `safe`, `unsafe` or `displayOnly` when the finding has a fix.
        public var fix: String?
    }

    /// What the fixes change and the command that applies them.
    public struct FixPlan: Codable, Sendable, Hashable {
        /// Whether `hull fix --unsafe-fixes` changes the Dockerfile.
        public var dockerfileChanges: Bool
        /// How many fixes apply.
        public var fixesApplied: Int
        /// The ignore file `hull ignore --write` would write or extend, when it would change.
        public var ignoreFile: String?
        /// Lines it would add.
        public var ignoreLinesAdded: Int
        /// The command that applies both; nil when nothing would change.
        public var command: String?
        /// Why the fixed Dockerfile was not used, when a fix was refused.
        public var refusal: String?
    }

    /// One Dockerfile's result.
    public struct Result: Codable, Sendable {
        public var dockerfile: String
        /// The build context folder (the Dockerfile's folder).
        public var context: String
        public var now: Snapshot
        public var afterFix: Snapshot
        public var fix: FixPlan
        /// The findings now, in file order.
        public var findings: [Finding]
        /// Whether a finding reaches the failure level.
        public var failed: Bool
    }

    /// A Dockerfile Hull could not check.
    public struct Failure: Codable, Sendable, Hashable {
        public var path: String
        public var message: String
    }

    public var schemaVersion = 1
    public var tool: Tool
    public var results: [Result]
    public var failures: [Failure]

    /// Whether some result reaches the failure level.
    public var failed: Bool { results.contains(where: \.failed) }
}
