import HullArchive
import HullContext
import HullOCI

/// Reads an image's layers once, in order, and builds an ``ImageAnalysis``.
///
/// Each layer is streamed from its byte range (decompressed on the fly, never extracted); the
/// pass keeps one tree of the current layer, the merged filesystem, and dive's merged tree, so
/// memory grows with the number of paths, not with the bytes.
public struct ImageAnalyzer: Sendable {
    /// Limits and switches.
    public struct Options: Hashable, Sendable {
        public var limits: ArchiveLimits
        /// Read file contents for secrets (paths are always checked).
        public var scanContents: Bool
        /// Bytes read from the start of each scanned file, and the total budget.
        public var bytesPerFile: Int
        public var maximumScannedBytes: Int64
        /// How many largest hidden files and dive inefficiencies to list.
        public var listLimit: Int

        public init(limits: ArchiveLimits = ArchiveLimits(), scanContents: Bool = true, bytesPerFile: Int = 64 * 1024,
                    maximumScannedBytes: Int64 = 256 << 20, listLimit: Int = 20) {
            self.limits = limits
            self.scanContents = scanContents
            self.bytesPerFile = bytesPerFile
            self.maximumScannedBytes = maximumScannedBytes
            self.listLimit = listLimit
        }
    }

    public var options: Options

    public init(options: Options = Options()) { self.options = options }

    /// Analyses an opened image.
    public func analyze(_ image: ImageSource) throws(HullArchiveError) -> ImageAnalysis {
        var pass = Pass(options: options)
        for index in image.layers.indices {
            try pass.readLayer(index, image: image)
        }
        return pass.finish(image: image)
    }
}

/// The state of one pass.
private struct Pass {
    let options: ImageAnalyzer.Options
    let scanner: SecretScanner
    var final = PathNode()
    var dive = DiveEfficiency()
    var layers: [ImageAnalysis.LayerSummary] = []
    var problems: [ImageAnalysis.Problem] = []
    var secrets: [ImageAnalysis.Secret] = []
    /// Small system files by path: the content written by the latest layer.
    var smallFiles: [String: (layer: Int, bytes: [UInt8])] = [:]
    var scannedBytes: Int64 = 0
    var hidden: [ImageAnalysis.HiddenFile] = []
    var hiddenBytes: Int64 = 0
    var hiddenFiles = 0
    /// Secret files by (layer, path) index into `secrets`, to mark them deleted later.
    var secretFiles: [String: [Int]] = [:]

    static let smallFilePaths: Set<String> = ["etc/os-release", "usr/lib/os-release", "etc/passwd", "etc/group", "etc/shadow"]
    static let systemPrefixes = ["usr/", "lib/", "lib32/", "lib64/", "bin/", "sbin/", "var/lib/", "var/cache/", "proc/", "sys/", "dev/", "etc/ssl/", "etc/ca-certificates"]
    static let thirdPartyComponents: Set<String> = ["node_modules", "site-packages", "dist-packages", "vendor", ".git", "__pycache__"]

    init(options: ImageAnalyzer.Options) {
        self.options = options
        scanner = SecretScanner(options: .init(scanContents: options.scanContents, bytesPerFile: options.bytesPerFile))
    }

