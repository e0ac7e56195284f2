import HullCore
import HullDockerfile

/// Docker Hub official images that publish smaller variants of themselves, and how their tags
/// spell those variants.
///
/// The tag schemes were last reviewed on 2026-11-25 against the tag lists the images publish
/// (docker-library/official-images `library/<name>`). When an image changes its scheme, edit
/// its entry here; the rule reads nothing else.
enum SlimBaseImages {
    /// How one image names its smaller variants.
    struct Entry: Sendable {
        /// The familiar names (`node`, `eclipse-temurin`).
        var names: Set<String>
        /// The smaller variants the image publishes, preferred first.
        var variants: [Variant]
        /// Tag words that name a flavour of the image kept in a suggestion (`fpm` in `8.3-fpm`).
        var kept: Set<String> = []
        /// Tag words that name the full flavour and are dropped in a suggestion (`jdk`, `al2023`).
        var dropped: Set<String> = []
        /// Tag words that already name a small image (besides `alpine…` and `slim…`).
        var small: Set<String> = []
        /// Tag words for which no smaller variant exists (`apache` for `php`).
        var withoutSmallVariant: Set<String> = []
        /// Words that stand for a version (`lts`, release code names).
        var versionWords: Set<String> = []
        /// Whether a suggestion needs a version in the tag (there is no bare `alpine` tag).
        var needsVersion = false
        /// The slim tag to suggest when the tag has no version (`stable-slim` for `debian`).
        var bareSlimTag = "slim"
        /// Whether the image is a compiler toolchain, so a multi-stage build is the real cure.
        var isToolchain = false
        /// Whether the image is a build tool (Maven, Gradle) that should not be the runtime at all.
        var isBuildTool = false
    }

    /// A smaller variant and how its tag is spelled.
    enum Variant: Sendable, Equatable {
        /// `-alpine`, after the version and kept words; the distribution code name is dropped.
        case alpine
        /// `slim` right after the version (`3.12-slim-bookworm`).
        case slimAfterVersion
        /// `slim` before the distribution code name (`17-jdk-slim-bullseye`).
        case slimBeforeCodename
        /// `-slim` at the end of the tag (`20-bookworm-slim`, `bookworm-slim`).
        case slimAtEnd
        /// `jre` in place of `jdk` (`21-jre-noble`).
        case runtimeOnly

        /// Whether the variant keeps the Debian or Ubuntu userland (so `apt-get` still works).
        var keepsDistribution: Bool { self != .alpine }
    }

    /// Node.js release code names used as tags.
    static let nodeCodenames: Set<String> = ["argon", "boron", "carbon", "dubnium", "erbium", "fermium", "gallium", "hydrogen", "iron", "jod", "krypton", "lithium"]

    /// Debian and Ubuntu release code names (and Red Hat UBI) used as tag words.
    static let distributionWords: Set<String> = [
        "jessie", "stretch", "buster", "bullseye", "bookworm", "trixie", "forky", "duke",
        "bionic", "focal", "jammy", "noble", "oracular", "plucky", "questing",
        "ubi8", "ubi9", "ubi10",
    ]

    /// The table.
    static let entries: [Entry] = [
        Entry(names: ["node"], variants: [.alpine, .slimAtEnd], versionWords: nodeCodenames.union(["lts", "current"])),
        Entry(names: ["python"], variants: [.slimAfterVersion, .alpine], versionWords: ["rc"]),
        Entry(names: ["ruby"], variants: [.slimAfterVersion, .alpine]),
        Entry(names: ["perl"], variants: [.slimAfterVersion], kept: ["threaded"]),
        Entry(names: ["rust"], variants: [.slimAfterVersion, .alpine], isToolchain: true),
        Entry(names: ["golang"], variants: [.alpine], isToolchain: true),
        Entry(names: ["php"], variants: [.alpine], kept: ["cli", "fpm", "zts"], withoutSmallVariant: ["apache"]),
        Entry(names: ["openjdk"], variants: [.slimBeforeCodename], kept: ["jdk", "jre"], versionWords: ["ea"], needsVersion: true),
        Entry(names: ["eclipse-temurin"], variants: [.runtimeOnly], dropped: ["jdk"], small: ["jre", "minimal"], needsVersion: true),
        Entry(names: ["amazoncorretto"], variants: [.alpine], dropped: ["jdk", "al2", "al2023", "headful"], small: ["headless"], needsVersion: true),
        Entry(names: ["maven", "gradle"], variants: [], isBuildTool: true),
        Entry(names: ["debian"], variants: [.slimAtEnd], versionWords: ["stable", "oldstable", "oldoldstable", "testing", "unstable", "sid", "experimental"],
              bareSlimTag: "stable-slim"),
    ]

