import Foundation
import HullLint
import HullRules
import HullTestSupport
import Testing

/// Docs/rules is generated from the rule descriptions; this test fails when it is stale and
/// rewrites it when `HULL_RECORD_DOCS=1` (what `scripts/update-docs` does).
@Suite("Rule documentation")
struct RuleDocumentationTests {
    @Test("Docs/rules is current")
    func current() throws {
        let folder = SharedData.packageRoot.appendingPathComponent("Docs/rules")
        var expected: [String: String] = ["README.md": RuleDocumentation.index(for: BuiltinRules.descriptions)]
        for rule in BuiltinRules.descriptions { expected["\(rule.code.rawValue).md"] = RuleDocumentation.page(for: rule) }
        if ProcessInfo.processInfo.environment["HULL_RECORD_DOCS"] == "1" {
            try? FileManager.default.removeItem(at: folder)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (name, text) in expected { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
            return
        }
        let present = Set((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        #expect(present == Set(expected.keys), "Docs/rules is stale: run scripts/update-docs")
        for (name, text) in expected {
            let actual = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(actual == text, "Docs/rules/\(name) is stale: run scripts/update-docs")
        }
    }
}
