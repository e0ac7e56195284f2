import Foundation
import HullArchive
import HullImage
import HullLint
import HullOCI
import HullRules
import HullTestSupport
import Testing

/// Images assembled in the test from layers written by `TarWriter`.
@Suite("Image analysis")
struct ImageAnalyzerTests {
    static func write(_ bytes: [UInt8], name: String = "image.tar") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hull-image-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func analyze(layers: [[UInt8]], config: [String: Any] = [:]) throws -> ImageAnalysis {
        var config = config
        config["os"] = "linux"
        config["architecture"] = "amd64"
        let path = try write(ImageArchiveWriter.dockerArchive(layers: layers, config: config))
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        return try ImageAnalyzer().analyze(try ImageSource.open(path: path))
    }

    @Test("whiteouts, opaque folders and replacements: hidden bytes, final filesystem, and dive's figures")
    func waste() throws {
        let base = TarWriter.archive([.directory("app/"), .file("app/big", bytes: [UInt8](repeating: 1, count: 1000)),
                                      .directory("cache/"), .file("cache/a", bytes: [UInt8](repeating: 2, count: 300)),
                                      .file("cache/b", bytes: [UInt8](repeating: 3, count: 200)), .file("app/conf", "v1")])
        let second = TarWriter.archive([.file("app/.wh.big", ""), .directory("cache/"), .file("cache/.wh..wh..opq", ""),
                                        .file("cache/c", bytes: [UInt8](repeating: 4, count: 50)), .file("app/conf", "v2!")])
        let third = TarWriter.archive([.file(".wh.cache", "")])
        let image = try Self.analyze(layers: [base, second, third], config: ["history": [["created_by": "ADD rootfs"], ["created_by": "RUN x"], ["created_by": "ENV A=1", "empty_layer": true], ["created_by": "RUN y"]]])
        // Hidden: app/big (1000) and app/conf v1 (2) by layer 1, cache/a and cache/b (500) by the opaque marker, cache/c (50) by layer 2.
        #expect(image.waste.hiddenBytes == Int64(1552))
        #expect(image.layers.map { $0.hiddenBytes } == [Int64(0), 1502, 50])
        #expect(image.filesystem.files == 1 && image.filesystem.bytes == 3)
        #expect(image.layers.map { $0.size } == [Int64(1502), 53, 0])
        // dive: leaves per layer. L0: app/big 1000, cache/a 300, cache/b 200, app/conf 2. L1: app/big whiteout (a file: 0),
        // cache/c 50, app/conf 3 (cache/ is not a leaf, the opaque marker is dropped). L2: cache whiteout: a folder in
        // dive's merged tree with a, b (not removed: dive ignores opaque) and c = 550.
        // Paths seen twice: app/big (1000 + 0), app/conf (2 + 3), cache (0? no: only in L2 as a leaf).
        #expect(image.dive.wastedBytes == Int64(1005))
        let discovered = 1000.0 + 300 + 200 + 2 + 0 + 50 + 3 + 550
        let minimum = 0.0 + 300 + 200 + 2 + 50 + 550
        #expect(abs(image.dive.efficiency - minimum / discovered) < 1e-12)
        #expect(image.dive.userSizeBytes == Int64(53))
        #expect(image.history.map(\.layer) == [0, 1, nil, 2])
    }

    @Test("secrets in files of any layer (deleted ones marked), ENV, labels and build arguments")
    func secrets() throws {
        let key = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----\n"
        let first = TarWriter.archive([.file("root/.ssh/id_rsa", key, mode: 0o600), .file("app/.env", "DB_PASSWORD=correct-horse-battery\n")])
        let second = TarWriter.archive([.file("root/.ssh/.wh.id_rsa", "")])
        let image = try Self.analyze(layers: [first, second], config: [
            "config": ["Env": ["API_TOKEN=abcdef123456", "PATH=/bin", "GPG_KEY=ABCDEF"], "Labels": ["secret.password": "swordfish99"]],
            "history": [["created_by": "RUN |1 NPM_TOKEN=npm_abcdefghijklmnop /bin/sh -c make"], ["created_by": "RUN rm"]],
        ])
        let files = image.secrets.filter { $0.place == "file" }
        #expect(files.contains { $0.name == "/root/.ssh/id_rsa" && $0.deletedLater && $0.layer == 0 })
        #expect(files.contains { $0.name == "/app/.env" && !$0.deletedLater })
        #expect(image.secrets.contains { $0.place == "env" && $0.name == "API_TOKEN" })
        #expect(!image.secrets.contains { $0.name == "GPG_KEY" || $0.name == "PATH" })
        #expect(image.secrets.contains { $0.place == "label" && $0.name == "secret.password" })
        #expect(image.secrets.contains { $0.place == "history" && $0.name == "NPM_TOKEN" && $0.history == 0 })
        #expect(!image.secrets.contains { $0.excerpt.contains("abcdef123456") || $0.excerpt.contains("swordfish99") })
        #expect(image.config.env.contains("API_TOKEN=abc…") && image.config.env.contains("PATH=/bin"))
    }

