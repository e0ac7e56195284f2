import Foundation
import HullTestSupport
import Testing

@Suite("generated release files")
struct GeneratedFilesTests {
    static let python: String? = {
        let candidates = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/python3" }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    @Test("the checked-in completions and man page are what the commands generate now",
          .enabled(if: GeneratedFilesTests.python != nil, "needs python3 to run scripts/generate-completions"))
    func completionsAndManPage() throws {
        let hull = try #require(HullExecutable.url)
        let script = SharedData.packageRoot.appendingPathComponent("scripts/generate-completions").path
        let run = try Subprocess.run(Self.python!, [script, "--check", hull.path])
        #expect(run.status == 0, "\(String(decoding: run.stderr, as: UTF8.self))")
        let manual = try String(contentsOf: SharedData.packageRoot.appendingPathComponent("Docs/man/hull.1"), encoding: .utf8)
        for command in ["check", "compare", "lint", "fix", "context", "ignore", "cache", "rules", "parse"] {
            #expect(manual.contains(".SS hull \(command)\n"), "the man page covers hull \(command)")
        }
        #expect(manual.contains(".SH EXIT STATUS"))
        let bash = try String(contentsOf: SharedData.packageRoot.appendingPathComponent("completions/hull.bash"), encoding: .utf8)
        #expect(bash.contains("compare") && bash.contains("check"))
    }
}
