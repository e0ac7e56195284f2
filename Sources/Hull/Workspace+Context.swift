import Foundation
import HullContext
import HullCore
import HullDockerfile

extension Workspace {
    /// Analyses what `docker build` sends from a context, what the Dockerfile takes from it, and
    /// what would make the build fail. `progress` is called from the analysing task during long walks.
    /// - Throws: ``HullError`` when the context or the named Dockerfile cannot be read.
    public static func context(_ request: ContextRequest,
                               progress: (@Sendable (ContextProgress) -> Void)? = nil) async throws(HullError) -> ContextReport {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: request.root, isDirectory: &isDirectory) else { throw .fileNotFound(request.root) }
        guard isDirectory.boolValue else { throw .usage("\(request.root): not a folder; pass the build context folder (and the Dockerfile with -f)") }
        if let dockerfile = request.dockerfile {
            guard FileManager.default.fileExists(atPath: dockerfile, isDirectory: &isDirectory) else { throw .fileNotFound(dockerfile) }
            if isDirectory.boolValue { throw .isDirectory(dockerfile) }
        }
        var options = ContextAnalysisOptions(walk: .init(measureExcluded: request.measureExcluded),
                                             secrets: .init(scanContents: request.scanContents))
        options.largestFolders = 10
        let analysis: ContextAnalysis
        do {
            analysis = try await BuildContext.analyze(root: request.root, dockerfile: request.dockerfile, options: options,
                                                      ignoreFileText: request.ignoreFileText.map { Array($0.utf8) }, progress: progress)
        } catch {
            throw .unreadable(request.root, error.description)
        }
        var report = ContextReportBuilder(request: request, analysis: analysis).build()
        if request.previewProposal, request.ignoreFileText == nil, let proposal = try? IgnoreAdvisor.propose(root: request.root, dockerfile: request.dockerfile),
           proposal.changes, let patterns = try? IgnoreFile.parse(Array(proposal.proposed.utf8)),
           let matcher = try? IgnoreMatcher(patterns: patterns, policy: .dropInvalid),
           let walk = try? await ContextWalker(matcher: matcher, options: .init(measureExcluded: false, recordEntries: false)).walk(root: request.root) {
            // The walk saw the ignore file as it is now; the written file is sent in its place.
            let written = Int64(proposal.proposed.utf8.count) - Int64(proposal.original.utf8.count)
            let relative = proposal.path.hasPrefix(request.root) ? String(proposal.path.dropFirst(request.root.count)).trimmingCharacters(in: CharacterSet(charactersIn: "/")) : nil
            let sendsIgnoreFile = relative.map { !((try? matcher.isExcluded($0)) ?? false) } ?? false
            report.proposal = .init(path: proposal.path, addedLines: proposal.added.count,
                                    sends: .init(files: walk.sent.files + walk.sent.symlinks + (sendsIgnoreFile && !proposal.exists ? 1 : 0),
                                                 bytes: walk.sent.bytes + (sendsIgnoreFile ? written : 0)))
        }
        return report
    }
}

/// Assembles a ``ContextReport`` from an analysis and the Dockerfile.
private struct ContextReportBuilder {
    let request: ContextRequest
    let analysis: ContextAnalysis

