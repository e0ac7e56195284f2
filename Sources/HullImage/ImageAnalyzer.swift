import Foundation
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
    ///
    /// Two stages run side by side. This thread reads each layer's tar stream: headers into the
    /// layer's tree, problems, and the first bytes of the files the secret scan reads. A second
    /// thread takes what was read, in order: it scans those bytes for secrets and applies each
    /// finished layer to dive's model and to the final filesystem. The reading stage waits while
    /// a layer it handed over is not yet applied, or while more than a few megabytes of file
    /// bytes wait to be scanned, so memory stays bounded by the trees, as with one thread.
    public func analyze(_ image: ImageSource) throws(HullArchiveError) -> ImageAnalysis {
        let handoff = Handoff()
        var pass = Pass(options: options, handoff: handoff)
        let merger = LayerMerger(listLimit: options.listLimit, scanner: pass.scanner)
        let stage = MergeStage(merger: merger, handoff: handoff)
        stage.start()
        do {
            for index in image.layers.indices {
                let layer = try pass.readLayer(index, image: image)
                pass.flush()
                handoff.put([.layer(layer)], bytes: 0)
            }
        } catch {
            handoff.close()
            stage.wait()
            throw error
        }
        handoff.close()
        stage.wait()
        return pass.finish(image: image, merged: merger)
    }
}

/// One layer as the reading stage leaves it for the merging stage.
private struct ReadLayer {
    var index: Int
    var tree: PathNode
    var opaque: [String]
}

/// What the reading stage hands to the merging stage, in the order it was read.
private enum Handed {
    /// A file secret found by its path.
    case secret(path: String, secret: ImageAnalysis.Secret)
    /// The first bytes of a file, to scan for secrets.
    case contents(path: String, layer: Int, bytes: [UInt8])
    /// A layer read to its end.
    case layer(ReadLayer)
}

/// The queue between the two stages. The reading stage waits while a layer it handed over is
/// not yet applied, and while more than ``byteLimit`` bytes of file contents wait to be scanned.
private final class Handoff: @unchecked Sendable {
    static let byteLimit = 8 << 20
    private let condition = NSCondition()
    private var queue: [[Handed]] = []
    private var queuedBytes = 0
    private var layersOutstanding = 0
    private var closed = false

    /// Hands over `items` (holding `bytes` bytes of file contents), waiting as described.
    func put(_ items: [Handed], bytes: Int) {
        let holdsLayer = items.contains { if case .layer = $0 { return true } else { return false } }
        condition.lock()
        defer { condition.unlock() }
        while !closed && (holdsLayer && layersOutstanding > 0 || queuedBytes > 0 && queuedBytes + bytes > Handoff.byteLimit) {
            condition.wait()
        }
        if closed { return }
        if holdsLayer { layersOutstanding += 1 }
        queuedBytes += bytes
        queue.append(items)
        condition.broadcast()
    }

    /// The next items and the content bytes they hold, or nil once the reading stage is done
    /// and nothing is left.
    func take() -> (items: [Handed], bytes: Int)? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !closed { condition.wait() }
        guard !queue.isEmpty else { return nil }
        let items = queue.removeFirst()
        let bytes = items.reduce(0) { if case .contents(_, _, let data) = $1 { return $0 + data.count } else { return $0 } }
        queuedBytes -= bytes
        condition.broadcast()
        return (items, bytes)
    }

    /// The merging stage applied a layer.
    func applied() {
        condition.lock()
        layersOutstanding -= 1
        condition.broadcast()
        condition.unlock()
    }

    /// Nothing more will be handed over.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}

/// The thread of the merging stage.
private final class MergeStage: @unchecked Sendable {
    private let merger: LayerMerger
    private let handoff: Handoff
    private let done = NSCondition()
    private var finished = false

    init(merger: LayerMerger, handoff: Handoff) {
        self.merger = merger
        self.handoff = handoff
    }

