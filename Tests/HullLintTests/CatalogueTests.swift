import Foundation
import HullCore
import HullDockerfile
import HullLint
import HullRules
import HullTestSupport
import Testing

/// One parameterised test over the whole catalogue: every rule's examples, with variants.
@Suite("Rule catalogue")
struct CatalogueTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var rule: any DockerfileRule.Type
        var index: Int
        var testDescription: String { "\(rule.description.code) \(rule.description.name) example \(index + 1)" }
    }

    static let cases: [Case] = BuiltinRules.all.flatMap { rule in rule.description.examples.indices.map { Case(rule: rule, index: $0) } }

    @Test("codes and names are unique and well formed")
    func identities() {
        let descriptions = BuiltinRules.descriptions
        #expect(Set(descriptions.map(\.code)).count == descriptions.count)
        #expect(Set(descriptions.map(\.name)).count == descriptions.count)
        for description in descriptions {
            let code = description.code.rawValue
            #expect(code.range(of: #"^(DF|SH|CX|LC|IM|VN)[0-9]{3}$"#, options: .regularExpression) != nil, "\(code)")
            #expect(description.name.range(of: #"^[a-z0-9]+(-[a-z0-9]+)*$"#, options: .regularExpression) != nil, "\(description.name)")
            #expect(description.summary.hasSuffix("."), "\(code) summary ends with a full stop")
            #expect(description.rationale.count > 60, "\(code) has a real rationale")
            let passing = description.examples.contains { if case .passing = $0.kind { true } else { false } }
                || description.imageExamples.contains { if case .passing = $0.kind { true } else { false } }
            let failing = description.examples.contains { if case .failing = $0.kind { true } else { false } }
                || description.imageExamples.contains { if case .failing = $0.kind { true } else { false } }
            #expect(passing, "\(code) has a passing example")
            #expect(failing, "\(code) has a failing example")
            if description.fixAvailability != .none && description.fixAvailability != .displayOnly {
                #expect(description.examples.contains { if case .fix = $0.kind { true } else { false } }, "\(code) shows its fix")
            }
            if description.fixAvailability == .unsafe || description.fixAvailability == .sometimes {
                #expect(description.fixNote != nil, "\(code) says why its fix is unsafe")
            }
        }
    }

    @Test("every rule type in the sources is registered, in a file named after it")
    func registration() throws {
        let root = SharedData.packageRoot.appendingPathComponent("Sources/HullRules")
        var declared: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".swift") else { continue }
            let text = try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
            let regex = try NSRegularExpression(pattern: #"struct (\w+): (DockerfileRule|ImageRule)"#)
            for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let name = String(text[Range(match.range(at: 1), in: text)!])
                declared[name] = (relative as NSString).lastPathComponent
            }
        }
        let registered = Set(BuiltinRules.all.map { String(describing: $0) } + BuiltinRules.allImageRules.map { String(describing: $0) })
        #expect(Set(declared.keys) == registered, "unregistered: \(Set(declared.keys).subtracting(registered)); missing: \(registered.subtracting(declared.keys))")
        for (type, file) in declared { #expect(file == "\(type).swift", "\(type) lives in \(file)") }
        for rule in BuiltinRules.all as [any Rule.Type] + BuiltinRules.allImageRules as [any Rule.Type] {
            let camel = rule.description.name.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
            #expect(String(describing: rule) == camel + "Rule", "\(rule) is named after `\(rule.description.name)`")
        }
    }

    @Test("examples behave as described, in every variant", arguments: cases)
    func example(_ item: Case) throws {
        let rule = item.rule
        let example = rule.description.examples[item.index]
        let marked = ExampleMarkers(example.text)
        let text = marked.text
        #expect(Dockerfile.parse(text).syntax.error == nil, "example parses")
        switch example.kind {
        case .passing:
            for (variant, transformed) in Variants.all(text, markers: [], keywordCase: !example.keywordCaseMatters) {
                let found = ExampleRunner.diagnostics(rule, transformed.text, example)
                #expect(found.isEmpty, "\(variant): expected no finding, got \(found.map(\.message))")
            }
        case .failing:
            #expect(!marked.markers.isEmpty, "a failing example marks its findings")
            for (variant, transformed) in Variants.all(text, markers: marked.markers, keywordCase: !example.keywordCaseMatters) {
                let found = ExampleRunner.diagnostics(rule, transformed.text, example)
                let starts = found.compactMap { $0.range?.start }.sorted()
                #expect(starts == transformed.markers.map(\.start).sorted(), "\(variant): findings at \(starts), expected \(transformed.markers.map(\.start)): \(found.map(\.message))")
                for marker in transformed.markers where marker.end != nil {
                    #expect(found.contains { $0.range == TextRange(start: marker.start, end: marker.end!) }, "\(variant): exact range \(marker)")
                }
            }
            let silenced = Variants.withPragma(text, markers: marked.markers, code: rule.description.code.rawValue)
            #expect(ExampleRunner.diagnostics(rule, silenced, example).isEmpty, "`# hull ignore=` above the instruction silences it")
            let byName = Variants.withPragma(text, markers: marked.markers, code: rule.description.name)
            #expect(ExampleRunner.diagnostics(rule, byName, example).isEmpty, "`# hull ignore=<name>` silences it")
        case .fix(let after, let applicability):
            let outcome = ExampleRunner.fix(rule, text, example, threshold: applicability)
            #expect(outcome.refusal == nil)
            #expect(String(decoding: outcome.bytes, as: UTF8.self) == after, "fix result")
            #expect(!outcome.applied.isEmpty, "a fix applied")
            #expect(Dockerfile.parse(after).syntax.error == nil, "the fixed file parses")
            let again = ExampleRunner.fix(rule, after, example, threshold: applicability)
            #expect(again.applied.isEmpty, "fixing is idempotent")
            let remaining = ExampleRunner.diagnostics(rule, after, example)
            #expect(remaining.isEmpty, "re-lint after the fix is silent: \(remaining.map(\.message))")
            let crlf = ExampleRunner.fix(rule, text.replacingOccurrences(of: "\n", with: "\r\n"), example, threshold: applicability)
            #expect(String(decoding: crlf.bytes, as: UTF8.self) == after.replacingOccurrences(of: "\n", with: "\r\n"), "the fix keeps CRLF line endings")
        }
    }
}

