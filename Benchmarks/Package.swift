// swift-tools-version:6.1
import PackageDescription

// Benchmarks against peer tools, kept out of the main package so that `swift build` and
// `swift test` there never build or time them. Run them with `Benchmarks/parse-corpus`.
let package = Package(
    name: "HullBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Hull", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "ParseCorpusBenchmark",
            dependencies: [
                .product(name: "HullCore", package: "Hull"),
                .product(name: "HullDockerfile", package: "Hull"),
            ]
        ),
    ]
)
