/// The wire format of `hull --format json`, schema version 1.
///
/// Documented in `Docs/json-output.md` and specified by
/// `Docs/schemas/report-v1.schema.json`. Within a schema version, fields are only ever added;
/// renaming or removing one, or changing its meaning, raises ``schemaVersion``. Lines and
/// columns count from 1; `utf8Column` counts bytes and `utf16Column` UTF-16 code units from
/// the start of the line (a byte-order mark is not counted); `offset` counts bytes from the
/// start of the file (a byte-order mark is counted). Ranges are half-open: `end` is the first
/// position after the range.
public struct JSONReportDocument: Codable, Sendable, Equatable {
    /// The version of this format; `1`.
    public var schemaVersion: Int
    /// The program that wrote the report.
    public var tool: Tool
    /// The rules that ran, by code.
    public var rules: [Rule]
    /// What was analysed, in canonical order, each with its diagnostics.
    public var artifacts: [Artifact]
    /// Inputs that could not be analysed.
    public var failures: [Failure]
    /// Counts over the whole report.
    public var summary: Summary

    /// The program that wrote the report.
    public struct Tool: Codable, Sendable, Equatable {
        /// Its name.
        public var name: String
        /// Its version.
        public var version: String
        /// A page about it.
        public var informationUri: String?
    }

    /// A peer tool's identifier for a rule.
    public struct Alias: Codable, Sendable, Equatable {
        /// The peer tool, such as `hadolint`.
        public var tool: String
        /// Its identifier there, such as `DL4000`.
        public var id: String
    }

    /// A rule that ran.
    public struct Rule: Codable, Sendable, Equatable {
        /// The stable code, such as `DF001`.
        public var code: String
        /// The kebab-case name.
        public var name: String
        /// One sentence saying what is flagged.
        public var summary: String
        /// Why it matters and what to do instead.
        public var rationale: String
        /// The theme, such as `security`.
        public var category: String
        /// `error`, `warning`, `info` or `style`.
        public var defaultSeverity: String
        /// Peer tools' identifiers for the same check.
        public var aliases: [Alias]
        /// `none`, `displayOnly`, `unsafe`, `safe` or `sometimes`.
        public var fixAvailability: String
        /// A page documenting the rule.
        public var helpUri: String?
    }

    /// One analysed thing.
    public struct Artifact: Codable, Sendable, Equatable {
        /// `dockerfile`, `ignoreFile`, `context` or `image`.
        public var kind: String
        /// A file path, a context root or an image reference.
        public var path: String
        /// Its diagnostics, by position then code.
        public var diagnostics: [Diagnostic]
    }

    /// One finding.
    public struct Diagnostic: Codable, Sendable, Equatable {
        /// The rule's code.
        public var code: String
        /// The rule's name.
        public var name: String
        /// The rule's peer identifiers.
        public var aliases: [Alias]
        /// `error`, `warning`, `info` or `style`.
        public var severity: String
        /// The message, with tokens in backticks.
        public var message: String
        /// Extra notes.
        public var notes: [String]
        /// Where it points.
        public var location: Location
        /// The fix, when there is one.
        public var fix: Fix?
    }

    /// Where a diagnostic points; which fields are present depends on `kind`.
    public struct Location: Codable, Sendable, Equatable {
        /// `file`, `contextPath`, `imageLayer` or `image`.
        public var kind: String
        /// The file (`file`), the path inside the context (`contextPath`) or inside the layer
        /// (`imageLayer`).
        public var path: String?
        /// The context root (`contextPath`).
        public var root: String?
        /// The image reference (`imageLayer`, `image`).
        public var image: String?
        /// The layer's index in the image manifest, from 0 (`imageLayer`).
        public var layer: Int?
        /// The text range (`file`).
        public var range: Range?
    }

    /// A half-open text range.
    public struct Range: Codable, Sendable, Equatable {
        /// The first position in the range.
        public var start: Position
        /// The first position after the range.
        public var end: Position
    }

    /// A position in a text file.
    public struct Position: Codable, Sendable, Equatable {
        /// Bytes from the start of the file, from 0.
        public var offset: Int
        /// The line, from 1; absent when the file's text was not part of the report.
        public var line: Int?
        /// The column in UTF-8 bytes, from 1.
        public var utf8Column: Int?
        /// The column in UTF-16 code units, from 1.
        public var utf16Column: Int?
    }

    /// A fix: edits to the diagnostic's file.
    public struct Fix: Codable, Sendable, Equatable {
        /// An imperative title.
        public var title: String
        /// `safe`, `unsafe` or `displayOnly`.
        public var applicability: String
        /// Non-overlapping edits, in file order.
        public var edits: [Edit]
    }

    /// Replaces a range with new text.
    public struct Edit: Codable, Sendable, Equatable {
        /// The bytes replaced; empty for an insertion.
        public var range: Range
        /// The new text.
        public var replacement: String
    }

    /// An input that could not be analysed.
    public struct Failure: Codable, Sendable, Equatable {
        /// The input, when known.
        public var path: String?
        /// What went wrong.
        public var message: String
    }

    /// Counts over the report.
    public struct Summary: Codable, Sendable, Equatable {
        /// All diagnostics.
        public var problems: Int
        /// Diagnostics by severity.
        public var bySeverity: SeverityCounts
        /// Diagnostics whose fix `hull fix` applies by default (`safe`) or with
        /// `--unsafe-fixes` (`unsafe`).
        public var fixable: FixableCounts
        /// Artifacts analysed.
        public var artifacts: Int
        /// Artifacts with at least one diagnostic.
        public var artifactsWithProblems: Int
        /// Inputs that could not be analysed.
        public var failures: Int
    }

    /// Diagnostics by severity.
    public struct SeverityCounts: Codable, Sendable, Equatable {
        /// Errors.
        public var error: Int
        /// Warnings.
        public var warning: Int
        /// Infos.
        public var info: Int
        /// Style findings.
        public var style: Int
    }

    /// Fixable diagnostics by applicability.
    public struct FixableCounts: Codable, Sendable, Equatable {
        /// Applied by default.
        public var safe: Int
        /// Applied with `--unsafe-fixes`.
        public var unsafe: Int
    }
}
