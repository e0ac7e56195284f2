import Foundation
import HullCore
import Testing
@testable import HullReport

/// ``JSONTextEncoder`` must write exactly what Foundation's `JSONEncoder` writes with the
/// report's formatting; these compare the two on the reporters' documents and on awkward values.
@Suite("JSON text encoder")
struct JSONTextEncoderTests {
    /// Keys in an order that tells byte order from numeric, case-insensitive or locale order.
    struct AwkwardKeys: Encodable {
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            for key in ["utf8Column", "utf16Column", "aB", "aa", "Ab", "_x", "a1", "a10", "a2", "Z", "é", "e", "$schema", "a-b", "a_b", "ab"] {
                try container.encode(key, forKey: Key(key))
            }
            try container.encodeNil(forKey: Key("none"))
            try container.encode(true, forKey: Key("yes"))
            try container.encode(-42, forKey: Key("number"))
            try container.encode([String](), forKey: Key("emptyArray"))
            try container.encode([String: Int](), forKey: Key("emptyObject"))
            try container.encode(["b": 2, "a": 1], forKey: Key("dictionary"))
            try container.encode([[1, 2], [], [3]], forKey: Key("nested"))
            try container.encode([nil, "x"] as [String?], forKey: Key("optionals"))
            try container.encode(Empty(), forKey: Key("encodesNothing"))
        }

        struct Key: CodingKey {
            var stringValue: String
            init(_ value: String) { stringValue = value }
            init?(stringValue: String) { self.stringValue = stringValue }
            var intValue: Int? { nil }
            init?(intValue: Int) { nil }
        }

        struct Empty: Encodable {
            func encode(to encoder: any Encoder) throws {}
        }
    }

    @Test("strings are escaped as Foundation escapes them", arguments: [
        "plain", "", "quote \" and backslash \\ and slash /", "\u{0}\u{1}\u{7}\u{8}\u{9}\u{a}\u{b}\u{c}\u{d}\u{1b}\u{1f}",
        "\u{7f} delete, \u{2028} line separator, \u{feff} BOM", "é, 漢字, 😀, e\u{301}", "tab\there\r\nCRLF",
    ])
    func strings(_ text: String) {
        #expect(JSONText.encode(["value": text]) == JSONText.foundationEncode(["value": text]))
        #expect(JSONText.encode([text]) == JSONText.foundationEncode([text]))
    }

    @Test("keys are sorted, and nil, booleans, numbers, empty and nested values are written as Foundation writes them")
    func structure() {
        #expect(JSONTextEncoder.encode(AwkwardKeys()) != nil)
        #expect(JSONText.encode(AwkwardKeys()) == JSONText.foundationEncode(AwkwardKeys()))
    }

    @Test("values Foundation writes in its own way are left to Foundation")
    func fallback() {
        #expect(JSONTextEncoder.encode(["value": 1.5]) == nil)
        #expect(JSONTextEncoder.encode(["value": URL(string: "https://example.com/a b")!]) == nil)
        #expect(JSONText.encode(["value": 1.5]) == JSONText.foundationEncode(["value": 1.5]))
    }

    @Test("each JSON format's document of the fixture report is byte-identical to Foundation's", arguments: [ReportFormat.json, .sarif, .gitlab])
    func reporterDocuments(_ format: ReportFormat) {
        let report = ReportFixture.report
        let options = ReporterOptions(sourceRoot: ReportFixture.sourceRoot)
        let foundation: String
        switch format {
        case .json: foundation = JSONText.foundationEncode(JSONReporter().document(for: report))
        case .sarif: foundation = JSONText.foundationEncode(SARIFReporter(sourceRoot: ReportFixture.sourceRoot).log(for: report))
        case .gitlab: foundation = JSONText.foundationEncode(GitLabReporter(sourceRoot: ReportFixture.sourceRoot).issues(for: report))
        default: foundation = ""
        }
        #expect(format.reporter(options: options).render(report) == foundation)
    }
}
