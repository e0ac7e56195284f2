import Testing
@testable import HullShell

@Suite("Parser smoke")
struct SmokeTests {
    @Test("a typical RUN line yields its commands")
    func typical() {
        let script = parse("apt-get update && apt-get install -y --no-install-recommends curl ca-certificates && rm -rf /var/lib/apt/lists/*")
        #expect(script.errors.isEmpty)
        #expect(script.commands.map { $0.effectiveName ?? "?" } == ["apt-get", "apt-get", "rm"])
        let install = script.commands[1].invocation
        #expect(install?.subcommand == "install")
        #expect(install?.has(option: "-y") == true)
        #expect(install?.operandValues == ["curl", "ca-certificates"])
        #expect(script.commands[2].words.last?.literal == "/var/lib/apt/lists/*")
    }
}
