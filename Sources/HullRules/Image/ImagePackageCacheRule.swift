import HullCore
import HullImage
import HullLint

/// Package-manager caches are left in the image.
public struct ImagePackageCacheRule: ImageRule {
    public static let description = RuleDescription(
        code: "IM016", name: "image-package-cache",
        summary: "Package-manager caches are left in the image (apt lists and archives, apk cache, pip and npm caches).",
        rationale: """
        Package indexes and downloaded archives are needed only while installing; left in the image they \
        add megabytes to every pull. Clean them in the same step that fills them, or use a cache mount \
        (`RUN --mount=type=cache,target=/var/cache/apt`). The history line that made the cache's layer \
        names the package manager, and so the Dockerfile rule that flags the step; without history, the \
        cache's kind does.
        """,
        category: .size, defaultSeverity: .warning,
        imageExamples: [
            .passing(ExampleImage([.layer("ADD rootfs.tar /"), .layer("RUN /bin/sh -c apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*",
                                                                      [.directory("var/lib/apt/lists"), .file("var/lib/apt/lists/lock")])], config: .init(user: "app"))),
            .failing(ExampleImage([.layer("ADD rootfs.tar /"), .layer("RUN /bin/sh -c apt-get update && apt-get install -y curl",
                                                                      [.directory("var/lib/apt/lists"), .file("var/lib/apt/lists/deb.debian.org_dists_bookworm_InRelease", size: 4096)])],
                                  config: .init(user: "app")), [.path("/var/lib/apt/lists")], note: "SH005 (apt-lists-not-removed) flags this: history line 1"),
            .failing(ExampleImage([.layer("ADD rootfs.tar /"), .layer("RUN /bin/sh -c pip install flask",
                                                                      [.directory("root/.cache/pip"), .file("root/.cache/pip/http/a/b", size: 2048)])],
                                  config: .init(user: "app")), [.path("/root/.cache/pip")], note: "SH007 (pip-install-with-cache) flags this: history line 1"),
            .failing(ExampleImage([.layer("ADD rootfs.tar /"), .layer("RUN /bin/sh -c apk add curl", [.directory("var/cache/apk"), .file("var/cache/apk/APKINDEX.tar.gz", size: 1024)])],
                                  config: .init(user: "app"), recordsHistory: false), [.path("/var/cache/apk")], note: "SH006 (apk-add-without-no-cache) flags this"),
        ])

    public init() {}

    public func check(_ input: AnalyzedImage, _ sink: inout ImageDiagnosticSink) {
        for cache in input.analysis.packageCaches {
            sink.report("\(cache.kind) left at `\(cache.path)`: \(cache.files) files, \(Self.grouped(cache.bytes)) bytes",
                        layer: cache.layer, path: cache.path, counterpart: Self.counterpart(cache, in: input))
        }
    }

    /// The Dockerfile rule for the step that made the cache's layer, read from its history line;
    /// the usual one for the cache's kind when the image has no history for the layer.
    static func counterpart(_ cache: ImageAnalysis.PackageCache, in input: AnalyzedImage) -> DockerfileCounterpart? {
        guard let line = input.historyLine(making: cache.layer) else {
            return ImageHistory.cacheRule(forRun: Self.usualCommand[cache.kind] ?? "", cacheKind: cache.kind).map { DockerfileCounterpart($0) }
        }
        guard let command = ImageHistory.runCommand(line.createdBy), let rule = ImageHistory.cacheRule(forRun: command, cacheKind: cache.kind) else { return nil }
        return DockerfileCounterpart(rule, evidence: "history line \(line.index) (`RUN \(String(command.prefix(120)))`) made layer \(cache.layer)")
    }

    /// The command that usually leaves each kind of cache, for images without history.
    static let usualCommand = ["apt-lists": "apt-get ", "apt-archives": "apt-get ", "apt-cache": "apt-get ", "apk-cache": "apk ",
                               "pip-cache": "pip ", "yum-cache": "yum ", "dnf-cache": "dnf ", "yarn-cache": "yarn "]

    static func grouped(_ bytes: Int64) -> String { ByteCount.grouped(Int(bytes)) }
}