    @Test("hostile entries become problems, never writes or crashes")
    func hostile() throws {
        let layer = TarWriter.archive([.file("../../etc/evil", "x"), .file("/abs/file", "y"), .symlink("app/out", to: "../../../etc/shadow"),
                                       .file("app/dup", "1"), .file("app/dup", "2"), .hardLink("app/hl", to: "../../x")])
        let image = try Self.analyze(layers: [layer])
        let kinds = Set(image.problems.map(\.kind))
        #expect(kinds == ["pathTraversal", "absolutePath", "symlinkOutOfRoot", "duplicateEntry", "hardLinkOutOfRoot"])
        #expect(image.filesystem.files == 2 && image.filesystem.bytes == 2)
    }

    @Test("config, setuid, world-writable, OS, shells, package managers, caches, accounts and unneeded files")
    func facts() throws {
        let layer = TarWriter.archive([
            .file("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n"),
            .file("etc/passwd", "root:x:0:0::/root:/bin/sh\ntoor:x:0:0::/root:/bin/sh\napp:x:1000:1000::/app:/bin/sh\n"),
            .file("etc/group", "root:x:0:\napp:x:1000:\n"), .file("etc/shadow", "root:*:1::::::\napp::1::::::\n"),
            .file("bin/sh", "#!", mode: 0o755), .file("usr/bin/apt-get", "elf", mode: 0o755), .file("usr/bin/passwd", "elf", mode: 0o4755),
            .file("tmp/open", "x", mode: 0o666), .directory("tmp/", mode: 0o1777),
            .file("var/lib/apt/lists/deb.debian.org_dists", bytes: [UInt8](repeating: 0, count: 4096)), .file("var/lib/apt/lists/lock", ""),
            .directory("app/.git/"), .file("app/.git/config", "[core]"), .file("app/main.py.swp", "x"),
        ])
        let image = try Self.analyze(layers: [layer], config: ["config": [
            "User": "", "Entrypoint": ["/bin/sh", "-c", "exec app"], "Cmd": ["--serve"], "ExposedPorts": ["22/tcp": [:]], "StopSignal": "SIGTERM",
            "Healthcheck": ["Test": ["CMD", "true"], "Interval": 30_000_000_000], "WorkingDir": "/app", "Volumes": ["/proc": [:]],
        ]])
        #expect(image.config.entrypointForm == "shell" && image.config.cmdForm == "exec")
        #expect(image.config.exposedPorts == ["22/tcp"] && image.config.stopSignal == "SIGTERM" && image.config.workingDir == "/app")
        #expect(image.config.healthcheck?.interval == 30 && image.config.healthcheck?.test == ["CMD", "true"])
        #expect(image.os?.id == "debian" && image.os?.versionID == "12")
        #expect(image.setIDFiles.map(\.path) == ["/usr/bin/passwd"] && image.setIDFiles.first?.mode == "4755")
        #expect(image.worldWritable.map(\.path) == ["/tmp/open"])
        #expect(image.shells == ["/bin/sh"] && image.packageManagers == ["/usr/bin/apt-get"])
        #expect(image.packageCaches.map(\.kind) == ["apt-lists"] && image.packageCaches.first?.bytes == 4096)
        #expect(image.accounts.duplicateUIDs == ["0 (root, toor)"] && image.accounts.emptyPasswords == ["app"])
        #expect(image.unneededFiles.map(\.path) == ["/app/.git", "/app/main.py.swp"])
        let diagnostics = ImageLinter(rules: BuiltinRules.allImageRules, configuration: Configuration()).lint(AnalyzedImage(image, reference: "x", environment: ["DOCKER_CONTENT_TRUST": "1"]))
        let codes = Set(diagnostics.map(\.code.rawValue))
        #expect(codes == ["IM001", "IM004", "IM008", "IM013", "IM014", "IM015", "IM016", "IM019"])
    }

    @Test("rules over history lines follow Dockle's checkpoints")
    func historyRules() throws {
        let image = try Self.analyze(layers: [TarWriter.archive([.file("a", "1")]), TarWriter.archive([.file("b", "2")]), TarWriter.archive([.file("c", "3")])], config: [
            "config": ["User": "app"],
            "history": [["created_by": "/bin/sh -c #(nop) ADD file:abc in / "], ["created_by": "RUN apt-get update"],
                        ["created_by": "RUN sudo apk add curl && apt-get dist-upgrade -y"], ["created_by": "ADD app.tgz /app", "empty_layer": false]],
        ])
        let diagnostics = ImageLinter(rules: BuiltinRules.allImageRules, configuration: Configuration()).lint(AnalyzedImage(image, reference: "x", environment: ["DOCKER_CONTENT_TRUST": "1"]))
        let codes = diagnostics.map(\.code.rawValue).sorted()
        #expect(codes == ["IM002", "IM003", "IM005", "IM007", "IM009", "IM010", "IM011"])
        #expect(diagnostics.first { $0.code.rawValue == "IM005" }?.notes.contains { $0.contains("history line 3") } == true)
    }
}
