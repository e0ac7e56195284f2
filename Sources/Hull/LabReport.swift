/// What `hull lab` measured: real builds of one or two Dockerfiles with the same context.
///
/// The JSON form (`hull lab --format json`) is this type encoded with sorted keys;
/// `schemaVersion` changes when a field changes meaning or disappears.
public struct LabReport: Codable, Sendable {
    /// The engine that built.
    public struct Engine: Codable, Sendable, Hashable {
        /// `docker`, `podman` or `buildah`.
        public var kind: String
        /// Its version.
        public var version: String
    }

    /// One Dockerfile's figures.
    public struct Variant: Codable, Sendable {
        /// `Dockerfile`, `against` or `fixed`: which input this is.
        public var role: String
        /// The Dockerfile, as given (the temporary file for `fixed`).
        public var dockerfile: String
        /// Median seconds of a cold build (`--no-cache`).
        public var coldSeconds: Double
        /// Median seconds of a rebuild with nothing changed.
        public var noChangeSeconds: Double
        /// Median seconds of a rebuild after the one-file edit.
        public var touchedSeconds: Double
        /// Build steps (RUN, COPY, ADD, WORKDIR) the engine reported.
        public var steps: Int
        /// Steps the engine ran in the rebuild with nothing changed.
        public var stepsRunNoChange: Int
        /// Steps the engine ran again after the one-file edit.
        public var stepsRunAfterTouch: Int
        /// The image's size in bytes: the files its layers hold, read from the saved image.
        public var imageBytes: Int64
        /// The image's layer count.
        public var layers: Int
        /// The user the container runs as (empty: root).
        public var user: String
        /// Whether that is root.
        public var runsAsRoot: Bool
        /// Files and bytes the build sends (after the ignore file that applies to this Dockerfile).
        public var contextFiles: Int
        /// Bytes of those files.
        public var contextBytes: Int64
        /// Steps where `hull cache`'s prediction and the engine disagreed, in the no-change and
        /// the one-file rebuilds.
        public var disagreements: [CacheComparison.Row]
        /// Steps predicted REBUILT unless copied files come out identical, which the engine reused.
        public var reusedIdenticalContent: [CacheComparison.Row]
        /// podman and buildah: steps predicted CACHED that ran because the engine had gone on from
        /// an older identical image that the lab did not build (``CacheComparison/Row/olderImage``).
        public var olderImageReruns: [CacheComparison.Row]
        /// Steps compared with the prediction.
        public var comparedSteps: Int
        /// Packages in the image's final file system (the inventory `hull sbom` takes).
        public var packages: Int?
        /// Known vulnerabilities by severity; nil when no advisory database was found.
        public var vulnerabilities: ScanReport.Counts?
    }

    /// The schema version of the JSON form.
    public var schemaVersion = 1
    /// The engine.
    public var engine: Engine
    /// The build context folder (as given).
    public var context: String
    /// The file edited for the one-file rebuild, relative to the context.
    public var touchedFile: String
    /// How many times each build was timed.
    public var runs: Int
    /// The Dockerfile first, then the one it is compared with.
    public var variants: [Variant]
    /// The advisory database the vulnerability counts come from; nil when none was found.
    public var advisoryDatabase: String?
}
