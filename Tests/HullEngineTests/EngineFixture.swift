import Foundation
import Hull
import HullTestSupport

/// The engine the tests drive, from the env file engine-setup.sh writes; nil without one.
enum TestEngine {
    /// The Docker engine with BuildKit, or why it is not there.
    static let docker: Result<ContainerEngine, HullError>? = locate(.docker)
    /// podman, or why it is not there.
    static let podman: Result<ContainerEngine, HullError>? = locate(.podman).map { located in
        // Every podman command goes through the tests' podman lock (see EngineEnvironment).
        located.map { engine in
            guard let serial = EngineEnvironment.serialPodman else { return engine }
            return ContainerEngine(kind: .podman, executable: serial, environment: engine.environment, version: engine.version, dockerMode: nil)
        }
    }

    /// buildah, through the tests' podman lock (it shares podman's store), or why it is not there.
    static let buildah: Result<ContainerEngine, HullError>? = locate(.buildah).map { located in
        located.map { engine in
            guard let folder = EngineEnvironment.serialToolsFolder, FileManager.default.isExecutableFile(atPath: folder + "/buildah") else { return engine }
            return ContainerEngine(kind: .buildah, executable: folder + "/buildah", environment: engine.environment, version: engine.version, dockerMode: nil)
        }
    }

    static func locate(_ kind: EngineKind) -> Result<ContainerEngine, HullError>? {
        guard let variables = EngineEnvironment.variables else { return nil }
        do { return .success(try ContainerEngine.locate(kind, environment: variables)) } catch { return .failure(error) }
    }

    /// A prefix no other run and no other branch uses: image names start with it.
    static func uniquePrefix() -> String {
        "engine-" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
    }

    /// Files for the stand-in `node:20` base: busybox plus shell scripts for `npm`, `node`,
    /// `addgroup` and `adduser` that do what the examples need, deterministically.
    static let baseFiles: [String: String] = [
        "npm": """
        #!/bin/sh
        # Stands in for npm: "installs" what package.json lists by copying the manifests.
        set -e
        case "$1" in cache) exit 0 ;; esac
        test -f package.json || { echo "npm: no package.json in $(pwd)" >&2; exit 1; }
        mkdir -p node_modules
        cp package.json node_modules/.package.json
        if [ -f package-lock.json ]; then cp package-lock.json node_modules/.package-lock.json; fi

        """,
        "node": "#!/bin/sh\necho \"node $*\"\n",
        "addgroup": "#!/bin/sh\nfor a; do name=$a; done\necho \"$name:x:1000:\" >> /etc/group\n",
        "adduser": """
        #!/bin/sh
        name=
        while [ $# -gt 0 ]; do case "$1" in -G) shift 2 ;; -S) shift ;; *) name=$1; shift ;; esac; done
        echo "$name:x:1000:1000::/home/$name:/bin/sh" >> /etc/passwd

        """,
    ]

    /// Builds a base image unique to `prefix` (so no cache from another run or branch can
    /// answer for it) and returns its name: `tag`, else `<prefix>/node:20`. Like the real
    /// `node` images it has a `node` user (UID 1000).
    static func buildBase(_ engine: ContainerEngine, prefix: String, session: EngineSession, tag: String? = nil) async throws -> String {
        let folder = try session.makeTemporaryFolder(prefix: "\(prefix)-base")
        var files = baseFiles
        files["Dockerfile"] = """
        FROM localhost/busybox:base
        ENV PATH=/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
        COPY npm node addgroup adduser /usr/local/bin/
        RUN chmod 755 /usr/local/bin/npm /usr/local/bin/node /usr/local/bin/addgroup /usr/local/bin/adduser \\
         && mkdir -p /etc /tmp && printf 'root:x:0:0:root:/root:/bin/sh\\nnode:x:1000:1000::/home/node:/bin/sh\\n' > /etc/passwd \\
         && printf 'root:x:0:\\nnode:x:1000:\\n' > /etc/group \\
         && echo '\(prefix)' > /etc/engine-nonce

        """
        try write(files, into: folder)
        let tag = tag ?? "\(prefix)/node:20"
        _ = try await engine.build(EngineBuildRequest(context: folder, tag: tag, network: "none"), session: session)
        return tag
    }

    /// The name under which the fixer knows a base as the official `node` image (it gives
    /// `node` images `USER node`): `docker.io/library/node:20-<prefix>`, unique to `prefix`.
    static func officialNodeTag(_ prefix: String) -> String { "docker.io/library/node:20-\(prefix)" }

    /// The images in podman's store (which buildah shares) built on `image`, however deep, as IDs.
    static func podmanDescendants(of image: String) throws -> [String] {
        let inspected = try EngineEnvironment.run("podman image inspect --format '{{.Id}}' '\(image)'")
        let root = String(decoding: inspected.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard inspected.status == 0, !root.isEmpty else { throw SharedDataError.missing("no image \(image): \(String(decoding: inspected.stderr, as: UTF8.self))") }
        let listed = try EngineEnvironment.run("podman images --all --format json")
        let entries = try JSONSerialization.jsonObject(with: Data(listed.stdout)) as? [[String: Any]] ?? []
        var children: [String: [String]] = [:]
        for entry in entries {
            guard let id = entry["Id"] as? String, let parent = entry["ParentId"] as? String, !parent.isEmpty else { continue }
            children[parent, default: []].append(id)
        }
        var found: [String] = [], queue = [root]
        while let next = queue.popLast() {
            for child in children[next] ?? [] where !found.contains(child) {
                found.append(child)
                queue.append(child)
            }
        }
        return found
    }

    /// The containers in podman's store (buildah's included) on `images` (IDs or names).
    static func podmanContainers(on images: [String]) throws -> [String] {
        let ids = try images.map { image -> String in
            let inspected = try EngineEnvironment.run("podman image inspect --format '{{.Id}}' '\(image)'")
            return String(decoding: inspected.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }.filter { !$0.isEmpty }
        let listed = try EngineEnvironment.run("podman ps --all --external --no-trunc --format '{{.ID}} {{.ImageID}} {{.Names}}'")
        return String(decoding: listed.stdout, as: UTF8.self).split(separator: "\n").map(String.init).filter { line in
            let fields = line.split(separator: " ")
            return fields.count >= 2 && ids.contains { $0.hasPrefix(fields[1]) }
        }
    }

    /// Writes `files` (relative path → content; nil deletes) below `folder`.
    static func write(_ files: [String: String?], into folder: String) throws {
        for (path, contents) in files {
            let url = URL(fileURLWithPath: folder).appendingPathComponent(path)
            guard let contents else {
                try? FileManager.default.removeItem(at: url)
                continue
            }
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url)
        }
    }

    /// The repository's examples folder.
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples").path

    /// The files of `examples/node-app` (not the fake node_modules).
    static func nodeApp() throws -> [String: String] {
        var files: [String: String] = [:]
        for name in ["Dockerfile", "Dockerfile.good", "package.json", "package-lock.json", "src/index.js", ".env", "README.md"] {
            files[name] = try String(contentsOfFile: "\(examples)/node-app/\(name)", encoding: .utf8)
        }
        return files
    }
}
