import Foundation
import HullCore
import HullImage
import HullLint
import HullRules
import Testing

/// The image rules' examples, run the way `hull image` runs the rules: every example image is
/// built as a `docker save` archive, analysed, and judged by its rule alone.
///
/// The Dockerfile catalogue's text variants (lower-case keywords, CRLF line endings, a
/// multi-byte comment, an ignore pragma above the line) do not apply to images: an image has
/// no source text, and no in-file pragmas. Their counterparts here are the configuration
/// variants: ignoring the rule by code, by name or by a peer ID silences it, selecting another
/// family of rules leaves it off, and a severity override stamps every finding.
@Suite("Image rule catalogue")
struct ImageCatalogueTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var rule: any ImageRule.Type
        var index: Int
        var testDescription: String { "\(rule.description.code) \(rule.description.name) image example \(index + 1)" }
    }

    static let cases: [Case] = BuiltinRules.allImageRules.flatMap { rule in rule.description.imageExamples.indices.map { Case(rule: rule, index: $0) } }

    /// Where a finding points, in the examples' terms.
    static func expected(_ diagnostic: Diagnostic) -> ImageRuleExample.Expected? {
        switch diagnostic.location {
        case .image: .image
        case .imageLayer(_, _, let path): .path(path)
        default: nil
        }
    }

    @Test("image rules have image examples only, and every rule has a passing and a failing one")
    func shape() {
        #expect(!BuiltinRules.allImageRules.isEmpty)
        for rule in BuiltinRules.allImageRules {
            let description = rule.description
            #expect(description.code.rawValue.hasPrefix("IM"), "\(description.code) is an image rule with an IM code")
            #expect(description.examples.isEmpty, "\(description.code): image rules give image examples")
            #expect(description.imageExamples.contains { if case .passing = $0.kind { true } else { false } }, "\(description.code) has a passing image")
            #expect(description.imageExamples.contains { if case .failing = $0.kind { true } else { false } }, "\(description.code) has a failing image")
        }
    }

    @Test("image examples behave as described, and configuration silences or restamps them", arguments: cases)
    func example(_ item: Case) throws {
        let rule = item.rule
        let description = rule.description
        let example = description.imageExamples[item.index]
        let analysis = try ExampleImageBuilder.analyze(example.image)
        let found = ExampleImageBuilder.diagnostics(rule, analysis, example.image)
        switch example.kind {
        case .passing:
            #expect(found.isEmpty, "expected no finding, got \(found.map(\.message))")
        case .failing(let expected):
            #expect(!expected.isEmpty, "a failing example says what it expects")
            let places = found.compactMap(Self.expected).map(\.description).sorted()
            #expect(places == expected.map(\.description).sorted(), "findings at \(places), expected \(expected): \(found.map(\.message))")
            for diagnostic in found {
                #expect(diagnostic.code == description.code && diagnostic.name == description.name)
                #expect(diagnostic.severity == description.defaultSeverity)
            }
            if let note = example.note {
                #expect(found.contains { $0.notes.contains { $0.contains(note) } }, "a finding notes `\(note)`: \(found.map(\.notes))")
            }
            var identifiers = [description.code.rawValue, description.name] + description.aliases.map(\.id)
            identifiers.append(String(description.code.rawValue.prefix(3)))
            for identifier in identifiers {
                var configuration = Configuration()
                configuration.ignore = [identifier]
                #expect(ExampleImageBuilder.diagnostics(rule, analysis, example.image, configuration: configuration).isEmpty, "`ignore: [\(identifier)]` silences it")
            }
            var others = Configuration()
            others.select = ["DF", "SH"]
            #expect(ExampleImageBuilder.diagnostics(rule, analysis, example.image, configuration: others).isEmpty, "`select: [DF, SH]` leaves image rules off")
            var restamped = Configuration()
            let level: Severity = description.defaultSeverity == .error ? .info : .error
            restamped.severity = [description.name: level]
            let stamped = ExampleImageBuilder.diagnostics(rule, analysis, example.image, configuration: restamped)
            #expect(stamped.count == found.count && stamped.allSatisfy { $0.severity == level }, "a severity override stamps every finding")
        }
    }
}
