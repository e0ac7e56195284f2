import HullCore
import Testing
@testable import HullShell

@Suite("Scripts nested in sh -c, su -c and here-documents")
struct NestedScriptTests {
    @Test("the commands of a single-quoted `sh -c` string map into the quotes exactly")
    func singleQuoted() throws {
        let text = "sh -c 'apt-get update && apt-get install -y curl'"
        let script = parse(text)
        #expect(script.errors.isEmpty)
        #expect(script.commands.map { $0.effectiveName ?? "?" } == ["sh", "apt-get", "apt-get"])
        let outer = script.commands[0]
        #expect(outer.nestedScript?.commands.count == 2)
        let install = script.commands[2]
        #expect(install.source.isExact)
        #expect(install.context.enclosures == [.nestedScript(shell: "sh")])
        #expect(install.context.shell == "sh")
        let yes = try #require(install.invocation?.options(named: "-y").first)
        let expected = text.utf8.count - "curl'".utf8.count - "-y ".utf8.count
        #expect(yes.nameFileRange == TextRange(start: expected, end: expected + 2))
        #expect(install.fileRange == TextRange(start: 25, end: text.utf8.count - 1))
    }

    @Test("a double-quoted `bash -c` string without escapes maps exactly, through a continuation")
    func doubleQuotedThroughContinuation() throws {
        let physical = "bash -c \"apk add \\\n --no-cache git\""
        let (source, file) = logicalLine(physical, base: 10)
        let script = ShellScript(parsing: source)
        #expect(script.errors.isEmpty)
        let apk = try #require(script.commands.last)
        #expect(apk.effectiveName == "apk")
        let noCache = try #require(apk.invocation?.options(named: "--no-cache").first)
        #expect(ShellSource.text(of: noCache.nameFileRange, in: file, base: 10) == "--no-cache")
    }

    @Test("a string with escapes maps every nested range to the whole argument")
    func escapedStringCollapses() throws {
        let text = "bash -c \"echo \\\"hi\\\" && apt-get install x\""
        let script = parse(text)
        #expect(script.errors.isEmpty)
        let install = try #require(script.commands.last)
        #expect(install.effectiveName == "apt-get")
        #expect(!install.source.isExact)
        let argument = script.commands[0].words[2]
        #expect(install.fileRange == argument.fileRange)
        #expect(install.invocation?.packages.first?.nameFileRange == argument.fileRange)
        #expect(script.commands[1].words.map { $0.literal ?? "?" } == ["echo", "hi"])
    }

    @Test("`su -c`, `su user -c`, `runuser -c` and `--command=` run their string", arguments: [
        "su -c 'pip install x' app", "su app -c \"pip install x\"", "su - app -s /bin/sh -c 'pip install x'",
        "runuser -l app -c 'pip install x'", "su --command='pip install x' app",
    ])
    func su(_ text: String) {
        let script = parse(text)
        #expect(script.errors.isEmpty)
        #expect(script.commands.last?.effectiveName == "pip")
        #expect(script.commands.last?.invocation?.subcommand == "install")
    }

    @Test("the shell's own flags set the nested script's options")
    func shellFlags() throws {
        let script = parse("bash -eo pipefail -c 'curl -fsSL x | sh' && curl y | sh")
        let nested = script.commands.filter { $0.context.isInNestedScript }
        #expect(nested.count == 2)
        #expect(nested.allSatisfy { $0.context.shellOptions.pipefail && $0.context.shellOptions.errexit })
        #expect(script.commands.last?.context.shellOptions.pipefail == false)
    }

    @Test("wrappers before the shell are recorded, and `-c` may come after other flags")
    func wrappedShell() {
        let script = parse("sudo -u app bash -l -c 'npm install'")
        #expect(script.commands[0].wrapperNames == ["sudo"])
        #expect(script.commands[0].effectiveName == "bash")
        #expect(script.commands.last?.invocation?.subcommand == "install")
        #expect(parse("xargs -n1 sh -xc 'rm -rf \"$0\"'").commands.last?.effectiveName == "rm")
    }

    @Test("a here-document or here-string fed to a shell is parsed as a script")
    func hereDocumentToShell() throws {
        let text = "bash <<'EOF'\nset -e\napt-get install -y x\nEOF\nsh <<< 'apk add y'"
        let script = parse(text)
        #expect(script.errors.isEmpty)
        #expect(script.commands.map { $0.effectiveName ?? "?" } == ["bash", "set", "apt-get", "sh", "apk"])
        let install = script.commands[2]
        #expect(install.context.shellOptions.errexit)
        let offset = text.utf8.count - "apt-get install -y x\nEOF\nsh <<< 'apk add y'".utf8.count
        #expect(install.fileRange == TextRange(start: offset, end: offset + 20))
    }

    @Test("scripts nest in scripts, and the depth limit stops runaway nesting")
    func nesting() throws {
        let text = "sh -c \"bash -c 'apt-get install -y x'\""
        let script = parse(text)
        #expect(script.errors.isEmpty)
        let install = try #require(script.commands.last)
        #expect(install.context.enclosures == [.nestedScript(shell: "sh"), .nestedScript(shell: "bash")])
        let yes = try #require(install.invocation?.options(named: "-y").first)
        let start = text.utf8.count - "-y x'\"".utf8.count
        #expect(yes.nameFileRange == TextRange(start: start, end: start + 2))

        let limited = parse(text, options: ShellParseOptions(maximumDepth: 2))
        #expect(limited.errors.contains { $0.kind == .nestingTooDeep })
        #expect(!limited.commands.contains { $0.effectiveName == "apt-get" })
        let off = parse(text, options: ShellParseOptions(parsesNestedScripts: false))
        #expect(off.commands.count == 1)
    }

    @Test("errors in a nested script are reported with file ranges and marked as nested")
    func nestedErrors() throws {
        let script = parse("sh -c 'if true; then echo'")
        let error = try #require(script.errors.first)
        #expect(error.isInNestedScript)
        #expect(error.kind == .missingTerminator)
        #expect(error.fileRange == TextRange(start: 7, end: 9))
    }

    @Test("commands that only look like shells yield no static nested command", arguments: [
        "sh script.sh -c x", "bash -c", "bash -c \"$SCRIPT\"", "sh", "command -v sh",
    ])
    func notNested(_ text: String) {
        let script = parse(text)
        #expect(script.commands.dropFirst().allSatisfy { $0.effectiveName == nil })
    }
}