    mutating func readLayer(_ index: Int, image: ImageSource) throws(HullArchiveError) {
        let layer = image.layers[index]
        let tree = PathNode()
        var summary = ImageAnalysis.LayerSummary(index: index, digest: layer.digest, diffID: layer.diffID, compression: "none", storedSize: layer.size,
                                                 tarSize: 0, size: 0, entries: 0, files: 0, whiteouts: 0, opaqueDirectories: 0, hiddenBytes: 0, createdBy: nil)
        var opaque: [String] = []
        // Paths the layer tree does not hold (under a `.wh..wh.` name), for duplicate detection.
        var seenOutsideTree = Set<String>()
        do {
            let (stored, _) = try image.openLayer(index)
            let (source, compression) = try PeekedSource.decompressing(stored, limits: options.limits)
            summary.compression = compression.rawValue
            let reader = TarReader(source, limits: options.limits)
            while let entry = try reader.next() {
                summary.entries += 1
                summary.size += entry.fileSize
                let (normalised, problem) = TarPath.normalize(entry.name)
                if let problem, problem != .empty {
                    problems.append(.init(kind: problem == .absolute ? "absolutePath" : "pathTraversal", layer: index, path: entry.name,
                                          message: problem == .absolute ? "`\(entry.name)` is an absolute name; extractors may write outside the root"
                                                                        : "`\(entry.name)` climbs out of the root with `..`"))
                }
                guard let path = normalised else { continue }
                let duplicate: Bool
                switch insert(path, entry: entry, layer: index, into: tree) {
                case .placed(let again): duplicate = again
                case .notPlaced: duplicate = !seenOutsideTree.insert(path).inserted
                }
                if duplicate {
                    problems.append(.init(kind: "duplicateEntry", layer: index, path: path, message: "`\(path)` appears more than once in the layer; the last one wins"))
                }
                if entry.isSparse {
                    problems.append(.init(kind: "sparseFile", layer: index, path: path, message: "`\(path)` is a GNU sparse file; its content is not read"))
                }
                switch entry.kind {
                case .symbolicLink where TarPath.resolveLink(at: path, target: entry.linkName) == nil:
                    problems.append(.init(kind: "symlinkOutOfRoot", layer: index, path: path, message: "`\(path)` links to `\(entry.linkName)`, outside the root"))
                case .hardLink:
                    let target = TarPath.normalize(entry.linkName)
                    if target.path == nil {
                        problems.append(.init(kind: "hardLinkOutOfRoot", layer: index, path: path, message: "`\(path)` is a hard link to `\(entry.linkName)`, outside the root"))
                    }
                default: break
                }
                let base = TarPath.base(path)
                if base == Whiteout.opaqueMarker {
                    summary.opaqueDirectories += 1
                    opaque.append(TarPath.parent(path))
                } else if base.hasPrefix(Whiteout.prefix) {
                    summary.whiteouts += 1
                } else if entry.kind == .regular {
                    summary.files += 1
                }
                if entry.kind == .regular, !base.hasPrefix(Whiteout.prefix), !entry.isSparse {
                    try inspectFile(path, entry: entry, layer: index, reader: reader)
                }
            }
            summary.tarSize = reader.offset
            try stored.finish()
        } catch let error as HullArchiveError {
            throw error
        } catch {
            throw HullArchiveError.unreadable(path: layer.path, reason: String(describing: error))
        }
        dive.add(layer: index, tree: tree)
        summary.hiddenBytes = merge(tree, opaque: opaque, layer: index)
        layers.append(summary)
    }

    /// Where ``insert(_:entry:layer:into:)`` put an entry.
    private enum Placement {
        /// At its node; `again` when an earlier entry of the layer had already described that node.
        case placed(again: Bool)
        /// Nowhere: dive drops paths through a `.wh..wh.` name the tree does not hold (and so never will).
        case notPlaced
    }

    /// dive's tree: `.wh..wh.` names are not added, implicit parents carry empty payloads.
    private func insert(_ path: String, entry: TarEntry, layer: Int, into tree: PathNode) -> Placement {
        var node = tree
        var rest = Substring(path)
        while true {
            let slash = rest.firstIndex(of: "/")
            let component = slash.map { rest[..<$0] } ?? rest
            let name = String(component)
            if let existing = node.children[name] {
                node = existing
            } else {
                if component.hasPrefix(".wh..wh.") { return .notPlaced }
                let created = PathNode()
                node.children[name] = created
                node = created
            }
            guard let slash else { break }
            if !node.explicit {
                node.kind = .directory
                node.layer = layer
            }
            rest = rest[rest.index(after: slash)...]
        }
        let again = node.explicit
        node.explicit = true
        node.kind = entry.kind
        node.size = entry.fileSize
        node.mode = entry.mode
        node.uid = entry.uid
        node.gid = entry.gid
        node.linkName = entry.linkName
        node.layer = layer
        return .placed(again: again)
    }

