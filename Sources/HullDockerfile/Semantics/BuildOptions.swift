/// What the build is asked for: build arguments, target stage and platform.
public struct BuildOptions: Sendable, Hashable {
    /// `--build-arg NAME=VALUE` values.
    public var buildArgs: [String: String]
    /// `--target`: the stage to build; nil for the last.
    public var target: String?
    /// The target platform, `os/arch[/variant]`.
    public var platform: String
    /// The platform of the machine building.
    public var buildPlatform: String

    /// Creates options; the platforms default to `linux/amd64`.
    public init(buildArgs: [String: String] = [:], target: String? = nil, platform: String = "linux/amd64", buildPlatform: String = "linux/amd64") {
        self.buildArgs = buildArgs
        self.target = target
        self.platform = platform
        self.buildPlatform = buildPlatform
    }

    /// The platform ARGs BuildKit defines in the global scope (`TARGETPLATFORM`, `BUILDOS`, …).
    public var platformArgs: [(String, String)] {
        func split(_ platform: String) -> (String, String, String) {
            // Byte-wise, as Go's strings.Split: a Character split costs grapheme breaking.
            let parts = platform.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
            func part(_ index: Int) -> String { index < parts.count ? String(decoding: parts[index], as: UTF8.self) : "" }
            return (part(0), part(1), part(2))
        }
        let (os, arch, variant) = split(platform)
        let (buildOS, buildArch, buildVariant) = split(buildPlatform)
        return [
            ("BUILDPLATFORM", buildPlatform), ("BUILDOS", buildOS), ("BUILDARCH", buildArch), ("BUILDVARIANT", buildVariant),
            ("TARGETPLATFORM", platform), ("TARGETOS", os), ("TARGETARCH", arch), ("TARGETVARIANT", variant),
        ]
    }

    /// Names BuildKit predefines: the platform ARGs, the proxy variables (passed to RUN
    /// without a declaration) and BuildKit's own knobs.
    public static let predefinedArgNames: Set<String> = [
        "BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT", "TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT",
        "TARGETSTAGE", "HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "FTP_PROXY", "ftp_proxy", "NO_PROXY", "no_proxy",
        "ALL_PROXY", "all_proxy", "BUILDKIT_CACHE_MOUNT_NS", "BUILDKIT_CONTEXT_KEEP_GIT_DIR", "BUILDKIT_INLINE_CACHE",
        "BUILDKIT_MULTI_PLATFORM", "BUILDKIT_SANDBOX_HOSTNAME", "BUILDKIT_SYNTAX", "SOURCE_DATE_EPOCH",
    ]
}
