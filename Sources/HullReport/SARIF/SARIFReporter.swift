import HullCore

/// SARIF 2.1.0 that GitHub code scanning accepts.
///
/// - Rules become `tool.driver.rules` (id = code) with descriptions, help in text and
///   Markdown, the default level, and the category as a tag (plus GitHub's
///   `security-severity` for security rules).
/// - Peer identifiers (hadolint `DL4000`, BuildKit `MaintainerDeprecated`, …) are
///   cross-referenced the way the specification provides for another classification of the
///   same results: each peer tool is a taxonomy in `run.taxonomies` whose taxa are its
///   identifiers, the driver lists them in `supportedTaxonomies`, and each rule points at its
///   peers' taxa through `relationships` (a `reportingDescriptorRelationship`, §3.53) of kind
///   `equal`, "identifies essentially the same set of items". As in the specification's own
///   example, taxonomies and taxa are referenced by `guid`, since a `toolComponentReference`'s
///   `index` points into `tool.extensions`; the GUIDs are derived from the names, so they are
///   the same in every run. `deprecatedIds` is not used: it is meant for identifiers the same
///   tool used before, not for other tools' names.
/// - Locations are relative to `%SRCROOT%` (recorded in `originalUriBaseIds` when the source
///   root is known); regions count UTF-16 code units (`columnKind`). GitHub resolves relative
///   URIs against the repository root, so the source root should be the repository root. Context paths point at
///   the file without a region. Image findings have no file in the repository; GitHub rejects
///   results without a physical location, so they point at the percent-encoded image
///   reference (and path inside it), with a logical location naming image, layer and path.
/// - Safe and unsafe fixes become `fixes` with `deletedRegion` and `insertedContent`;
///   display-only advice does not, since SARIF viewers may apply fixes.
/// - `partialFingerprints["hullLineHash/v1"]` is a SHA-256 of code, path and normalised line
///   text, stable when lines move.
public struct SARIFReporter: Reporter {
    /// The absolute directory `%SRCROOT%` stands for.
    public var sourceRoot: String?

    /// Creates a SARIF reporter.
    public init(sourceRoot: String? = nil) {
        self.sourceRoot = sourceRoot
    }

    public var identifier: String { ReportFormat.sarif.rawValue }
    public var summary: String { ReportFormat.sarif.summary }

    public func write(_ report: Report, to output: inout some TextOutputStream) {
        output.write(JSONText.encode(log(for: report)))
    }

    /// The key of the source root in `originalUriBaseIds`.
    static let sourceRootID = "%SRCROOT%"

