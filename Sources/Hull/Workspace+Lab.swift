import Foundation
import HullCache
import HullContext
import HullDockerfile
import HullOCI
import HullVulnerability

extension Workspace {
    /// Builds the request's Dockerfile (and the one it is compared with) with a real engine: a
    /// cold build, a rebuild with nothing changed and a rebuild after editing one source file,
    /// all in a temporary copy of the context; then the image's size, layers and user, and every
    /// step where `hull cache`'s prediction disagreed with the engine.
    ///
    /// Everything created (images, the copy, the fixed Dockerfile) is recorded in `session` and
    /// removed before this returns or throws; ``EngineSession/interrupt()`` stops a running build
    /// and makes this throw after cleaning up.
    /// - Throws: ``HullError`` when no engine answers, a build fails, or the inputs are unreadable.
    public static func lab(_ request: LabRequest, session: EngineSession) async throws(HullError) -> LabReport {
        guard request.runs >= 1 else { throw .usage("--runs must be at least 1") }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: request.context, isDirectory: &isDirectory) else { throw .fileNotFound(request.context) }
        guard isDirectory.boolValue else { throw .usage("\(request.context): the build context must be a folder") }
        let context = URL(fileURLWithPath: request.context).standardizedFileURL.path
        let dockerfile = try labDockerfile(request.dockerfile, context: context)
        var inputs: [(role: String, path: String)] = [("Dockerfile", dockerfile)]
        if case .against(let other) = request.comparison { inputs.append(("against", try labDockerfile(other, context: context))) }

        let engine = try ContainerEngine.locate(request.engine, environment: request.environment ?? ProcessInfo.processInfo.environment)
        defer { session.cleanUp(using: engine) }
        let prefix = request.imagePrefix ?? "hull-lab-" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(10)

        // The copy: every edit happens here, never in the user's tree.
        let work = try session.makeTemporaryFolder(prefix: "hull-lab")
        let copy = work + "/context"
        do { try FileManager.default.copyItem(atPath: context, toPath: copy) } catch {
            throw .unreadable(context, "cannot copy the context to \(copy): \(error.localizedDescription)")
        }
        func inCopy(_ path: String) -> String {
            path.hasPrefix(context + "/") ? copy + String(path.dropFirst(context.count)) : path
        }
        if case .fixed = request.comparison {
            let outcomes = try await fix(FixRequest(lint: LintRequest(paths: [dockerfile]), unsafeFixes: true, mode: .check))
            guard let outcome = outcomes.first else { throw .unreadable(dockerfile, "hull fix produced nothing") }
            let fixedPath = work + "/Dockerfile.fixed"
            guard FileManager.default.createFile(atPath: fixedPath, contents: Data(outcome.fixed)) else {
                throw .unwritable(fixedPath, "cannot write the fixed Dockerfile")
            }
            inputs.append(("fixed", fixedPath))
        }