    func start() {
        let thread = Thread { [self] in
            while let (items, _) = handoff.take() {
                for item in items {
                    switch item {
                    case .secret(let path, let secret): merger.record(secret, path: path)
                    case .contents(let path, let layer, let bytes): merger.scan(bytes, path: path, layer: layer)
                    case .layer(let layer):
                        merger.apply(layer)
                        handoff.applied()
                    }
                }
            }
            done.lock()
            finished = true
            done.broadcast()
            done.unlock()
        }
        // Deep trees recurse once per path component.
        thread.stackSize = 16 << 20
        thread.start()
    }

    /// Waits until everything handed over is done.
    func wait() {
        done.lock()
        while !finished { done.wait() }
        done.unlock()
    }
}

/// The reading stage of one pass: each layer's tar stream, its problems and secrets.
private struct Pass {
    let options: ImageAnalyzer.Options
    let scanner: SecretScanner
    var layers: [ImageAnalysis.LayerSummary] = []
    var problems: [ImageAnalysis.Problem] = []
    let handoff: Handoff
    /// Secrets and file contents not yet handed over, and the content bytes among them.
    var pending: [Handed] = []
    var pendingBytes = 0
    /// Small system files by path: the content written by the latest layer.
    var smallFiles: [String: (layer: Int, bytes: [UInt8])] = [:]
    var scannedBytes: Int64 = 0

    static let smallFilePaths: Set<String> = ["etc/os-release", "usr/lib/os-release", "etc/passwd", "etc/group", "etc/shadow"]
    static let systemPrefixes = ["usr/", "lib/", "lib32/", "lib64/", "bin/", "sbin/", "var/lib/", "var/cache/", "proc/", "sys/", "dev/", "etc/ssl/", "etc/ca-certificates"]
    static let thirdPartyComponents: Set<String> = ["node_modules", "site-packages", "dist-packages", "vendor", ".git", "__pycache__"]

    /// Hands over at about a megabyte at a time.
    static let batchBytes = 1 << 20

    init(options: ImageAnalyzer.Options, handoff: Handoff) {
        self.options = options
        self.handoff = handoff
        scanner = SecretScanner(options: .init(scanContents: options.scanContents, bytesPerFile: options.bytesPerFile))
    }

    /// Reads layer `index` into its tree, for the merging stage.
    mutating func readLayer(_ index: Int, image: ImageSource) throws(HullArchiveError) -> ReadLayer {
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
        layers.append(summary)
        return ReadLayer(index: index, tree: tree, opaque: opaque)
    }

    /// Hands over what is pending.
    mutating func flush() {
        guard !pending.isEmpty else { return }
        handoff.put(pending, bytes: pendingBytes)
        pending = []
        pendingBytes = 0
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
        // Scanned on the merging stage, in order with the secrets found by path.
        pending.append(.contents(path: path, layer: layer, bytes: bytes))
        pendingBytes += bytes.count
        if pendingBytes >= Pass.batchBytes { flush() }
    }

    private mutating func record(_ finding: SecretFinding, path: String, layer: Int) {
        pending.append(.secret(path: path, secret: .init(finding, path: path, layer: layer)))
    }

    // MARK: - Finishing