    /// Applies a layer to the final filesystem with OCI semantics: its whiteouts and opaque folders
    /// hide lower layers only, then its entries replace what they cover. Returns the bytes hidden.
    /// Both walks go down the layer's tree and the final tree side by side, so no path is looked up from the root.
    private mutating func merge(_ tree: PathNode, opaque: [String], layer: Int) -> Int64 {
        var hiddenHere: Int64 = 0
        for directory in opaque {
            guard let node = directory.isEmpty ? final : final.lookup(directory) else { continue }
            for (name, child) in node.children {
                hiddenHere += hide(child, path: directory.isEmpty ? name : directory + "/" + name, by: layer)
            }
            node.children = [:]
        }
        hiddenHere += applyWhiteouts(tree, at: final, prefix: "", layer: layer)
        hiddenHere += applyEntries(tree, at: final, prefix: "", layer: layer)
        return hiddenHere
    }

    /// Removes from `target` (the final tree's node at `prefix`, if any) what the whiteouts below `node` name.
    private mutating func applyWhiteouts(_ node: PathNode, at target: PathNode?, prefix: String, layer: Int) -> Int64 {
        var hiddenHere: Int64 = 0
        for (name, child) in node.children {
            let path = prefix.isEmpty ? name : prefix + "/" + name
            if name.hasPrefix(Whiteout.prefix) {
                if name != Whiteout.opaqueMarker {
                    let removedName = String(name.dropFirst(Whiteout.prefix.count))
                    if let target, let removed = target.children[removedName] {
                        hiddenHere += hide(removed, path: prefix.isEmpty ? removedName : prefix + "/" + removedName, by: layer)
                        target.children[removedName] = nil
                    }
                }
                continue
            }
            hiddenHere += applyWhiteouts(child, at: target?.children[name], prefix: path, layer: layer)
        }
        return hiddenHere
    }

    /// Puts the entries below `node` into `container` (the final tree's node at `prefix`).
    private mutating func applyEntries(_ node: PathNode, at container: PathNode, prefix: String, layer: Int) -> Int64 {
        var hiddenHere: Int64 = 0
        for (name, child) in node.children {
            if name.hasPrefix(Whiteout.prefix) { continue }
            let path = prefix.isEmpty ? name : prefix + "/" + name
            let placed: PathNode
            if let existing = container.children[name] {
                if child.explicit, existing.kind != .directory || child.kind != .directory {
                    hiddenHere += hide(existing, path: path, by: layer)
                    let replacement = PathNode()
                    replacement.copyPayload(from: child)
                    container.children[name] = replacement
                    placed = replacement
                } else {
                    if child.explicit { existing.copyPayload(from: child) }
                    placed = existing
                }
            } else {
                let added = PathNode()
                added.copyPayload(from: child)
                if !child.explicit { added.kind = .directory; added.explicit = false; added.layer = layer }
                container.children[name] = added
                placed = added
            }
            if !child.children.isEmpty {
                hiddenHere += applyEntries(child, at: placed, prefix: path, layer: layer)
            }
        }
        return hiddenHere
    }

    private mutating func hide(_ node: PathNode, path: String, by layer: Int) -> Int64 {
        var total: Int64 = 0
        var stack: [(String, PathNode)] = [(path, node)]
        while let (current, item) = stack.popLast() {
            if item.kind == .regular && item.explicit {
                total += item.size
                hiddenFiles += 1
                hidden.append(.init(path: "/" + current, layer: item.layer, bytes: item.size, hiddenBy: layer))
                if hidden.count > options.listLimit * 4 {
                    hidden.sort { $0.bytes > $1.bytes }
                    hidden.removeLast(hidden.count - options.listLimit)
                }
                if let indices = secretFiles["\(item.layer):\(current)"] {
                    for index in indices { secrets[index].deletedLater = true }
                }
            }
            for (name, child) in item.children { stack.append((current + "/" + name, child)) }
        }
        hiddenBytes += total
        return total
    }