    func build() -> ContextReport {
        let choice = analysis.ignoreFileChoice
        let dockerfilePath = choice.dockerfile ?? request.dockerfile ?? (request.root as NSString).appendingPathComponent(IgnoreFile.defaultDockerfileName)
        var dockerfileInfo = ContextReport.DockerfileInfo(path: dockerfilePath, found: choice.dockerfile != nil, error: nil)
        var semantics: SemanticModel?
        if let found = choice.dockerfile ?? (request.dockerfileText == nil ? nil : dockerfilePath) {
            if let text = request.dockerfileText {
                semantics = SemanticModel(Dockerfile.parse(text, path: found))
                dockerfileInfo.found = true
            } else if let data = FileManager.default.contents(atPath: found) {
                semantics = SemanticModel(Dockerfile.parse(String(decoding: data, as: UTF8.self), path: found))
            } else {
                dockerfileInfo.error = "cannot be read"
            }
        } else {
            dockerfileInfo.error = "not found: docker build needs one; pass it with -f"
        }
        let references = semantics.map(ContextReference.all(in:)) ?? []
        let ignoreName = choice.path.map { ($0 as NSString).lastPathComponent } ?? IgnoreFile.defaultName
        let dockerfileName = (dockerfilePath as NSString).lastPathComponent
        var alwaysUsed: [[UInt8]] = []
        for path in [choice.dockerfile, choice.path].compactMap({ $0 }) {
            if let relative = relativePath(path) { alwaysUsed.append(Array(relative.utf8)) }
        }
        let usage = semantics == nil ? nil : ContextUsage(entries: analysis.entries, references: references, alwaysUsed: alwaysUsed)

        var problems: [ContextReport.Problem] = []
        var reportReferences: [ContextReport.Reference] = []
        for (index, reference) in references.enumerated() {
            let item = check(reference, tally: usage?.perReference[index] ?? .init(), dockerfileName: dockerfileName, ignoreName: ignoreName)
            reportReferences.append(item.reference)
            if let problem = item.problem { problems.append(problem) }
        }

        var invalid: [ContextReport.PatternLine] = []
        if let error = analysis.ignoreFileError {
            switch error {
            case let .invalidPattern(pattern, line, problem, _):
                invalid.append(.init(line: line, pattern: pattern, problem: problem.description))
                problems.append(.init(kind: "invalidIgnorePattern", location: "\(ignoreName)" + (line.map { ":\($0)" } ?? ""),
                                      message: "invalid pattern `\(pattern)`: \(problem); BuildKit fails the build", failsBuild: true))
            case let .ignoreFileLineTooLong(_, line, length):
                problems.append(.init(kind: "ignoreFileLineTooLong", location: "\(ignoreName):\(line)",
                                      message: "a line of \(ByteCount.grouped(length)) bytes, longer than BuildKit reads; the build fails", failsBuild: true))
            default:
                break
            }
        }
        for dropped in analysis.matcher?.droppedPatterns ?? [] where !invalid.contains(where: { $0.line == dropped.pattern.line }) {
            invalid.append(.init(line: dropped.pattern.line, pattern: dropped.pattern.readAllForm, problem: dropped.problem.description))
        }
        for warning in analysis.warnings where warning.kind == .unreadableDirectory && warning.failsBuild {
            problems.append(.init(kind: "unreadableDirectory", location: warning.path.description,
                                  message: "cannot read `\(warning.path)` (\(warning.reason)); BuildKit aborts the transfer", failsBuild: true))
        }

        let secrets = secretReport(references: references, dockerfileName: dockerfileName, problems: &problems)
        let ignoreInfo = ContextReport.IgnoreFileInfo(
            path: choice.path, source: choice.source.rawValue, replaces: choice.replacedRootIgnoreFile,
            patterns: analysis.ignoreFile?.patterns.count ?? 0, invalid: invalid,
            ineffective: analysis.ineffectivePatterns.map { .init(line: $0.line, pattern: $0.readAllForm, problem: nil) },
            error: {
                if case .unreadableIgnoreFile(_, let reason)? = analysis.ignoreFileError { return reason }
                return nil
            }())

        return ContextReport(
            tool: .init(name: Workspace.tool.name, version: Workspace.tool.version),
            context: request.root, root: analysis.root,
            dockerfile: dockerfileInfo, ignoreFile: ignoreInfo,
            sent: .init(analysis.sent),
            withoutIgnoreFile: analysis.withoutIgnoreFile.map(ContextReport.Totals.init),
            transferred: usage.map { .init(files: $0.transferred.files, bytes: $0.transferred.bytes, wholeContext: $0.transfersEverything) },
            largestFolders: analysis.largestFolders.topLevel.map { .init(path: $0.path.description, directory: true, files: $0.files, bytes: $0.bytes) },
            categories: analysis.categories.map(category),
            categoriesWithoutIgnoreFile: analysis.withoutIgnoreFile == nil ? nil : analysis.categoriesWithoutIgnoreFile.map(category),
            secrets: secrets,
            references: reportReferences,
            unused: usage.map { usage in
                .init(files: usage.unusedTally.files, bytes: usage.unusedTally.bytes,
                      paths: usage.unused.map { .init(path: $0.path.description, directory: $0.isDirectory, files: $0.tally.files, bytes: $0.tally.bytes) })
            },
            warnings: analysis.warnings.map { .init(kind: $0.kind.rawValue, path: $0.path.description, reason: $0.reason, failsBuild: $0.failsBuild) },
            problems: problems,
            buildFails: problems.contains(where: \.failsBuild) || analysis.buildFails,
            proposal: nil,
            paths: request.listPaths ? analysis.entries.map { .init(path: $0.path.description, kind: $0.kind.rawValue, bytes: $0.kind == .file ? $0.size : 0) } : nil)
    }

    // MARK: - Sources

