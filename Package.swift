// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Hull",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "HullCore", targets: ["HullCore"]),
        .library(name: "HullDockerfile", targets: ["HullDockerfile"]),
        .library(name: "HullContext", targets: ["HullContext"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .target(name: "HullCore"),
        .target(name: "HullDockerfile", dependencies: ["HullCore"]),
        .target(name: "HullContext", dependencies: ["HullCore"]),
        .target(name: "HullTestSupport", dependencies: ["HullCore"]),
        .testTarget(name: "HullCoreTests", dependencies: ["HullCore", "HullTestSupport"]),
        .testTarget(name: "HullDockerfileTests", dependencies: ["HullDockerfile", "HullTestSupport"]),
        .testTarget(name: "HullContextTests", dependencies: ["HullContext", "HullTestSupport"]),
    ]
)
