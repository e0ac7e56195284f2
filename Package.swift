// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Hull",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "hull", targets: ["hull"]),
        .library(name: "Hull", targets: ["Hull"]),
        .library(name: "HullCore", targets: ["HullCore"]),
        .library(name: "HullDockerfile", targets: ["HullDockerfile"]),
        .library(name: "HullReport", targets: ["HullReport"]),
        .library(name: "HullShell", targets: ["HullShell"]),
        .library(name: "HullContext", targets: ["HullContext"]),
        .library(name: "HullCache", targets: ["HullCache"]),
        .library(name: "HullLint", targets: ["HullLint"]),
        .library(name: "HullRules", targets: ["HullRules"]),
        .library(name: "HullArchive", targets: ["HullArchive"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .target(name: "HullCore"),
        .target(name: "HullDockerfile", dependencies: ["HullCore"]),
        .target(name: "HullReport", dependencies: ["HullCore"]),
        .target(name: "HullShell", dependencies: ["HullCore"]),
        .target(name: "HullContext", dependencies: ["HullCore"]),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "HullArchive", dependencies: ["HullCore", "CZlib"]),
        .target(name: "HullCache", dependencies: ["HullCore", "HullDockerfile", "HullContext"]),
        .target(name: "HullLint", dependencies: ["HullCore", "HullDockerfile", "HullShell", .product(name: "Yams", package: "Yams")]),
        .target(name: "HullRules", dependencies: ["HullCore", "HullDockerfile", "HullShell", "HullLint"]),
        .target(name: "Hull", dependencies: ["HullCore", "HullDockerfile", "HullContext", "HullCache", "HullReport", "HullLint", "HullRules"]),
        .executableTarget(
            name: "hull",
            dependencies: ["Hull", "HullCore", "HullDockerfile", "HullCache", "HullReport", "HullLint", "HullRules", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .target(name: "HullTestSupport", dependencies: ["HullCore"]),
        .testTarget(name: "HullCoreTests", dependencies: ["HullCore", "HullTestSupport"]),
        .testTarget(name: "HullDockerfileTests", dependencies: ["HullDockerfile", "HullTestSupport"]),
        .testTarget(name: "HullReportTests", dependencies: ["HullReport", "HullTestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "HullContextTests", dependencies: ["HullContext", "HullTestSupport"]),
        .testTarget(name: "HullCacheTests", dependencies: ["HullCache", "HullContext", "HullDockerfile", "HullTestSupport"]),
        .testTarget(name: "HullArchiveTests", dependencies: ["HullArchive", "HullTestSupport"]),
        .testTarget(name: "HullShellTests", dependencies: ["HullShell", "HullTestSupport"]),
        .testTarget(name: "HullLintTests", dependencies: ["Hull", "HullLint", "HullRules", "HullTestSupport"]),
        .testTarget(name: "HullCLITests", dependencies: ["Hull", "HullTestSupport"]),
        .testTarget(name: "HullEngineTests", dependencies: ["Hull", "HullCache", "HullDockerfile", "HullTestSupport"]),
    ]
)