        let touched: String
        if let given = request.touch {
            touched = SourcePath.clean(given)
        } else {
            touched = try await fileToTouch(context: copy, dockerfile: inCopy(dockerfile), target: request.target)
        }
        guard FileManager.default.fileExists(atPath: copy + "/" + touched) else {
            throw .usage("--touch \(touched): no such file in \(request.context)")
        }
        var variants: [LabReport.Variant] = []
        for (position, input) in inputs.enumerated() {
            if position > 0, engine.kind != .docker {
                // podman and buildah reuse the oldest image that matches a step: the previous
                // variant's layers for shared first steps (`FROM`, `WORKDIR /app`) would answer for
                // this variant's, on a chain without its next steps, after its `--no-cache` build
                // made its own (Docs/lab-output.md). The previous variant is measured; its images go.
                session.removeContainersAndImages(using: engine)
            }
            let name = "\(prefix)/\(position == 0 ? "dockerfile" : input.role)"
            variants.append(try await measure(role: input.role, shownPath: input.role == "fixed" ? "(hull fix --unsafe-fixes of \(dockerfile))" : input.path,
                                              dockerfile: inCopy(input.path), context: copy, touched: touched, name: name,
                                              request: request, engine: engine, session: session))
        }
        return LabReport(engine: .init(kind: engine.kind.rawValue, version: engine.version), context: request.context,
                         touchedFile: touched, runs: request.runs, variants: variants, advisoryDatabase: labDatabase(request))
    }

    /// The Dockerfile path: the given one, or `Dockerfile` in the context.
    static func labDockerfile(_ given: String?, context: String) throws(HullError) -> String {
        let path = given.map { URL(fileURLWithPath: $0).standardizedFileURL.path } ?? context + "/Dockerfile"
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw given == nil ? .usage("\(context): no Dockerfile in the context folder; name one with -f") : .fileNotFound(path)
        }
        guard !isDirectory.boolValue else { throw .isDirectory(path) }
        return path
    }

    /// A source file some built step copies: code files first (under `src/` first), else any
    /// file a COPY reads that is not a package manifest.
    static func fileToTouch(context: String, dockerfile: String, target: String?) async throws(HullError) -> String {
        let model: CacheModel
        do { model = try CacheModel(contextDirectory: context, dockerfilePath: dockerfile, options: BuildOptions(target: target)) } catch {
            throw .unreadable(dockerfile, error.description)
        }
        let walked = try? await ContextWalker(matcher: model.ignoreMatcher, options: .init(measureExcluded: false, recordEntries: true)).walk(root: context)
        let files = (walked?.entries ?? []).filter { $0.kind == .file }.map(\.path.description).sorted()
        let code: Set<String> = ["js", "mjs", "cjs", "ts", "tsx", "jsx", "py", "go", "rb", "java", "kt", "rs", "c", "cc", "cpp", "h", "cs", "php", "swift", "scala", "ex", "exs", "sh", "html", "css"]
        let manifests: Set<String> = ["package.json", "package-lock.json", "yarn.lock", "pnpm-lock.yaml", "requirements.txt", "poetry.lock", "pyproject.toml",
                                      "go.mod", "go.sum", "Gemfile", "Gemfile.lock", "Cargo.toml", "Cargo.lock", "pom.xml", "composer.json", "composer.lock"]
        func isCode(_ path: String) -> Bool { code.contains(String(path.split(separator: ".").last ?? "").lowercased()) && path.contains(".") }
        let name = { (path: String) in String(path.split(separator: "/").last ?? "") }
        let dockerfileName = name(dockerfile)
        let ordered = files.filter { isCode($0) && $0.hasPrefix("src/") } + files.filter { isCode($0) && !$0.hasPrefix("src/") }
            + files.filter { !isCode($0) && !manifests.contains(name($0)) && name($0) != dockerfileName && !name($0).hasPrefix(".") }
        for candidate in ordered where model.predict(ChangeSet(paths: [candidate])).unusedChanges.isEmpty {
            return candidate
        }
        throw .usage("\(context): no file the build copies to edit for the one-file rebuild; name one with --touch")
    }

    /// Appends a line of blanks to a file: a real content change that keeps code valid. The
    /// blanks (spaces and tabs spelling a random number) make the content new on every run, so
    /// the rebuild cannot hit a cache entry an earlier lab left behind.
    static func touch(_ path: String) throws(HullError) {
        guard let handle = FileHandle(forWritingAtPath: path) else { throw .unwritable(path, "cannot open it for the one-file edit") }
        defer { try? handle.close() }
        let bits = UInt32.random(in: .min ... .max)
        let blanks = String((0..<32).map { bits & (1 << $0) == 0 ? " " : "\t" })
        do {
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("\n\(blanks)\n".utf8))
        } catch {
            throw .unwritable(path, error.localizedDescription)
        }
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    static func measure(role: String, shownPath: String, dockerfile: String, context: String, touched: String, name: String,
                        request: LabRequest, engine: ContainerEngine, session: EngineSession) async throws(HullError) -> LabReport.Variant {
        let text: String
        do { text = try String(contentsOfFile: dockerfile, encoding: .utf8) } catch { throw .unreadable(dockerfile, error.localizedDescription) }
        let parsed = Dockerfile.parse(text, path: dockerfile)
        // Counted before the edit, so every variant reports the same tree.
        let sent = try await self.context(ContextRequest(root: context, dockerfile: dockerfile, scanContents: false)).sent
        let options = BuildOptions(buildArgs: request.buildArgs, target: request.target)
        var base = EngineBuildRequest(context: context, dockerfile: dockerfile, tag: name + ":cold", buildArgs: request.buildArgs,
                                      target: request.target, network: request.network)
        var cold: [Double] = [], warm: [Double] = [], edited: [Double] = []
        var rows: [CacheComparison.Row] = []
        var noChangeRun = 0, touchedRun = 0, steps = 0
        for _ in 0..<request.runs {
            base.tag = name + ":cold"
            base.noCache = true
            let coldBuild = try await engine.build(base, session: session)
            cold.append(coldBuild.seconds)
            steps = coldBuild.steps.filter { ["RUN", "COPY", "ADD", "WORKDIR"].contains($0.keyword) }.count

            base.noCache = false
            base.tag = name + ":warm"
            let baseline = try await cache(CacheRequest(dockerfile: dockerfile, context: context, target: request.target))
            let warmBuild = try await engine.build(base, session: session)
            warm.append(warmBuild.seconds)
            // podman and buildah: every image this variant's builds made is in the session (the
            // previous variant's went before), so a reuse of any other is an older identical image.
            let made: [String]? = engine.kind == .docker ? nil : session.images
            let warmComparison = CacheComparison(stages: baseline.stages, dockerfile: parsed, options: options, steps: warmBuild.steps, engine: engine.kind,
                                                 madeImages: made)
            noChangeRun = warmComparison.rows.filter { $0.compared && $0.engine == .ran }.count

            try touch(context + "/" + touched)
            let predicted = try await cache(CacheRequest(dockerfile: dockerfile, context: context, changedPaths: [touched], target: request.target))
            base.tag = name + ":touched"
            let touchedBuild = try await engine.build(base, session: session)
            edited.append(touchedBuild.seconds)
            let touchedComparison = CacheComparison(stages: predicted.stages, dockerfile: parsed, options: options, steps: touchedBuild.steps, engine: engine.kind,
                                                    madeImages: engine.kind == .docker ? nil : session.images)
            touchedRun = touchedComparison.rows.filter { $0.compared && $0.engine == .ran }.count
            rows = warmComparison.rows + touchedComparison.rows
        }
        let facts = try labImageFacts(name + ":touched", engine: engine, session: session, databasePath: labDatabase(request))
        let compared = rows.filter(\.compared)
        return LabReport.Variant(role: role, dockerfile: shownPath, coldSeconds: median(cold), noChangeSeconds: median(warm), touchedSeconds: median(edited),
                                 steps: steps, stepsRunNoChange: noChangeRun, stepsRunAfterTouch: touchedRun, imageBytes: facts.size, layers: facts.layers,
                                 user: facts.user, runsAsRoot: facts.runsAsRoot, contextFiles: sent.files, contextBytes: sent.bytes,
                                 disagreements: rows.filter { !$0.agrees }, reusedIdenticalContent: rows.filter { $0.conditional && $0.predicted == .rebuilt && $0.engine == .cached },
                                 olderImageReruns: rows.filter { $0.olderImage != nil },
                                 comparedSteps: compared.count, packages: facts.packages, vulnerabilities: facts.vulnerabilities)
    }

    /// The advisory database `hull lab` counts vulnerabilities with, when one exists.
    static func labDatabase(_ request: LabRequest) -> String? {
        let path = request.databasePath ?? AdvisoryDatabase.defaultPath(environment: ProcessInfo.processInfo.environment)
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// What Hull's own image reader finds in a built image: the engine saves it into a private
    /// temporary folder, removed as soon as it has been read.
    static func labImageFacts(_ image: String, engine: ContainerEngine, session: EngineSession, databasePath: String?) throws(HullError) -> LabImageFacts {
        let folder = try session.makeTemporaryFolder(prefix: "hull-lab-image")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let archive = folder + "/image.tar"
        try engine.save(image: image, to: archive)
        let source: ImageSource
        let tree: ImageFileTree
        do {
            source = try ImageSource.open(path: archive)
            tree = try ImageFileTree(image: source, displayName: image)
        } catch {
            throw .engineFailed("\(engine.displayName): the saved image \(image) could not be read: \(error)")
        }
        var facts = LabImageFacts(size: tree.layerFileBytes.reduce(0, +), layers: source.layers.count, user: source.config.config?.user ?? "")
        do {
            let inventory = try InventoryBuilder().inventory(of: tree)
            facts.packages = inventory.packages.count
            if let databasePath {
                let findings = try VulnerabilityScanner(database: AdvisoryDatabase(path: databasePath)).scan(inventory)
                var counts = ScanReport.Counts()
                for finding in findings { counts.add(finding.severity) }
                facts.vulnerabilities = counts
            }
        } catch {
            throw .unreadable(databasePath ?? image, "\(error)")
        }
        return facts
    }
}

/// A built image's figures, as Hull's image reader sees them.
struct LabImageFacts {
    var size: Int64
    var layers: Int
    var user: String
    var packages: Int?
    var vulnerabilities: ScanReport.Counts?

    /// Whether the container runs as root (no user, `root`, or UID 0).
    var runsAsRoot: Bool { EngineImageFacts(size: size, layers: layers, user: user).runsAsRoot }
}
