/// The subset of SARIF 2.1.0 (OASIS, errata 01) that Hull writes; section numbers name the
/// specification's object definitions. Optional properties left `nil` are omitted.
struct SARIFLog: Encodable {
    /// The schema this log conforms to.
    var schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    /// The SARIF version.
    var version = "2.1.0"
    /// Hull writes one run.
    var runs: [Run]

    private enum CodingKeys: String, CodingKey {
        case schema = "$schema", version, runs
    }

    /// §3.14 `run`.
    struct Run: Encodable {
        var tool: Tool
        var invocations: [Invocation]
        var originalUriBaseIds: OriginalURIBaseIDs?
        var taxonomies: [ToolComponent]?
        var results: [Result]
        /// Columns count UTF-16 code units, as GitHub and most viewers expect.
        var columnKind = "utf16CodeUnits"
    }

    /// The absolute location `%SRCROOT%` stands for (`run.originalUriBaseIds`).
    struct OriginalURIBaseIDs: Encodable {
        var sourceRoot: ArtifactLocation

        private enum CodingKeys: String, CodingKey {
            case sourceRoot = "%SRCROOT%"
        }
    }

    /// §3.18 `tool`.
    struct Tool: Encodable {
        var driver: ToolComponent
    }

    /// §3.19 `toolComponent`: the driver, or a taxonomy of a peer tool's identifiers.
    struct ToolComponent: Encodable {
        var name: String
        var guid: String?
        var version: String?
        var informationUri: String?
        var rules: [ReportingDescriptor]?
        var taxa: [ReportingDescriptor]?
        var supportedTaxonomies: [ToolComponentReference]?
    }

    /// §3.49 `reportingDescriptor`: a rule, or a taxon of a taxonomy.
    struct ReportingDescriptor: Encodable {
        var id: String
        var guid: String?
        var name: String?
        var shortDescription: MultiformatMessageString?
        var fullDescription: MultiformatMessageString?
        var help: MultiformatMessageString?
        var helpUri: String?
        var defaultConfiguration: ReportingConfiguration?
        var relationships: [ReportingDescriptorRelationship]?
        var properties: RuleProperties?
    }

    /// §3.12 `multiformatMessageString`.
    struct MultiformatMessageString: Encodable {
        var text: String
        var markdown: String?
    }

    /// §3.50 `reportingConfiguration`.
    struct ReportingConfiguration: Encodable {
        var level: String
    }

    /// The property bag (§3.8) of a rule: `tags` plus GitHub's `security-severity`.
    struct RuleProperties: Encodable {
        var tags: [String]
        var securitySeverity: String?

        private enum CodingKeys: String, CodingKey {
            case tags, securitySeverity = "security-severity"
        }
    }

    /// §3.53 `reportingDescriptorRelationship`.
    struct ReportingDescriptorRelationship: Encodable {
        var target: ReportingDescriptorReference
        var kinds: [String]
    }

    /// §3.52 `reportingDescriptorReference`: a taxon is found through its `guid`, within the taxonomy `toolComponent` names.
    struct ReportingDescriptorReference: Encodable {
        var id: String
        var guid: String
        var toolComponent: ToolComponentReference
    }

    /// §3.54 `toolComponentReference`: `index` would point into `tool.extensions`, so taxonomies are named by `guid`.
    struct ToolComponentReference: Encodable {
        var name: String
        var guid: String
    }

    /// §3.27 `result`.
    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Message
        var locations: [Location]
        var partialFingerprints: PartialFingerprints
        var fixes: [Fix]?
        var properties: ResultProperties
    }

    /// `result.partialFingerprints`: Hull's own fingerprint, versioned in its name.
    struct PartialFingerprints: Encodable {
        var lineHash: String

        private enum CodingKeys: String, CodingKey {
            case lineHash = "hullLineHash/v1"
        }
    }

    /// The property bag (§3.8) of a result: Hull's four-level severity, which `level` folds to three.
    struct ResultProperties: Encodable {
        var severity: String
    }

    /// §3.11 `message`.
    struct Message: Encodable {
        var text: String
    }

    /// §3.28 `location`.
    struct Location: Encodable {
        var physicalLocation: PhysicalLocation
        var logicalLocations: [LogicalLocation]?
    }

    /// §3.29 `physicalLocation`.
    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region?
    }

    /// §3.4 `artifactLocation`.
    struct ArtifactLocation: Encodable {
        var uri: String
        var uriBaseId: String?
    }

    /// §3.30 `region`: a text region; columns in the run's `columnKind`, `endColumn` exclusive.
    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int
        var endLine: Int
        var endColumn: Int
    }

    /// §3.33 `logicalLocation`.
    struct LogicalLocation: Encodable {
        var name: String?
        var fullyQualifiedName: String
        var kind: String
    }

    /// §3.55 `fix`.
    struct Fix: Encodable {
        var description: Message
        var artifactChanges: [ArtifactChange]
        var properties: FixProperties
    }

    /// The property bag (§3.8) of a fix: Hull's applicability, which SARIF has no field for.
    struct FixProperties: Encodable {
        var applicability: String
    }

    /// §3.56 `artifactChange`.
    struct ArtifactChange: Encodable {
        var artifactLocation: ArtifactLocation
        var replacements: [Replacement]
    }

    /// §3.57 `replacement`.
    struct Replacement: Encodable {
        var deletedRegion: Region
        var insertedContent: ArtifactContent?
    }

    /// §3.3 `artifactContent`.
    struct ArtifactContent: Encodable {
        var text: String
    }

    /// §3.20 `invocation`.
    struct Invocation: Encodable {
        var executionSuccessful: Bool
        var toolExecutionNotifications: [Notification]?
    }

    /// §3.58 `notification`.
    struct Notification: Encodable {
        var level: String
        var message: Message
    }
}