    /// What the rule needs to know about a full-size base image.
    struct Finding: Sendable {
        /// The table entry.
        var entry: Entry
        /// Smaller tags of the same image, preferred first (empty for build tools).
        var suggestions: [(variant: Variant, tag: String)]
    }

    /// The finding for `reference` when it names the full variant of an image in the table;
    /// nil when it already names a small variant, is not in the table, or has a tag this table
    /// does not understand.
    static func finding(for reference: ImageReference) -> Finding? {
        guard reference.isOfficialImage, let entry = entries.first(where: { $0.names.contains(reference.familiarName) }) else { return nil }
        let tag = reference.tag == "latest" ? "" : (reference.tag ?? "")
        let words = tag.isEmpty ? [] : tag.lowercased().split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        if words.contains(where: { $0.hasPrefix("alpine") || $0.hasPrefix("slim") || entry.small.contains($0) || ["distroless", "chainguard"].contains($0) }) { return nil }
        if words.contains(where: { $0.hasPrefix("windowsservercore") || $0.hasPrefix("nanoserver") || entry.withoutSmallVariant.contains($0) }) { return nil }
        if entry.isBuildTool { return Finding(entry: entry, suggestions: []) }

        var version: [String] = []
        var kept: [String] = []
        var codename: String?
        for word in words {
            if word.first?.isNumber == true || entry.versionWords.contains(word) {
                version.append(word)
            } else if distributionWords.contains(word), codename == nil {
                codename = word
            } else if entry.kept.contains(word) {
                kept.append(word)
            } else if !entry.dropped.contains(word) {
                return nil
            }
        }
        if entry.needsVersion && version.isEmpty { return nil }

        var suggestions: [(variant: Variant, tag: String)] = []
        for variant in entry.variants {
            let parts: [String]
            switch variant {
            case .alpine: parts = version + kept + ["alpine"]
            case .slimAfterVersion: parts = version + ["slim"] + kept + (codename.map { [$0] } ?? [])
            case .slimBeforeCodename: parts = version + kept + ["slim"] + (codename.map { [$0] } ?? [])
            case .runtimeOnly: parts = version + ["jre"] + (codename.map { [$0] } ?? [])
            case .slimAtEnd:
                let written = words.filter { !entry.dropped.contains($0) }
                parts = written.isEmpty ? [entry.bareSlimTag] : written + ["slim"]
            }
            suggestions.append((variant, parts.joined(separator: "-")))
        }
        // A tag that names a distribution release asks to stay on it: keep the slim variant first.
        if codename != nil, let index = suggestions.firstIndex(where: { $0.variant.keepsDistribution }), index > 0 {
            suggestions.insert(suggestions.remove(at: index), at: 0)
        }
        return Finding(entry: entry, suggestions: suggestions)
    }

    /// The Java feature release a build-tool tag names (`21` in `3.9-eclipse-temurin-21`,
    /// `8.10-jdk21`), if any.
    static func javaRelease(inTag tag: String) -> String? {
        let words = tag.lowercased().split(separator: "-").map(String.init)
        for (index, word) in words.enumerated() {
            if word.hasPrefix("jdk"), word.count > 3, word.dropFirst(3).allSatisfy(\.isNumber) { return String(word.dropFirst(3)) }
            if ["temurin", "corretto", "amazoncorretto", "sapmachine", "semeru", "graal"].contains(word), index + 1 < words.count,
               words[index + 1].allSatisfy(\.isNumber) {
                return words[index + 1]
            }
        }
        return nil
    }
}
