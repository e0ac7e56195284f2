import Foundation

/// A container engine found on this machine, driven through its command-line tool: builds
/// with progress parsed per step, image facts, image removal.
///
/// ```swift
/// let engine = try ContainerEngine.locate()
/// let session = EngineSession()
/// defer { session.cleanUp(using: engine) }
/// let build = try await engine.build(EngineBuildRequest(context: ".", tag: "hull-lab/app:1"), session: session)
/// build.steps.filter { $0.status == .cached }
/// ```
public struct ContainerEngine: Sendable {
    /// How a Docker CLI reaches BuildKit.
    public enum DockerMode: String, Sendable, Hashable {
        /// `docker buildx build --load`.
        case buildx
        /// `DOCKER_BUILDKIT=1 docker build` (a CLI before 23, which drives BuildKit itself).
        case classicCLI
    }

    /// Which engine.
    public let kind: EngineKind
    /// The tool that is run (a path, or a name found in `PATH`).
    public let executable: String
    /// The environment the tool runs with (`DOCKER_HOST`, `CONTAINERS_CONF`, …).
    public let environment: [String: String]
    /// The engine's version, as it reports it (the server's for Docker).
    public let version: String
    /// For Docker, how BuildKit is reached.
    public let dockerMode: DockerMode?

    /// Finds an engine: `preferred`, else the first of Docker, podman and buildah that is
    /// installed and answers. The Docker CLI is `$HULL_DOCKER` when set, else `docker`.
    /// - Throws: ``HullError/engineUnavailable(_:)`` when none is installed,
    ///   ``HullError/engineStopped(_:)`` when Docker is installed but its daemon does not answer.
    public static func locate(_ preferred: EngineKind? = nil,
                              environment: [String: String] = ProcessInfo.processInfo.environment) throws(HullError) -> ContainerEngine {
        let kinds = preferred.map { [$0] } ?? EngineKind.allCases
        var failures: [HullError] = []
        for kind in kinds {
            do {
                return try probe(kind, environment: environment)
            } catch {
                failures.append(error)
            }
        }
        if preferred == nil, let stopped = failures.first(where: { if case .engineStopped = $0 { true } else { false } }) { throw stopped }
        if let only = failures.first, failures.count == 1 { throw only }
        let reasons = failures.map { error -> String in
            switch error {
            case .engineUnavailable(let message), .engineStopped(let message), .engineFailed(let message): message
            default: error.description
            }
        }
        throw .engineUnavailable("no container engine answered (\(reasons.joined(separator: "; ")))")
    }