    mutating func finish(image: ImageSource, merged: LayerMerger) -> ImageAnalysis {
        for (index, hiddenBytes) in merged.layerHiddenBytes.enumerated() where index < layers.count {
            layers[index].hiddenBytes = hiddenBytes
        }
        let final = merged.final
        let dive = merged.dive
        var secrets = merged.secrets
        var hidden = merged.hidden
        let hiddenBytes = merged.hiddenBytes
        let hiddenFiles = merged.hiddenFiles
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
            // Most nodes are neither: the record (two strings) is built only when needed.
            let isSetID = node.kind == .regular && node.mode & 0o6000 != 0
            let isWorldWritable = node.explicit && (node.kind == .regular || node.kind == .directory) && node.mode & 0o002 != 0
                && !(node.kind == .directory && node.mode & 0o1000 != 0)
            if isSetID || isWorldWritable {
                let special = ImageAnalysis.SpecialFile(path: "/" + path, layer: node.layer, mode: String(node.mode, radix: 8), uid: node.uid, gid: node.gid)
                if isSetID { setID.append(special) }
                if isWorldWritable { worldWritable.append(special) }
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

/// The merging stage of one pass: applies read layers, in order, to dive's model and to the final
/// filesystem, and tracks what later layers hide. Runs on its own thread; read only after it ends.
private final class LayerMerger: @unchecked Sendable {
    let listLimit: Int
    var final = PathNode()
    var dive = DiveEfficiency()
    /// File secrets of every layer, in layer order.
    var secrets: [ImageAnalysis.Secret] = []
    /// Secret files by (layer, path) index into `secrets`, to mark them deleted later.
    var secretFiles: [String: [Int]] = [:]
    var hidden: [ImageAnalysis.HiddenFile] = []
    var hiddenBytes: Int64 = 0
    var hiddenFiles = 0
    /// The bytes each layer hides, by layer index.
    var layerHiddenBytes: [Int64] = []

    let scanner: SecretScanner

    init(listLimit: Int, scanner: SecretScanner) {
        self.listLimit = listLimit
        self.scanner = scanner
    }

    /// Records a file secret of the layer being read.
    func record(_ secret: ImageAnalysis.Secret, path: String) {
        secretFiles["\(secret.layer ?? 0):\(path)", default: []].append(secrets.count)
        secrets.append(secret)
    }

    /// Scans the first bytes of the file at `path` in `layer` for secrets.
    func scan(_ bytes: [UInt8], path: String, layer: Int) {
        for finding in scanner.findings(inContents: bytes, path: ContextPath(path)) {
            record(.init(finding, path: path, layer: layer), path: path)
        }
    }

    func apply(_ layer: ReadLayer) {
        dive.add(layer: layer.index, tree: layer.tree)
        layerHiddenBytes.append(merge(layer.tree, opaque: layer.opaque, layer: layer.index))
    }

    /// Applies a layer to the final filesystem with OCI semantics: its whiteouts and opaque folders
    /// hide lower layers only, then its entries replace what they cover. Returns the bytes hidden.
    /// Both walks go down the layer's tree and the final tree side by side, so no path is looked up from the root.
    private func merge(_ tree: PathNode, opaque: [String], layer: Int) -> Int64 {
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
    private func applyWhiteouts(_ node: PathNode, at target: PathNode?, prefix: String, layer: Int) -> Int64 {
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
    private func applyEntries(_ node: PathNode, at container: PathNode, prefix: String, layer: Int) -> Int64 {
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

    private func hide(_ node: PathNode, path: String, by layer: Int) -> Int64 {
        var total: Int64 = 0
        var stack: [(String, PathNode)] = [(path, node)]
        while let (current, item) = stack.popLast() {
            if item.kind == .regular && item.explicit {
                total += item.size
                hiddenFiles += 1
                hidden.append(.init(path: "/" + current, layer: item.layer, bytes: item.size, hiddenBy: layer))
                if hidden.count > listLimit * 4 {
                    hidden.sort { $0.bytes > $1.bytes }
                    hidden.removeLast(hidden.count - listLimit)
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

}

extension ImageAnalysis.Secret {
    /// A secret found in the file at `path` (no leading `/`) of `layer`.
    init(_ finding: SecretFinding, path: String, layer: Int) {
        self.init(place: "file", name: "/" + path, kind: finding.kind.rawValue, excerpt: finding.excerpt, layer: layer, history: nil,
                  line: finding.line, deletedLater: false, confidence: finding.confidence.description)
    }
}

enum SecretScannerExtensions {
    static let binary: Set<String> = [
        "png", "jpg", "jpeg", "gif", "webp", "ico", "zip", "gz", "tgz", "bz2", "xz", "zst", "7z", "jar", "war", "whl", "apk", "deb", "rpm",
        "so", "dylib", "dll", "exe", "o", "a", "class", "pyc", "wasm", "bin", "db", "sqlite", "pdf", "woff", "woff2", "ttf", "otf",
        "mp3", "mp4", "node", "iso", "img", "pack", "idx",
    ]
}
