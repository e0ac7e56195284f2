import Foundation
import HullCore
import HullImage
import HullOCI
import HullTestSupport
import HullVulnerability
import Testing

/// `ImageSource.open(reference:)` against real registries on loopback: the engine's
/// docker-registry at 127.0.0.1:5000 (anonymous), a docker-registry started here with
/// htpasswd (Basic), and a token service written here that fronts the engine's registry
/// (Bearer), which also answers one 503, and redirects blobs to another host name.
@Suite("Images read from registries", .serialized, .enabled(if: EngineEnvironment.isAvailable, Comment(rawValue: EngineEnvironment.missingMessage)))
struct RegistryTests {
    static let dockerfile = """
    FROM localhost/busybox:base
    RUN mkdir -p /app && echo hello > /app/a && dd if=/dev/zero of=/app/big.bin bs=1024 count=1536 2>/dev/null
    RUN rm /app/big.bin && echo "API_KEY=sk_live_0123456789abcdefghijkl" > /app/.env
    USER 1000
    """

    struct Fixture {
        var folder: String
        var registry: String
        var repository: String
    }

    /// Removes the fixture folders of earlier test processes that have exited (the test run
    /// has no hook after its last test, so each run clears what the previous ones left).
    static func removeStaleFixtures(in temporary: String) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? [] where name.hasPrefix("hull-registry-") {
            let parts = name.split(separator: "-")
            guard parts.count > 3, let pid = Int32(parts[2]), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: temporary + "/" + name)
        }
    }

    /// Builds one image, saves it as a docker archive and pushes it (docker schema 2) and a
    /// two-platform index to the engine's registry.
    static let fixture: Result<Fixture, Error> = {
        do {
            let environment = EngineEnvironment.variables ?? [:]
            let registry = environment["ENGINE_REGISTRY"].flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1:5000"
            let temporary = FileManager.default.temporaryDirectory
            removeStaleFixtures(in: temporary.path)
            let folder = temporary.appendingPathComponent("hull-registry-\(getpid())-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder + "/ctx", withIntermediateDirectories: true)
            try dockerfile.write(toFile: folder + "/ctx/Dockerfile", atomically: true, encoding: .utf8)
            let id = UUID().uuidString.prefix(8).lowercased()
            let repository = "registry-\(id)"
            let script = """
            set -e
            curl -sf -o /dev/null http://\(registry)/v2/ || { echo "no registry answers at \(registry)" >&2; exit 3; }
            podman build -q --format docker -t localhost/\(repository):v1 ctx >/dev/null
            podman save -q --format docker-archive -o image.tar localhost/\(repository):v1
            podman push -q --tls-verify=false localhost/\(repository):v1 docker://\(registry)/\(repository):v1
            echo amd64 > amd64.txt; echo arm64 > arm64.txt
            for arch in amd64 arm64; do
              c=$(buildah from scratch)
              buildah copy -q "$c" $arch.txt /arch.txt >/dev/null
              buildah config --os linux --arch $arch "$c"
              buildah commit -q --format oci "$c" localhost/\(repository):$arch >/dev/null
              buildah rm "$c" >/dev/null
            done
            buildah manifest create localhost/\(repository):list >/dev/null
            buildah manifest add localhost/\(repository):list containers-storage:localhost/\(repository):amd64 >/dev/null
            buildah manifest add --arch arm64 --variant v8 localhost/\(repository):list containers-storage:localhost/\(repository):arm64 >/dev/null
            buildah manifest push -q --all --tls-verify=false localhost/\(repository):list docker://\(registry)/\(repository):list
            buildah manifest rm localhost/\(repository):list >/dev/null 2>&1 || true
            podman rmi -f localhost/\(repository):v1 localhost/\(repository):amd64 localhost/\(repository):arm64 >/dev/null 2>&1 || true
            """
            let result = try EngineEnvironment.run(script, directory: folder)
            guard result.status == 0 else { return .failure(SharedDataError.missing("registry fixture failed: \(String(decoding: result.stderr, as: UTF8.self))")) }
            return .success(Fixture(folder: folder, registry: registry, repository: repository))
        } catch {
            return .failure(error)
        }
    }()

    static func reference(_ text: String) throws -> ImageReference { try ImageReference.parse(text) }

    static func message(_ body: () throws -> Void) -> String? {
        do { try body() } catch { return String(describing: error) }
        return nil
    }

    @Test("a pushed image gives the same figures as its docker archive")
    func sameFigures() throws {
        let fixture = try Self.fixture.get()
        let reference = try Self.reference("\(fixture.registry)/\(fixture.repository):v1")
        let remote = try ImageSource.open(reference: reference)
        let local = try ImageSource.open(path: fixture.folder + "/image.tar")
        #expect(remote.format == .registry)
        #expect(remote.configDigest == local.configDigest)
        #expect(remote.layers.map(\.diffID) == local.layers.map(\.diffID))
        #expect(remote.layers.allSatisfy { $0.mediaType == MediaType.dockerLayerGzip })
        let a = try ImageAnalyzer().analyze(remote)
        let b = try ImageAnalyzer().analyze(local)
        #expect(a.layers.count == b.layers.count)
        #expect(a.layers.count >= 3)
        #expect(a.layers.map(\.size) == b.layers.map(\.size))
        #expect(a.layers.map(\.files) == b.layers.map(\.files))
        #expect(a.layers.map(\.entries) == b.layers.map(\.entries))
        #expect(a.layers.map(\.tarSize) == b.layers.map(\.tarSize))
        #expect(a.layers.map(\.hiddenBytes) == b.layers.map(\.hiddenBytes))
        #expect(a.layers.allSatisfy { $0.compression == "gzip" })
        #expect(a.dive.efficiency == b.dive.efficiency)
        #expect(a.dive.wastedBytes == b.dive.wastedBytes)
        #expect(a.dive.wastedBytes >= 1536 * 1024)
        #expect(a.secrets.map(\.name) == b.secrets.map(\.name))
        #expect(a.secrets.contains { $0.name == "/app/.env" })
        #expect(a.config.user == "1000")
        // Ranges of 64 KiB: the base layer (about 1 MB compressed) arrives in many requests.
        let chunked = try ImageSource.open(reference: reference, options: .init(chunkSize: 64 << 10))
        #expect(chunked.layers.contains { $0.size > 4 * 64 << 10 })
        let c = try ImageAnalyzer().analyze(chunked)
        #expect(c.layers.map(\.size) == b.layers.map(\.size))
        #expect(c.layers.map(\.tarSize) == b.layers.map(\.tarSize))
        #expect(c.dive.wastedBytes == b.dive.wastedBytes)
    }

    /// The parts of `hull image --format json` that describe the image's bytes.
    static func figures(_ run: HullExecutable.Run) throws -> [String: String] {
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout)) as? [String: Any]
        let image = try #require(object?["image"] as? [String: Any], "no image in: \(run.output.prefix(400)) \(run.stderr)")
        var figures: [String: String] = [:]
        for key in ["dive", "waste", "filesystem", "secrets", "config", "configDigest", "history"] {
            let data = try JSONSerialization.data(withJSONObject: ["v": image[key] ?? NSNull()], options: [.sortedKeys])
            figures[key] = String(decoding: data, as: UTF8.self)
        }
        let layers = (image["layers"] as? [[String: Any]] ?? []).map { layer in
            ["size", "tarSize", "entries", "files", "whiteouts", "hiddenBytes", "diffID"].map { "\(layer[$0] ?? "-")" }.joined(separator: " ")
        }
        figures["layers"] = layers.joined(separator: "; ")
        return figures
    }

    @Test("`hull image REFERENCE` reports the figures `hull image ARCHIVE` reports; a missing tag is exit status 2")
    func commandLine() throws {
        let fixture = try Self.fixture.get()
        let remote = try HullExecutable.run(["image", "\(fixture.registry)/\(fixture.repository):v1", "--format", "json"])
        let local = try HullExecutable.run(["image", fixture.folder + "/image.tar", "--format", "json"])
        #expect(remote.status == local.status, "\(remote.stderr)")
        #expect(remote.status != 2, "\(remote.stderr)")
        let a = try Self.figures(remote)
        let b = try Self.figures(local)
        #expect(a == b)
        #expect(a["layers"]?.isEmpty == false)
        #expect(remote.output.contains("\"format\" : \"registry\""))
        let forced = try HullExecutable.run(["image", "docker://\(fixture.registry)/\(fixture.repository):v1", "--format", "json"])
        #expect(try Self.figures(forced) == b)
        let missing = try HullExecutable.run(["image", "\(fixture.registry)/\(fixture.repository):missing-tag"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("unknown tag `missing-tag`"), "\(missing.stderr)")
        let file = try HullExecutable.run(["image", fixture.folder + "/nothing-here.tar"])
        #expect(file.status == 2)
        #expect(file.stderr.contains("no such file"), "\(file.stderr)")
    }

    @Test("the manifest pinned by digest reads the same image, and a wrong digest is refused")
    func byDigest() throws {
        let fixture = try Self.fixture.get()
        let client = RegistryClient(reference: try Self.reference("\(fixture.registry)/\(fixture.repository):v1"))
        let manifest = try client.manifest("v1")
        #expect(manifest.mediaType == MediaType.dockerManifest)
        let pinned = try ImageSource.open(reference: try Self.reference("\(fixture.registry)/\(fixture.repository)@\(manifest.digest)"))
        #expect(pinned.manifestDigest == manifest.digest)
        let wrong = "sha256:" + String(repeating: "0", count: 64)
        let error = Self.message { _ = try ImageSource.open(reference: try Self.reference("\(fixture.registry)/\(fixture.repository)@\(wrong)")) }
        #expect(error?.contains("not found") == true || error?.contains("unknown") == true, "\(error ?? "no error")")
    }

    @Test("an unknown tag and an unknown repository are named as such")
    func unknowns() throws {
        let fixture = try Self.fixture.get()
        let tag = Self.message { _ = try ImageSource.open(reference: try Self.reference("\(fixture.registry)/\(fixture.repository):nope")) }
        #expect(tag?.contains("unknown tag `nope`") == true, "\(tag ?? "no error")")
        let repository = Self.message { _ = try ImageSource.open(reference: try Self.reference("\(fixture.registry)/\(fixture.repository)-missing:v1")) }
        #expect(repository?.contains("unknown") == true && repository?.contains("\(fixture.repository)-missing") == true, "\(repository ?? "no error")")
    }

    @Test("--platform picks an image from a pushed multi-platform index")
    func platforms() throws {
        let fixture = try Self.fixture.get()
        let reference = try Self.reference("\(fixture.registry)/\(fixture.repository):list")
        let arm = try ImageSource.open(reference: reference, platform: Platform(os: "linux", architecture: "arm64"))
        #expect(arm.platform?.architecture == "arm64")
        #expect(arm.platform?.variant == "v8")
        #expect(arm.config.architecture == "arm64")
        let host = try ImageSource.open(reference: reference)
        #expect(host.config.architecture == "amd64")
        #expect(host.notes.contains { $0.contains("2 platforms") })
        #expect(arm.configDigest != host.configDigest)
        let analysis = try ImageAnalyzer().analyze(arm)
        #expect(analysis.layers.map(\.files) == [1])
        let missing = Self.message { _ = try ImageSource.open(reference: reference, platform: Platform(os: "linux", architecture: "s390x")) }
        #expect(missing?.contains("linux/amd64, linux/arm64/v8") == true, "\(missing ?? "no error")")
    }

    @Test("a closed port is an error that names the host")
    func unreachable() throws {
        let port = try LoopbackServer.freePort()
        let error = Self.message { _ = try ImageSource.open(reference: try Self.reference("127.0.0.1:\(port)/nothing:v1"), options: .init(retries: 0)) }
        #expect(error?.contains("cannot reach 127.0.0.1:\(port)") == true, "\(error ?? "no error")")
    }

    // MARK: - Basic auth

    @Test("Basic auth: credentials from options, the environment and a docker config; none or wrong ones are refused")
    func basicAuth() throws {
        let fixture = try Self.fixture.get()
        let server = try LoopbackServer.htpasswdRegistry(user: "hull", password: "s3cret-pass", folder: fixture.folder)
        defer { server.stop() }
        let push = try EngineEnvironment.run("skopeo copy -q --dest-tls-verify=false --dest-creds hull:s3cret-pass docker-archive:image.tar docker://127.0.0.1:\(server.port)/\(fixture.repository):v1",
                                             directory: fixture.folder)
        try #require(push.status == 0, "push failed: \(String(decoding: push.stderr, as: UTF8.self))")
        let reference = try Self.reference("127.0.0.1:\(server.port)/\(fixture.repository):v1")
        let local = try ImageSource.open(path: fixture.folder + "/image.tar")

        let anonymous = Self.message { _ = try ImageSource.open(reference: reference, options: .init(environment: ["HOME": fixture.folder + "/nohome"])) }
        #expect(anonymous?.contains("unauthorized") == true && anonymous?.contains("HULL_REGISTRY_USER") == true, "\(anonymous ?? "no error")")

        let explicit = RegistryCredentials(username: "hull", password: "s3cret-pass", origin: "--username")
        #expect(try ImageSource.open(reference: reference, options: .init(credentials: explicit)).configDigest == local.configDigest)

        let environment = ["HULL_REGISTRY_USER": "hull", "HULL_REGISTRY_PASSWORD": "s3cret-pass"]
        #expect(try ImageSource.open(reference: reference, options: .init(environment: environment)).configDigest == local.configDigest)

        let config = fixture.folder + "/docker-config"
        try FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
        let auth = Data("hull:s3cret-pass".utf8).base64EncodedString()
        try #"{"auths":{"http://127.0.0.1:\#(server.port)":{"auth":"\#(auth)"}}}"#.write(toFile: config + "/config.json", atomically: true, encoding: .utf8)
        let opened = try ImageSource.open(reference: reference, options: .init(environment: ["DOCKER_CONFIG": config]))
        #expect(try ImageAnalyzer().analyze(opened).dive.wastedBytes == ImageAnalyzer().analyze(local).dive.wastedBytes)

        let wrong = Self.message {
            _ = try ImageSource.open(reference: reference, options: .init(credentials: RegistryCredentials(username: "hull", password: "wrong", origin: "--username")))
        }
        #expect(wrong?.contains("refused the credentials of user `hull`") == true, "\(wrong ?? "no error")")

        let cli = try HullExecutable.run(["image", "127.0.0.1:\(server.port)/\(fixture.repository):v1", "--username", "hull", "--password-stdin", "--format", "json"],
                                         stdin: Array("s3cret-pass\n".utf8), environment: ["HOME": fixture.folder + "/nohome"])
        #expect(cli.status != 2, "\(cli.stderr)")
        let archive = try HullExecutable.run(["image", fixture.folder + "/image.tar", "--format", "json"])
        #expect(try Self.figures(cli) == Self.figures(archive))
        let refused = try HullExecutable.run(["image", "127.0.0.1:\(server.port)/\(fixture.repository):v1"], environment: ["HOME": fixture.folder + "/nohome"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--password-stdin"), "\(refused.stderr)")
    }

    // MARK: - Bearer tokens

    @Test("a blob altered on the way is refused: its digest does not match")
    func corruptBlob() throws {
        let fixture = try Self.fixture.get()
        let server = try LoopbackServer.tokenProxy(upstream: "http://\(fixture.registry)", user: "hull", password: "t0ken-pass", folder: fixture.folder, corrupt: true)
        defer { server.stop() }
        let reference = try Self.reference("127.0.0.1:\(server.port)/\(fixture.repository):v1")
        let credentials = RegistryCredentials(username: "hull", password: "t0ken-pass", origin: "--username")
        let error = Self.message { _ = try ImageAnalyzer().analyze(try ImageSource.open(reference: reference, options: .init(credentials: credentials))) }
        #expect(error?.contains("does not match its digest") == true, "\(error ?? "no error")")
        let log = (try? String(contentsOfFile: server.folder + "/requests.log", encoding: .utf8)) ?? ""
        #expect(log.contains("corrupted "), "the proxy altered nothing:\n\(log)")
    }

    @Test("an uncompressed layer with bytes after its tar stream: the tail is fetched and the altered blob refused")
    func corruptTail() throws {
        let fixture = try Self.fixture.get()
        let folder = fixture.folder + "/tail-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // 2 MiB after the end-of-archive blocks, more than the tar reader reads ahead: in ranges
        // of 64 KiB it stops many ranges before the blob's last byte, the one the proxy alters.
        let layer = TarWriter.archive([.file("etc/hello", "hello\n")]) + [UInt8](repeating: 0, count: 2 << 20)
        let layerDigest = "sha256:" + ImageArchiveWriter.sha256(layer)
        let config = Array(#"{"architecture":"amd64","os":"linux","config":{},"rootfs":{"type":"layers","diff_ids":["\#(layerDigest)"]}}"#.utf8)
        let configDigest = "sha256:" + ImageArchiveWriter.sha256(config)
        let manifest = #"{"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json","config":{"mediaType":"application/vnd.docker.container.image.v1+json","size":\#(config.count),"digest":"\#(configDigest)"},"layers":[{"mediaType":"application/vnd.docker.image.rootfs.diff.tar","size":\#(layer.count),"digest":"\#(layerDigest)"}]}"#
        try Data(layer).write(to: URL(fileURLWithPath: folder + "/layer"))
        try Data(config).write(to: URL(fileURLWithPath: folder + "/config"))
        try Data(manifest.utf8).write(to: URL(fileURLWithPath: folder + "/manifest"))
        let repository = fixture.repository + "-tail"
        let script = """
            set -e
            upload() {
              location=$(curl -sf -X POST -D - -o /dev/null "http://\(fixture.registry)/v2/\(repository)/blobs/uploads/" | tr -d '\\r' | sed -n 's/^[Ll]ocation: //p')
              case "$location" in http*) ;; *) location="http://\(fixture.registry)$location" ;; esac
              case "$location" in *\\?*) sep='&' ;; *) sep='?' ;; esac
              curl -sf -X PUT -H 'Content-Type: application/octet-stream' --data-binary @"$1" "$location${sep}digest=$2" -o /dev/null
            }
            upload layer \(layerDigest)
            upload config \(configDigest)
            curl -sf -X PUT -H 'Content-Type: application/vnd.docker.distribution.manifest.v2+json' --data-binary @manifest "http://\(fixture.registry)/v2/\(repository)/manifests/v1" -o /dev/null
            """
        let pushed = try Subprocess.run("/bin/bash", ["-c", script], directory: folder)
        try #require(pushed.status == 0, "\(String(decoding: pushed.stderr, as: UTF8.self))")
        let credentials = RegistryCredentials(username: "hull", password: "t0ken-pass", origin: "--username")
        var small = RegistryClient.Options(credentials: credentials)
        small.chunkSize = 64 << 10
        // Unaltered, through the proxy: read and checked.
        let clean = try LoopbackServer.tokenProxy(upstream: "http://\(fixture.registry)", user: "hull", password: "t0ken-pass", folder: fixture.folder)
        let analysis = try ImageAnalyzer().analyze(try ImageSource.open(reference: try Self.reference("127.0.0.1:\(clean.port)/\(repository):v1"), options: small))
        clean.stop()
        #expect(analysis.layers.map(\.files) == [1])
        // The layer's last byte altered (the config is left alone): refused by the image audit
        // and by the scan's inventory.
        let server = try LoopbackServer.tokenProxy(upstream: "http://\(fixture.registry)", user: "hull", password: "t0ken-pass", folder: fixture.folder, corrupt: true, onlyLarge: true)
        defer { server.stop() }
        let reference = try Self.reference("127.0.0.1:\(server.port)/\(repository):v1")
        let audit = Self.message { _ = try ImageAnalyzer().analyze(try ImageSource.open(reference: reference, options: small)) }
        #expect(audit?.contains("the blob `\(layerDigest)` does not match its digest") == true, "\(audit ?? "no error")")
        let inventory = Self.message { _ = try ImageFileTree(image: try ImageSource.open(reference: reference, options: small), displayName: "registry") }
        #expect(inventory?.contains("the blob `\(layerDigest)` does not match its digest") == true, "\(inventory ?? "no error")")
        let log = (try? String(contentsOfFile: server.folder + "/requests.log", encoding: .utf8)) ?? ""
        #expect(log.contains("corrupted "), "the proxy altered nothing:\n\(log)")
    }

    @Test("Bearer tokens from the challenge's realm, one 503 retried, blobs redirected to another host without Authorization")
    func tokenAuth() throws {
        let fixture = try Self.fixture.get()
        let server = try LoopbackServer.tokenProxy(upstream: "http://\(fixture.registry)", user: "hull", password: "t0ken-pass", folder: fixture.folder)
        defer { server.stop() }
        let reference = try Self.reference("127.0.0.1:\(server.port)/\(fixture.repository):v1")
        let credentials = RegistryCredentials(username: "hull", password: "t0ken-pass", origin: "--username")
        let source = try ImageSource.open(reference: reference, options: .init(credentials: credentials))
        let local = try ImageSource.open(path: fixture.folder + "/image.tar")
        let a = try ImageAnalyzer().analyze(source)
        let b = try ImageAnalyzer().analyze(local)
        #expect(a.layers.map(\.size) == b.layers.map(\.size))
        #expect(a.dive.wastedBytes == b.dive.wastedBytes)
        let log = (try? String(contentsOfFile: server.folder + "/requests.log", encoding: .utf8)) ?? ""
        #expect(log.contains("503 "), "the proxy did not answer 503 once:\n\(log)")
        #expect(log.contains("token 200"), "no token was issued:\n\(log)")
        #expect(log.contains("direct 20"), "no blob went through the redirect:\n\(log)")
        #expect(!log.contains("leaked"), "Authorization was sent to the redirect's host:\n\(log)")

        let anonymous = Self.message { _ = try ImageSource.open(reference: reference, options: .init(environment: ["HOME": fixture.folder + "/nohome"])) }
        #expect(anonymous?.contains("token service") == true && anonymous?.contains("refused an anonymous request") == true, "\(anonymous ?? "no error")")
        let wrong = Self.message {
            _ = try ImageSource.open(reference: reference, options: .init(credentials: RegistryCredentials(username: "hull", password: "nope", origin: "--username")))
        }
        #expect(wrong?.contains("refused user `hull`") == true, "\(wrong ?? "no error")")
    }
}

/// The registry client's parsing, which needs no registry.
@Suite("Registry client parsing")
struct RegistryParsingTests {

    @Test("WWW-Authenticate challenges are parsed with quoted and bare values")
    func challenges() {
        let parsed = RegistryClient.parseChallenge(#"Bearer realm="https://auth.example/token",service="registry.example",scope="repository:a/b:pull,push", error=insufficient_scope"#)
        #expect(parsed.scheme == "Bearer")
        #expect(parsed.parameters == ["realm": "https://auth.example/token", "service": "registry.example", "scope": "repository:a/b:pull,push", "error": "insufficient_scope"])
        #expect(RegistryClient.parseChallenge(#"Basic realm="r\"q""#).parameters == ["realm": #"r"q"#])
    }

    @Test("loopback hosts allow plain HTTP; others do not", arguments: [
        ("127.0.0.1:5000", true), ("localhost", true), ("localhost:5000", true), ("[::1]:5000", true), ("::1", true),
        ("registry.example", false), ("10.0.0.1:5000", false), ("localhost.example", false),
    ])
    func loopback(host: String, expected: Bool) {
        #expect(RegistryClient.isLoopback(host) == expected)
    }

    @Test("Docker Hub references go to registry-1.docker.io and find docker config entries under its other names")
    func dockerHub() throws {
        let client = RegistryClient(reference: try ImageReference.parse("alpine:3.20"))
        #expect(client.host == "registry-1.docker.io")
        #expect(client.reference.repository == "library/alpine")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hull-docker-config-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let auth = Data("me:pa:ss".utf8).base64EncodedString()
        try #"{"auths":{"https://index.docker.io/v1/":{"auth":"\#(auth)"}}}"#.write(toFile: folder + "/config.json", atomically: true, encoding: .utf8)
        let found = RegistryCredentials.resolve(registry: "docker.io", explicit: nil, environment: ["DOCKER_CONFIG": folder])
        #expect(found == RegistryCredentials(username: "me", password: "pa:ss", origin: folder + "/config.json"))
        #expect(RegistryCredentials.resolve(registry: "ghcr.io", explicit: nil, environment: ["DOCKER_CONFIG": folder]) == nil)
        let environment = RegistryCredentials.resolve(registry: "docker.io", explicit: nil, environment: ["DOCKER_CONFIG": folder, "HULL_REGISTRY_USER": "u", "HULL_REGISTRY_PASSWORD": "p"])
        #expect(environment?.origin == "$HULL_REGISTRY_USER")
    }
}