    static func probe(_ kind: EngineKind, environment: [String: String]) throws(HullError) -> ContainerEngine {
        switch kind {
        case .docker:
            let executable = environment["HULL_DOCKER"].flatMap { $0.isEmpty ? nil : $0 } ?? "docker"
            let server = try EngineProcess.run([executable, "version", "--format", "{{.Server.Version}}"], environment: environment)
            guard server.status == 0 else {
                let detail = lastLines(server.standardError, 2)
                let host = environment["DOCKER_HOST"].map { " at \($0)" } ?? ""
                throw .engineStopped("the Docker daemon\(host) does not answer (`\(executable) version`: \(detail))")
            }
            let version = server.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
            let buildx = try EngineProcess.run([executable, "buildx", "version"], environment: environment)
            if buildx.status == 0 {
                return ContainerEngine(kind: .docker, executable: executable, environment: environment, version: version, dockerMode: .buildx)
            }
            let client = try EngineProcess.run([executable, "version", "--format", "{{.Client.Version}}"], environment: environment)
            let major = Int(client.standardOutput.split(separator: ".").first ?? "") ?? 0
            guard major > 0 && major < 23 else {
                throw .engineUnavailable("`\(executable)` (client \(client.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines))) has no buildx plugin, which Docker CLIs from 23 on need to reach BuildKit; add the plugin, or point HULL_DOCKER at a Docker CLI before 23")
            }
            return ContainerEngine(kind: .docker, executable: executable, environment: environment, version: version, dockerMode: .classicCLI)
        case .podman:
            let result = try EngineProcess.run(["podman", "version", "--format", "{{.Client.Version}}"], environment: environment)
            guard result.status == 0 else { throw .engineFailed("`podman version` failed: \(lastLines(result.standardError, 2))") }
            return ContainerEngine(kind: .podman, executable: "podman", environment: environment,
                                   version: result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines), dockerMode: nil)
        case .buildah:
            let result = try EngineProcess.run(["buildah", "version"], environment: environment)
            guard result.status == 0 else { throw .engineFailed("`buildah version` failed: \(lastLines(result.standardError, 2))") }
            let line = result.standardOutput.split(separator: "\n").first { $0.hasPrefix("Version:") }
            let version = line.map { $0.dropFirst("Version:".count).trimmingCharacters(in: .whitespaces) } ?? "unknown"
            return ContainerEngine(kind: .buildah, executable: "buildah", environment: environment, version: version, dockerMode: nil)
        }
    }

    /// Creates an engine handle without probing it.
    public init(kind: EngineKind, executable: String, environment: [String: String], version: String, dockerMode: DockerMode?) {
        self.kind = kind
        self.executable = executable
        self.environment = environment
        self.version = version
        self.dockerMode = dockerMode
    }

    /// A name for messages: `docker 20.10.24 (BuildKit)`.
    public var displayName: String {
        kind == .docker ? "docker \(version) (BuildKit)" : "\(kind.rawValue) \(version)"
    }

    /// The command line for a build.
    func buildArguments(_ request: EngineBuildRequest) -> [String] {
        var arguments = [executable]
        switch kind {
        case .docker:
            arguments += dockerMode == .buildx ? ["buildx", "build", "--load"] : ["build"]
            arguments += ["--progress=plain"]
        case .podman:
            arguments += ["build", "--format", "docker", "--layers"]
        case .buildah:
            arguments += ["bud", "--format", "docker", "--layers"]
        }
        arguments += ["-t", request.tag]
        if let dockerfile = request.dockerfile { arguments += ["-f", dockerfile] }
        for name in request.buildArgs.keys.sorted() { arguments += ["--build-arg", "\(name)=\(request.buildArgs[name]!)"] }
        if let target = request.target { arguments += ["--target", target] }
        if request.noCache { arguments.append("--no-cache") }
        if let network = request.network { arguments += ["--network", network] }
        arguments.append(request.context)
        return arguments
    }

    /// Builds `request`, recording the tagged image in `session` so that its cleanup removes it.
    /// - Throws: ``HullError/engineFailed(_:)`` with the engine's last lines of output when the
    ///   build fails or is interrupted.
    public func build(_ request: EngineBuildRequest, session: EngineSession) async throws(HullError) -> EngineBuild {
        guard !session.isInterrupted else { throw .engineFailed("interrupted before the build of \(request.tag)") }
        var environment = environment
        if kind == .docker { environment["DOCKER_BUILDKIT"] = "1" }
        session.created(image: request.tag)
        // podman and buildah leave their working containers when stopped: note the ones there before.
        let before = kind == .docker ? [] : Set(buildContainers().map(\.id))
        let result = try await EngineProcess.runDetached(buildArguments(request), environment: environment, session: session)
        let output = kind == .docker ? result.standardError : result.standardOutput + result.standardError
        let steps = kind == .docker ? BuildKitProgress.steps(in: output) : PodmanProgress.steps(in: output)
        // podman and buildah keep an image per step; those this build made go with the session.
        let committed = kind == .docker ? [] : PodmanProgress.committedImages(in: output)
        committed.forEach { session.created(image: $0) }
        if kind != .docker, result.status != 0 || session.isInterrupted {
            // A stopped podman or buildah leaves its working containers; so can a failed build.
            leftoverContainers(before: before, committed: committed, bases: steps.filter { $0.keyword == "FROM" && $0.position == 1 }.map(\.text))
                .forEach { session.created(container: $0) }
        }
        if session.isInterrupted { throw .engineFailed("the build of \(request.tag) was interrupted") }
        guard result.status == 0 else {
            // The step that failed is named first: the engine's last lines may be other steps' output.
            let failed = steps.filter { $0.status == .failed }.map { "step \($0.position)/\($0.total): \($0.text)\n" }.joined()
            throw .engineFailed("\(displayName): the build of \(request.tag) failed (exit \(result.status)):\n\(failed)\(Self.lastLines(output, 6))")
        }
        return EngineBuild(steps: steps, seconds: result.seconds, output: output)
    }

    /// Size, layer count and user of an image. buildah reports the size only rounded
    /// (`2.13 MB`), so it is that figure in bytes.
    public func inspect(image: String) throws(HullError) -> EngineImageFacts {
        let arguments: [String]
        switch kind {
        case .docker, .podman:
            arguments = [executable, "image", "inspect", "--format", "{{.Size}}|{{len .RootFS.Layers}}|{{.Config.User}}", image]
        case .buildah:
            arguments = [executable, "inspect", "--type", "image", "--format", "0|{{len .Docker.RootFS.DiffIDs}}|{{.Docker.Config.User}}", image]
        }
        let result = try EngineProcess.run(arguments, environment: environment)
        guard result.status == 0 else { throw .engineFailed("\(displayName): cannot inspect \(image): \(Self.lastLines(result.standardError, 2))") }
        let fields = result.standardOutput.trimmingCharacters(in: .newlines).split(separator: "|", maxSplits: 2, omittingEmptySubsequences: false)
        guard fields.count == 3, var size = Int64(fields[0]), let layers = Int(fields[1]) else {
            throw .engineFailed("\(displayName): unexpected `inspect` output for \(image): \(result.standardOutput)")
        }
        if kind == .buildah {
            let listed = try EngineProcess.run([executable, "images", "--format", "{{.Size}}", image], environment: environment)
            size = Self.bytes(fromRounded: listed.standardOutput.split(separator: "\n").first.map(String.init) ?? "") ?? 0
        }
        return EngineImageFacts(size: size, layers: layers, user: String(fields[2]))
    }

    /// Writes `image` as a `docker save` archive at `path` (which must not exist yet).
    public func save(image: String, to path: String) throws(HullError) {
        let arguments: [String]
        switch kind {
        case .docker: arguments = [executable, "save", "-o", path, image]
        case .podman: arguments = [executable, "save", "--format", "docker-archive", "-o", path, image]
        case .buildah: arguments = [executable, "push", "--quiet", image, "docker-archive:" + path]
        }
        let result = try EngineProcess.run(arguments, environment: environment)
        guard result.status == 0 else { throw .engineFailed("\(displayName): cannot save \(image): \(Self.lastLines(result.standardError, 2))") }
    }

    /// `2.13 MB` (decimal units, as buildah prints them) in bytes.
    static func bytes(fromRounded text: String) -> Int64? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: " ")
        guard parts.count == 2, let value = Double(parts[0]) else { return nil }
        let units: [String: Double] = ["B": 1, "kB": 1e3, "KB": 1e3, "MB": 1e6, "GB": 1e9, "TB": 1e12]
        guard let unit = units[String(parts[1])] else { return nil }
        return Int64((value * unit).rounded())
    }

    /// Whether an image exists.
    public func imageExists(_ image: String) -> Bool {
        let arguments = kind == .buildah ? [executable, "inspect", "--type", "image", image] : [executable, "image", "inspect", image]
        return (try? EngineProcess.run(arguments, environment: environment).status) == 0
    }

    /// The build containers in the engine's store: ID, image ID and name.
    func buildContainers() -> [(id: String, image: String, name: String)] {
        // buildah's own listing, and podman's (`--external` shows the containers builds make).
        let arguments = kind == .buildah
            ? [executable, "containers", "--notruncate", "--noheading", "--format", "{{.ContainerID}}|{{.ImageID}}|{{.ContainerName}}"]
            : [executable, "ps", "--all", "--external", "--no-trunc", "--format", "{{.ID}}|{{.ImageID}}|{{.Names}}"]
        guard let listed = try? EngineProcess.run(arguments, environment: environment), listed.status == 0 else { return [] }
        return listed.standardOutput.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            return fields.count == 3 ? (fields[0], fields[1], fields[2]) : nil
        }
    }

    /// The working containers a podman or buildah build that did not finish left: containers
    /// that were not there before it (`before`), named as build containers, on an image it
    /// committed or on one of its base images (`bases`: its FROM steps, `FROM [--platform=…] IMAGE [AS name]`).
    func leftoverContainers(before: Set<String>, committed: [String], bases: [String]) -> [String] {
        var images = Set(committed.map { String($0.prefix(12)) })
        for base in bases {
            let words = base.split(separator: " ")
            let reference = words.first?.uppercased() == "FROM" ? String(words.dropFirst().first { !$0.hasPrefix("--") } ?? "") : ""
            if reference.isEmpty { continue }
            guard reference != "scratch" else { continue }
            let arguments = kind == .buildah ? [executable, "inspect", "--type", "image", "--format", "{{.FromImageID}}", reference]
                                             : [executable, "image", "inspect", "--format", "{{.Id}}", reference]
            guard let result = try? EngineProcess.run(arguments, environment: environment), result.status == 0 else { continue }
            let id = result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
            if id.count >= 12 { images.insert(String(id.prefix(12))) }
        }
        return buildContainers().filter { !before.contains($0.id) && $0.name.hasSuffix("working-container") && images.contains(String($0.image.prefix(12))) }
            .map(\.id)
    }

    /// Removes a container (with whatever runs in it); returns a message when it exists and
    /// could not be removed.
    public func removeContainer(_ container: String) -> String? {
        let arguments: [String]
        switch kind {
        case .docker, .podman: arguments = [executable, "rm", "-f", container]
        case .buildah: arguments = [executable, "rm", container]
        }
        guard let result = try? EngineProcess.run(arguments, environment: environment) else { return "\(container): not removed: \(executable) did not run" }
        guard result.status != 0 else { return nil }
        let error = result.standardError.lowercased()
        if error.contains("no such container") || error.contains("not known") || error.contains("not found") { return nil }
        return "container \(container): not removed: \(Self.lastLines(result.standardError, 2))"
    }

    /// Removes images, the last given first where the engine takes them one at a time; podman
    /// takes them in one call. Returns a message for each that exists and could not be removed.
    public func removeImages(_ images: [String]) -> [String] {
        guard !images.isEmpty else { return [] }
        if kind == .podman,
           let result = try? EngineProcess.run([executable, "rmi", "--force", "--ignore"] + images, environment: environment), result.status == 0 {
            return []
        }
        return images.compactMap { removeImage($0) }
    }

    /// Removes an image; returns a message when it exists and could not be removed.
    public func removeImage(_ image: String) -> String? {
        let arguments = kind == .docker ? [executable, "image", "rm", "-f", image] : [executable, "rmi", "-f", image]
        guard let result = try? EngineProcess.run(arguments, environment: environment) else { return "\(image): not removed: \(executable) did not run" }
        guard result.status != 0 else { return nil }
        let error = result.standardError.lowercased()
        if error.contains("no such image") || error.contains("image not known") || error.contains("not found") { return nil }
        return "\(image): not removed: \(Self.lastLines(result.standardError, 2))"
    }

    /// The last `count` non-empty lines of `text`, joined.
    static func lastLines(_ text: String, _ count: Int) -> String {
        text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.suffix(count).joined(separator: "\n")
    }
}