    private mutating func inspectFile(_ path: String, entry: TarEntry, layer: Int, reader: TarReader) throws {
        if Pass.smallFilePaths.contains(path), entry.size <= 1 << 20 {
            smallFiles[path] = (layer, try reader.readContent(limit: Int(entry.size)))
        }
        let contextPath = ContextPath(path)
        if let finding = scanner.finding(forPath: contextPath, kind: .file) {
            record(finding, path: path, layer: layer)
        }
        guard options.scanContents, entry.size > 0, entry.size <= 16 << 20, scannedBytes < options.maximumScannedBytes else { return }
        if Pass.systemPrefixes.contains(where: { path.hasPrefix($0) }) && !path.hasPrefix("usr/src/") && !path.hasPrefix("usr/local/") { return }
        let components = path.split(separator: "/")
        if components.contains(where: { Pass.thirdPartyComponents.contains(String($0)) }) { return }
        if let dot = components.last?.lastIndex(of: "."), SecretScannerExtensions.binary.contains(String(components.last![components.last!.index(after: dot)...]).lowercased()) { return }
        let bytes: [UInt8]
        if let small = smallFiles[path], small.layer == layer { bytes = small.bytes } else {
            bytes = try reader.readContent(limit: options.bytesPerFile)
        }
        scannedBytes += Int64(bytes.count)
        for finding in scanner.findings(inContents: bytes, path: contextPath) {
            record(finding, path: path, layer: layer)
        }
    }

    private mutating func record(_ finding: SecretFinding, path: String, layer: Int) {
        secretFiles["\(layer):\(path)", default: []].append(secrets.count)
        secrets.append(.init(place: "file", name: "/" + path, kind: finding.kind.rawValue, excerpt: finding.excerpt, layer: layer, history: nil,
                             line: finding.line, deletedLater: false, confidence: finding.confidence.description))
    }

    // MARK: - Finishing