/// The text variants every example must survive.
enum Variants {
    struct Transformed {
        var text: String
        var markers: [ExampleMarkers.Marker]
    }

    static func all(_ text: String, markers: [ExampleMarkers.Marker], keywordCase: Bool = true) -> [(String, Transformed)] {
        var variants: [(String, Transformed)] = [("as written", Transformed(text: text, markers: markers))]
        if keywordCase { variants.append(("lower-case keywords", Transformed(text: lowercasedKeywords(text), markers: markers))) }
        variants.append(("CRLF line endings", crlf(text, markers)))
        if !text.hasPrefix("#") {
            let prefix = "# Ünïcødé comment ✓ 😀\n"
            let shift = prefix.utf8.count
            variants.append(("multi-byte comment prepended", Transformed(text: prefix + text, markers: markers.map { .init(start: $0.start + shift, end: $0.end.map { $0 + shift }) })))
        }
        return variants
    }

    static func lowercasedKeywords(_ text: String) -> String {
        var bytes = Array(text.utf8)
        func lower(_ instruction: InstructionSyntax) {
            for offset in instruction.keywordRange.start..<instruction.keywordRange.end where bytes[offset] >= 0x41 && bytes[offset] <= 0x5A { bytes[offset] += 0x20 }
            instruction.wrapped.forEach(lower)
        }
        DockerfileParser.parse(text).instructions.forEach(lower)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func crlf(_ text: String, _ markers: [ExampleMarkers.Marker]) -> Transformed {
        let bytes = Array(text.utf8)
        func shifted(_ offset: Int) -> Int { offset + bytes[..<offset].filter { $0 == 0x0A }.count }
        return Transformed(text: text.replacingOccurrences(of: "\n", with: "\r\n"), markers: markers.map { .init(start: shifted($0.start), end: $0.end.map(shifted)) })
    }

    static func withPragma(_ text: String, markers: [ExampleMarkers.Marker], code: String) -> String {
        let syntax = DockerfileParser.parse(text)
        var starts: Set<Int> = []
        var bytes = Array(text.utf8)
        for marker in markers {
            if let instruction = syntax.instructions.first(where: { $0.linesRange.contains(marker.start) }) {
                starts.insert(instruction.linesRange.start)
            } else {
                // A finding on a comment line: the pragma goes on the line above it.
                var lineStart = marker.start
                while lineStart > 0 && bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
                starts.insert(lineStart)
            }
        }
        for start in starts.sorted(by: >) { bytes.insert(contentsOf: Array("# hull ignore=\(code)\n".utf8), at: start) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
