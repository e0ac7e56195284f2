import HullCore
import HullDockerfile

/// Estimated sizes of well-known base images and their variants, for the "base image" row of
/// `hull check` when no image is at hand.
///
/// The figures are the unpacked size `docker images` shows for `linux/amd64`, rounded, for the
/// current releases of each image as of ``asOf``. They drift as images are rebuilt; they are an
/// order of magnitude to compare a full image with its slim or alpine variant, not a measurement.
/// Edit the table (and the date) when the images change; nothing else reads sizes.
public enum BaseImageSizes {
    /// When the figures were last reviewed.
    public static let asOf = "2026-11-25"

    /// A flavour of an image, read from its tag.
    public enum Variant: String, Sendable, Codable, CaseIterable {
        /// The default, Debian- or Ubuntu-based image with build tools.
        case full
        /// `-slim`: the same distribution with fewer packages.
        case slim
        /// `-alpine`: built on Alpine Linux (musl).
        case alpine
        /// A Java runtime-only image (`-jre`).
        case jre
    }

    /// One image's estimated sizes, in bytes, per variant.
    public struct Entry: Sendable {
        /// Familiar names the entry covers (`node`, `library/node`).
        public var names: [String]
        /// Sizes per variant; a variant the image does not publish is absent.
        public var sizes: [Variant: Int64]
    }

    /// An estimate for one reference.
    public struct Estimate: Sendable, Hashable, Codable {
        /// The image, as matched (`node`).
        public var image: String
        /// The variant read from the tag.
        public var variant: String
        /// The estimated unpacked size.
        public var bytes: Int64
        /// The date of the table.
        public var asOf: String
    }

    private static let megabyte: Int64 = 1_000_000

    /// The table.
    public static let entries: [Entry] = [
        Entry(names: ["node"], sizes: [.full: 1_100, .slim: 200, .alpine: 135]),
        Entry(names: ["python"], sizes: [.full: 1_020, .slim: 125, .alpine: 55]),
        Entry(names: ["golang"], sizes: [.full: 850, .alpine: 260]),
        Entry(names: ["ruby"], sizes: [.full: 1_000, .slim: 220, .alpine: 95]),
        Entry(names: ["php"], sizes: [.full: 500, .alpine: 110]),
        Entry(names: ["rust"], sizes: [.full: 1_500, .slim: 800, .alpine: 850]),
        Entry(names: ["swift"], sizes: [.full: 2_700, .slim: 200]),
        Entry(names: ["openjdk", "eclipse-temurin", "amazoncorretto"], sizes: [.full: 470, .jre: 270, .alpine: 190]),
        Entry(names: ["maven"], sizes: [.full: 560, .alpine: 340]),
        Entry(names: ["gradle"], sizes: [.full: 720, .alpine: 520]),
        Entry(names: ["nginx"], sizes: [.full: 190, .alpine: 50]),
        Entry(names: ["httpd"], sizes: [.full: 150, .alpine: 60]),
        Entry(names: ["debian"], sizes: [.full: 117, .slim: 75]),
        Entry(names: ["ubuntu"], sizes: [.full: 78]),
        Entry(names: ["alpine"], sizes: [.full: 8, .alpine: 8]),
        Entry(names: ["busybox"], sizes: [.full: 4]),
        Entry(names: ["gcr.io/distroless/static", "gcr.io/distroless/static-debian12"], sizes: [.full: 2]),
        Entry(names: ["gcr.io/distroless/base", "gcr.io/distroless/base-debian12", "gcr.io/distroless/base-nossl-debian12"], sizes: [.full: 21]),
        Entry(names: ["gcr.io/distroless/cc", "gcr.io/distroless/cc-debian12"], sizes: [.full: 24]),
        Entry(names: ["gcr.io/distroless/nodejs20-debian12", "gcr.io/distroless/nodejs22-debian12", "gcr.io/distroless/nodejs20", "gcr.io/distroless/nodejs22"], sizes: [.full: 130]),
        Entry(names: ["gcr.io/distroless/python3", "gcr.io/distroless/python3-debian12"], sizes: [.full: 55]),
        Entry(names: ["gcr.io/distroless/java17-debian12", "gcr.io/distroless/java21-debian12"], sizes: [.full: 230]),
    ].map { entry in
        Entry(names: entry.names, sizes: entry.sizes.mapValues { $0 * megabyte })
    }

    /// The estimate for `reference`, or nil when the image is not in the table. `scratch` is 0.
    public static func estimate(for reference: ImageReference) -> Estimate? {
        let name = reference.familiarName
        guard let entry = entries.first(where: { $0.names.contains(name) }) else { return nil }
        let variant = variant(of: reference.tag ?? "latest", image: name)
        guard let bytes = entry.sizes[variant] ?? entry.sizes[.full] else { return nil }
        return Estimate(image: name, variant: entry.sizes[variant] == nil ? Variant.full.rawValue : variant.rawValue, bytes: bytes, asOf: asOf)
    }

    /// The variant a tag names: `20-alpine3.20` → alpine, `3.12-slim-bookworm` → slim, `21-jre` → jre.
    static func variant(of tag: String, image: String) -> Variant {
        let words = tag.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
        if image == "alpine" || words.contains(where: { $0.hasPrefix("alpine") }) { return .alpine }
        if words.contains(where: { $0 == "slim" || $0.hasPrefix("slim") }) { return .slim }
        if words.contains("jre") { return .jre }
        return .full
    }
}