    mutating func finish(image: ImageSource) -> ImageAnalysis {
        let config = image.config.config ?? ImageConfig.Container()
        var history: [ImageAnalysis.HistoryLine] = []
        var layerIndex = 0
        for (index, line) in (image.config.history ?? []).enumerated() {
            let empty = line.emptyLayer ?? false
            var item = ImageAnalysis.HistoryLine(index: index, created: line.created, createdBy: line.createdBy ?? "", comment: line.comment,
                                                 emptyLayer: empty, layer: nil, size: 0)
            if !empty, layerIndex < layers.count {
                item.layer = layerIndex
                item.size = layers[layerIndex].size
                layers[layerIndex].createdBy = line.createdBy
                layerIndex += 1
            }
            history.append(item)
        }
        ConfigSecrets.scan(config: config, history: image.config.history ?? [], into: &secrets)

        var filesystem = ImageAnalysis.Filesystem(files: 0, directories: 0, symlinks: 0, hardLinks: 0, bytes: 0)
        var setID: [ImageAnalysis.SpecialFile] = []
        var worldWritable: [ImageAnalysis.SpecialFile] = []
        var unneeded: [ImageAnalysis.PathInLayer] = []
        final.visit { path, node in
            switch node.kind {
            case .regular: filesystem.files += 1; filesystem.bytes += node.size
            case .directory: filesystem.directories += 1
            case .symbolicLink: filesystem.symlinks += 1
            case .hardLink: filesystem.hardLinks += 1
            default: break
            }
            let special = ImageAnalysis.SpecialFile(path: "/" + path, layer: node.layer, mode: String(node.mode, radix: 8), uid: node.uid, gid: node.gid)
            if node.kind == .regular, node.mode & 0o6000 != 0 { setID.append(special) }
            if node.explicit, node.kind == .regular || node.kind == .directory, node.mode & 0o002 != 0,
               !(node.kind == .directory && node.mode & 0o1000 != 0) {
                worldWritable.append(special)
            }
            if let reason = UnneededFiles.reason(path: path, isDirectory: node.kind == .directory) {
                unneeded.append(.init(path: "/" + path, layer: node.layer, reason: reason))
                return false
            }
            if UnneededFiles.exempt(path) { return false }
            return true
        }
        setID.sort { $0.path < $1.path }
        worldWritable.sort { $0.path < $1.path }
        unneeded.sort { $0.path < $1.path }

        let finalRoot = final
        let small = smallFiles
        let presentContent: (String) -> [UInt8]? = { path in
            guard let node = finalRoot.lookup(path), node.kind == .regular, let file = small[path], file.layer == node.layer else { return nil }
            return file.bytes
        }
        let osRelease = presentContent("etc/os-release") ?? presentContent("usr/lib/os-release")
        let os = osRelease.map(OSRelease.parse)
        let present: (String) -> Bool = { finalRoot.lookup($0) != nil }
        let shells = Tools.shells.filter(present).map { "/" + $0 }
        let managers = Tools.packageManagers.filter(present).map { "/" + $0 }
        let accounts = Accounts.read(passwd: presentContent("etc/passwd"), group: presentContent("etc/group"), shadow: presentContent("etc/shadow"))
        let caches = PackageCaches.find(in: final)

        let sizeBytes = layers.reduce(0) { $0 + $1.size }
        let userSize = layers.dropFirst().reduce(0) { $0 + $1.size }
        let wasted = dive.wastedBytes
        let figures = ImageAnalysis.DiveFigures(efficiency: dive.score, wastedBytes: wasted,
                                                userWastedPercent: userSize == 0 ? 0 : Double(wasted) / Double(userSize),
                                                userSizeBytes: userSize, sizeBytes: sizeBytes,
                                                inefficiencies: dive.inefficiencies(limit: options.listLimit), abortedLayers: dive.abortedLayers)
        hidden.sort { ($0.bytes, $1.path) > ($1.bytes, $0.path) }
        let waste = ImageAnalysis.Waste(layerBytes: sizeBytes, hiddenBytes: hiddenBytes, hiddenFiles: hiddenFiles, largest: Array(hidden.prefix(options.listLimit)))

        let healthcheck = config.healthcheck.flatMap { check -> ImageAnalysis.Healthcheck? in
            guard let test = check.test, !test.isEmpty else { return nil }
            let seconds: (Int64?) -> Double? = { $0.map { Double($0) / 1e9 } }
            return .init(test: test, interval: seconds(check.interval), timeout: seconds(check.timeout), startPeriod: seconds(check.startPeriod),
                         retries: check.retries, disabled: test == ["NONE"])
        }
        let summary = ImageAnalysis.ConfigSummary(
            user: config.user, entrypoint: config.entrypoint, entrypointForm: form(config.entrypoint), cmd: config.cmd, cmdForm: form(config.cmd),
            env: (config.env ?? []).map(ConfigSecrets.masked), exposedPorts: (config.exposedPorts ?? [:]).keys.sorted(),
            volumes: (config.volumes ?? [:]).keys.sorted(), healthcheck: healthcheck, labels: config.labels ?? [:],
            workingDir: config.workingDir, stopSignal: config.stopSignal, shell: config.shell, onBuild: config.onBuild ?? [])
        return ImageAnalysis(
            source: image.path, format: image.format.rawValue, tags: image.tags, platform: image.platform?.description,
            configDigest: image.configDigest, manifestDigest: image.manifestDigest, created: image.config.created,
            config: summary, history: history, layers: layers, filesystem: filesystem, waste: waste, dive: figures, os: os,
            shells: shells, packageManagers: managers, setIDFiles: setID, worldWritable: worldWritable, secrets: secrets,
            packageCaches: caches, unneededFiles: unneeded, accounts: accounts, problems: problems, notes: image.notes)
    }

    private func form(_ command: [String]?) -> String? {
        guard let command, !command.isEmpty else { return nil }
        if command.count == 3, ["/bin/sh", "/bin/bash", "sh", "bash", "/bin/ash", "cmd", "cmd.exe", "/bin/dash"].contains(command[0]),
           command[1] == "-c" || command[1] == "/S" || command[1] == "/C" { return "shell" }
        return "exec"
    }
}

enum SecretScannerExtensions {
    static let binary: Set<String> = [
        "png", "jpg", "jpeg", "gif", "webp", "ico", "zip", "gz", "tgz", "bz2", "xz", "zst", "7z", "jar", "war", "whl", "apk", "deb", "rpm",
        "so", "dylib", "dll", "exe", "o", "a", "class", "pyc", "wasm", "bin", "db", "sqlite", "pdf", "woff", "woff2", "ttf", "otf",
        "mp3", "mp4", "node", "iso", "img", "pack", "idx",
    ]
}