    private func check(_ reference: ContextReference, tally: ContextUsage.Tally, dockerfileName: String,
                       ignoreName: String) -> (reference: ContextReport.Reference, problem: ContextReport.Problem?) {
        var item = ContextReport.Reference(kind: reference.kind.rawValue, line: reference.line, stage: reference.stageIndex,
                                           built: reference.isBuilt, source: reference.written, path: reference.path,
                                           status: "found", files: tally.files, bytes: tally.bytes, excludedBy: nil,
                                           unsetVariables: reference.unsetVariables.isEmpty ? nil : reference.unsetVariables,
                                           excludes: reference.excludes.isEmpty ? nil : reference.excludes)
        let location = "\(dockerfileName):\(reference.line)"
        let what = "\(reference.instructionName) source `\(reference.written)`"
        if reference.kind == .tmpfsMount || reference.isWholeContext {
            item.status = "wholeContext"
            return (item, nil)
        }
        if reference.expansionError != nil || !reference.unsetVariables.isEmpty {
            item.status = "unresolved"
            return (item, nil)
        }
        if reference.hasWildcards {
            item.status = tally.files > 0 || sentEntry(reference.path) != nil ? "found" : "empty"
            return (item, nil)
        }
        if sentEntry(reference.path) != nil { return (item, nil) }
        if throughSymlink(reference.path) {
            item.status = "viaSymlink"
            return (item, nil)
        }
        let fails = reference.isBuilt
        let onDisk = FileManager.default.fileExists(atPath: (analysis.root as NSString).appendingPathComponent(reference.path))
            || (try? FileManager.default.attributesOfItem(atPath: (analysis.root as NSString).appendingPathComponent(reference.path))) != nil
        if onDisk, let verdict = try? analysis.verdict(for: reference.path), verdict.isExcluded {
            item.status = "excluded"
            let pattern = verdict.decidingPattern
            item.excludedBy = pattern.map { .init(line: $0.line, pattern: $0.readAllForm, problem: nil) }
            let by = pattern.map { "`\($0.readAllForm)` (\(ignoreName) line \($0.line))" } ?? "`\(ignoreName)`"
            let consequence = fails ? "the build fails" : "building stage \(reference.stageIndex) fails"
            return (item, .init(kind: "excludedSource", location: location,
                                message: "\(what) is excluded by \(by); \(consequence)", failsBuild: fails))
        }
        item.status = "missing"
        let consequence = fails ? "the build fails" : "building stage \(reference.stageIndex) fails"
        return (item, .init(kind: "missingSource", location: location,
                            message: "\(what) is not in the context; \(consequence)", failsBuild: fails))
    }

    /// The sent entry at `path`, found by binary search in walker order.
    private func sentEntry(_ path: String) -> ContextEntry? {
        let key = ContextPath(path)
        var low = 0, high = analysis.entries.count
        while low < high {
            let middle = (low + high) / 2
            if analysis.entries[middle].path < key { low = middle + 1 } else { high = middle }
        }
        return low < analysis.entries.count && analysis.entries[low].path == key ? analysis.entries[low] : nil
    }

    /// Whether a sent ancestor of `path` is a symlink (BuildKit follows it inside the context).
    private func throughSymlink(_ path: String) -> Bool {
        var prefix = ""
        for component in path.split(separator: "/").dropLast() {
            prefix = prefix.isEmpty ? String(component) : prefix + "/" + component
            if sentEntry(prefix)?.kind == .symlink { return true }
        }
        return false
    }

    // MARK: - Secrets

    private func secretReport(references: [ContextReference], dockerfileName: String,
                              problems: inout [ContextReport.Problem]) -> ContextReport.Secrets {
        let copying = references.filter { ($0.kind == .copy || $0.kind == .add) && $0.isBuilt }.map(SourcePattern.init)
        var findings: [ContextReport.Secret] = []
        var reported: Set<String> = []
        for finding in analysis.secrets?.findings ?? [] {
            let bytes = finding.path.bytes
            let lines = copying.filter { $0.covers(bytes) }.map(\.reference.line)
            let copiedBy = Array(Set(lines)).sorted()
            findings.append(.init(path: finding.path.description, kind: finding.kind.rawValue, description: finding.kind.description,
                                  basis: finding.kind.isPathBased ? "path" : "content", line: finding.line,
                                  column: finding.columns?.lowerBound, excerpt: finding.excerpt,
                                  confidence: finding.confidence.description, copiedBy: copiedBy))
            let path = finding.path.description
            guard !copiedBy.isEmpty, finding.confidence >= .medium, finding.kind != .secretsFolder, reported.insert(path).inserted else { continue }
            let lineList = copiedBy.map(String.init).joined(separator: ", ")
            problems.append(.init(kind: "secretCopied", location: path,
                                  message: "\(finding.kind.description), copied into a layer by \(dockerfileName) line\(copiedBy.count == 1 ? "" : "s") \(lineList)",
                                  failsBuild: false))
        }
        let scan = analysis.secrets ?? SecretScan()
        return .init(findings: findings, contentsScanned: request.scanContents, filesRead: scan.filesRead,
                     bytesRead: scan.bytesRead, truncated: scan.isTruncated)
    }

    // MARK: - Helpers

    private func relativePath(_ path: String) -> String? {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let full = ((absolute as NSString).standardizingPath as NSString).resolvingSymlinksInPath
        let prefix = analysis.root.hasSuffix("/") ? analysis.root : analysis.root + "/"
        return full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : nil
    }

    private func place(_ size: FolderSize) -> ContextReport.Place {
        .init(path: size.path.description, directory: ContextCategorizer.categorize(size.path, isDirectory: true)?.root == size.path,
              files: size.files, bytes: size.bytes)
    }

    private func category(_ summary: CategorySummary) -> ContextReport.Category {
        .init(category: summary.category.rawValue, description: summary.category.description, files: summary.files,
              bytes: summary.bytes, roots: summary.largestRoots.map(place))
    }
}
