// swift-tools-version:6.1
import PackageDescription

// A libFuzzer target for the Dockerfile parser, kept out of the main package so that
// `swift build` and `swift test` there never see sanitizer flags. Build and run it with
// `scripts/fuzz`.
let package = Package(
    name: "HullFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Hull", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "DockerfileFuzzer",
            dependencies: [
                .product(name: "HullCore", package: "Hull"),
                .product(name: "HullDockerfile", package: "Hull"),
            ]
        ),
    ]
)
