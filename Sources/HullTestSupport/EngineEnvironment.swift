import Foundation

/// The container engines that `../shared/tools/engine-setup.sh` starts for the tests.
///
/// The script writes its exports (`DOCKER_HOST`, `DOCKER20`, `CONTAINERS_CONF`, …) to
/// `$ENGINE_DIR/env`. Tests find that file through `$HULL_ENGINE_ENV`, else
/// `$ENGINE_DIR/env`, else `${TMPDIR:-/tmp}/engine/env`, and run engine commands through
/// `run(_:)`, which sources it first. Without it they skip with `missingMessage`.
public enum EngineEnvironment {
    public static let envFile: String? = {
        let environment = ProcessInfo.processInfo.environment
        var candidates: [String] = []
        if let explicit = environment["HULL_ENGINE_ENV"], !explicit.isEmpty { candidates.append(explicit) }
        if let dir = environment["ENGINE_DIR"], !dir.isEmpty { candidates.append(dir + "/env") }
        candidates.append((environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp") + "/engine/env")
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }()

    /// Whether an engine environment exists; use in `.enabled(if:)` traits.
    public static var isAvailable: Bool { envFile != nil }

    public static let missingMessage = "no container engine: run `bash ../shared/tools/engine-setup.sh install install-docker conf bases registry dockerd` (see ENGINE.md beside it) or set HULL_ENGINE_ENV"

    /// Runs a bash script after sourcing the engine's env file.
    public static func run(_ script: String, directory: String? = nil) throws -> Subprocess.Result {
        guard let envFile else { throw SharedDataError.missing(missingMessage) }
        // `podman` and `buildah` inside the script go through the same lock as `serialPodman`.
        let prelude = "podman() { flock \"\(podmanLock)\" podman \"$@\"; }; buildah() { flock \"\(podmanLock)\" buildah \"$@\"; }"
        return try Subprocess.run("/bin/bash", ["-c", ". \"$1\" && shift && \(prelude) && eval \"$1\"", "engine", envFile, script], directory: directory)
    }

    /// The environment with the engine's env file applied: this process's variables plus its
    /// exports (`DOCKER_HOST`, `DOCKER20`, `CONTAINERS_CONF`, …), and `HULL_DOCKER` set to
    /// `DOCKER20` (the CLI that drives BuildKit) so that `ContainerEngine.locate` picks it.
    public static let variables: [String: String]? = {
        guard let result = try? run("env -0"), result.status == 0 else { return nil }
        var variables: [String: String] = [:]
        for entry in result.stdout.split(separator: 0) {
            let text = String(decoding: entry, as: UTF8.self)
            guard let equals = text.firstIndex(of: "=") else { continue }
            variables[String(text[..<equals])] = String(text[text.index(after: equals)...])
        }
        if let docker20 = variables["DOCKER20"], !docker20.isEmpty { variables["HULL_DOCKER"] = docker20 }
        return variables
    }()

    /// podman 4.3 fails ("layer not known", "container not known") when two of its commands
    /// change one store at once, and the engine tests of several suites run in parallel. Every
    /// podman command the tests run takes this lock (`flock`, from util-linux), so they run one
    /// at a time whichever suite starts them.
    public static let podmanLock: String = {
        let directory = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        return directory + "/hull-tests-podman.lock"
    }()

    /// A folder holding `podman` and `buildah` that run the real tools under `podmanLock`
    /// (buildah shares podman's store): first in `PATH`, it serializes code that runs the
    /// tools by name, such as `hull lab`.
    public static let serialToolsFolder: String? = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hull-tests-engine-tools-\(getpid())").path
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil else { return nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for tool in ["podman", "buildah"] {
            let real = path.split(separator: ":").map { "\($0)/\(tool)" }.first { $0 != "\(folder)/\(tool)" && FileManager.default.isExecutableFile(atPath: $0) }
            guard let real else { continue }
            let script = "#!/bin/sh\nexec flock \"\(podmanLock)\" \"\(real)\" \"$@\"\n"
            guard FileManager.default.createFile(atPath: "\(folder)/\(tool)", contents: Data(script.utf8), attributes: [.posixPermissions: 0o755]) else { return nil }
        }
        return folder
    }()

    /// ``variables`` with ``serialToolsFolder`` first in `PATH`: for code that runs podman or
    /// buildah by name.
    public static let serialVariables: [String: String]? = {
        guard var variables, let folder = serialToolsFolder else { return nil }
        variables["PATH"] = folder + ":" + (variables["PATH"] ?? "/usr/local/bin:/usr/bin:/bin")
        return variables
    }()

    /// An executable that runs `podman` with its arguments under `podmanLock`: give it to
    /// engine drivers in place of `podman`.
    public static let serialPodman: String? = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("hull-tests-podman-\(getpid()).sh").path
        let script = "#!/bin/sh\nexec flock \"\(podmanLock)\" podman \"$@\"\n"
        guard FileManager.default.createFile(atPath: path, contents: Data(script.utf8), attributes: [.posixPermissions: 0o755]) else { return nil }
        return path
    }()
}