    func log(for report: Report) -> SARIFLog {
        let paths = RepositoryPath(root: sourceRoot)
        let lookup = Report.SourceLookup(report)
        let fingerprints = Fingerprints(report)

        var rules = report.rules
        for (_, diagnostic) in report.allDiagnostics where !rules.contains(where: { $0.code == diagnostic.code }) {
            // Codes that are not rules (parse errors) still need a descriptor for `ruleIndex`.
            rules.append(RuleMetadata(code: diagnostic.code, name: diagnostic.name, summary: diagnostic.name,
                                      rationale: "", category: "correctness", defaultSeverity: diagnostic.severity))
        }
        let taxonomyNames = Set(rules.flatMap { $0.aliases.map(\.tool) }).sorted(by: DiagnosticOrder.precedes)
        let taxonomies = taxonomyNames.map { tool in
            let ids = Set(rules.flatMap { $0.aliases.filter { $0.tool == tool }.map(\.id) }).sorted(by: DiagnosticOrder.precedes)
            return SARIFLog.ToolComponent(
                name: tool, guid: NameBasedGUID.taxonomy(tool),
                taxa: ids.map { SARIFLog.ReportingDescriptor(id: $0, guid: NameBasedGUID.taxon($0, in: tool)) })
        }
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.code, $0) })

        var results: [SARIFLog.Result] = []
        for (artifactIndex, artifact) in report.artifacts.enumerated() {
            for (index, diagnostic) in artifact.diagnostics.enumerated() {
                results.append(result(for: diagnostic, ruleIndex: ruleIndex[diagnostic.code] ?? 0,
                                      fingerprint: fingerprints[artifactIndex, index], paths: paths, lookup: lookup))
            }
        }

        let driver = SARIFLog.ToolComponent(
            name: report.tool.name, version: report.tool.version, informationUri: report.tool.informationURI,
            rules: rules.map(descriptor),
            supportedTaxonomies: taxonomyNames.isEmpty ? nil : taxonomyNames.map { .init(name: $0, guid: NameBasedGUID.taxonomy($0)) })
        let notifications = report.failures.map { failure in
            SARIFLog.Notification(level: "error", message: .init(text: failure.path.map { "\($0): \(failure.message)" } ?? failure.message))
        }
        let run = SARIFLog.Run(
            tool: .init(driver: driver),
            invocations: [.init(executionSuccessful: report.executionSuccessful,
                                toolExecutionNotifications: notifications.isEmpty ? nil : notifications)],
            originalUriBaseIds: paths.rootURI.map { .init(sourceRoot: .init(uri: $0)) },
            taxonomies: taxonomies.isEmpty ? nil : taxonomies,
            results: results)
        return SARIFLog(runs: [run])
    }

    /// SARIF's three levels; Hull's `info` and `style` are both notes.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info, .style: "note"
        }
    }

    private func descriptor(for rule: RuleMetadata) -> SARIFLog.ReportingDescriptor {
        let rationale = rule.rationale.isEmpty ? rule.summary : rule.rationale
        var text = rule.summary + "\n\n" + rationale
        var markdown = "**" + rule.summary + "**\n\n" + rationale
        if !rule.aliases.isEmpty {
            text += "\n\nAlso reported by: " + rule.aliases.map { "\($0.tool) \($0.id)" }.joined(separator: ", ") + "."
            markdown += "\n\nAlso reported by: " + rule.aliases.map { "\($0.tool) `\($0.id)`" }.joined(separator: ", ") + "."
        }
        if let help = rule.helpURI {
            text += "\n\nDocumentation: " + help
            markdown += "\n\n[Documentation](" + help + ")"
        }
        let relationships = rule.aliases.map { alias in
            SARIFLog.ReportingDescriptorRelationship(
                target: .init(id: alias.id, guid: NameBasedGUID.taxon(alias.id, in: alias.tool),
                              toolComponent: .init(name: alias.tool, guid: NameBasedGUID.taxonomy(alias.tool))),
                kinds: ["equal"])
        }
        return SARIFLog.ReportingDescriptor(
            id: rule.code.rawValue, name: rule.name,
            shortDescription: .init(text: rule.summary), fullDescription: .init(text: rationale),
            help: .init(text: text, markdown: markdown), helpUri: rule.helpURI,
            defaultConfiguration: .init(level: Self.level(rule.defaultSeverity)),
            relationships: relationships.isEmpty ? nil : relationships,
            properties: .init(tags: [rule.category], securitySeverity: rule.category == "security" ? Self.securitySeverity(rule.defaultSeverity) : nil))
    }

    /// GitHub's 0–10 scale: over 9 critical, 7–8.9 high, 4–6.9 medium, under 4 low.
    private static func securitySeverity(_ severity: Severity) -> String {
        switch severity {
        case .error: "8.0"
        case .warning: "5.5"
        case .info: "3.0"
        case .style: "1.0"
        }
    }

    private func result(for diagnostic: Diagnostic, ruleIndex: Int, fingerprint: String, paths: RepositoryPath, lookup: Report.SourceLookup) -> SARIFLog.Result {
        var location: SARIFLog.Location
        var fixes: [SARIFLog.Fix]?
        switch diagnostic.location {
        case let .file(path, _):
            let artifact = artifactLocation(path, paths: paths)
            let resolved = lookup.resolve(diagnostic.location)
            location = .init(physicalLocation: .init(artifactLocation: artifact, region: resolved.map(Self.region)))
            if let fix = diagnostic.fix, fix.applicability != .displayOnly, !fix.edits.isEmpty,
               let replacements = replacements(fix.edits, path: path, lookup: lookup) {
                fixes = [.init(description: .init(text: fix.title),
                               artifactChanges: [.init(artifactLocation: artifact, replacements: replacements)],
                               properties: .init(applicability: fix.applicability.rawValue))]
            }
        case let .contextPath(root, path):
            location = .init(physicalLocation: .init(artifactLocation: artifactLocation(LocationText.contextPath(root: root, path: path), paths: paths)))
        case let .imageLayer(image, layer, path):
            let inner = path.hasPrefix("/") ? String(path.dropFirst()) : path
            location = .init(
                physicalLocation: .init(artifactLocation: .init(uri: RepositoryPath.percentEncoded(image + "/" + inner))),
                logicalLocations: [.init(name: path, fullyQualifiedName: LocationText.imageLayer(image: image, layer: layer, path: path), kind: "resource")])
        case let .image(image):
            location = .init(
                physicalLocation: .init(artifactLocation: .init(uri: RepositoryPath.percentEncoded(image))),
                logicalLocations: [.init(fullyQualifiedName: image, kind: "resource")])
        }
        var text = diagnostic.message
        if !diagnostic.notes.isEmpty { text += "\n\n" + diagnostic.notes.joined(separator: "\n") }
        return SARIFLog.Result(
            ruleId: diagnostic.code.rawValue, ruleIndex: ruleIndex, level: Self.level(diagnostic.severity),
            message: .init(text: text), locations: [location],
            partialFingerprints: .init(lineHash: fingerprint), fixes: fixes,
            properties: .init(severity: diagnostic.severity.rawValue))
    }

    private func artifactLocation(_ path: String, paths: RepositoryPath) -> SARIFLog.ArtifactLocation {
        if let relative = paths.relative(path) {
            return .init(uri: RepositoryPath.percentEncoded(relative), uriBaseId: Self.sourceRootID)
        }
        return .init(uri: RepositoryPath.uriReference(path))
    }

    private static func region(_ resolved: ResolvedRange) -> SARIFLog.Region {
        .init(startLine: resolved.start.line, startColumn: resolved.start.utf16Column,
              endLine: resolved.end.line, endColumn: resolved.end.utf16Column)
    }

    private func replacements(_ edits: [Edit], path: String, lookup: Report.SourceLookup) -> [SARIFLog.Replacement]? {
        var replacements: [SARIFLog.Replacement] = []
        for edit in edits.sorted(by: { $0.range < $1.range }) {
            guard let resolved = lookup.resolve(edit.range, inFile: path) else { return nil }
            replacements.append(.init(deletedRegion: Self.region(resolved),
                                      insertedContent: edit.replacement.isEmpty ? nil : .init(text: edit.replacement)))
        }
        return replacements
    }
}
