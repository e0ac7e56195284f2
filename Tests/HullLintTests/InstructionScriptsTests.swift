import HullCore
import HullDockerfile
import HullLint
import HullShell
import Testing

@Suite("Instruction scripts")
struct InstructionScriptsTests {
    @Test("RUN scripts map commands and options back to exact file bytes through continuations")
    func continuation() throws {
        let text = "FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y curl\n"
        let input = AnalyzedDockerfile(Dockerfile.parse(text))
        let scripts = try #require(input.scripts(at: 1))
        let install = try #require(scripts.invocations.first { $0.subcommand == "install" })
        let option = try #require(install.options.first { $0.matches(["-y"]) })
        let range = scripts.scripts[0].script.source.fileRange(option.range)
        #expect(input.source.text(range) == "-y")
    }

    @Test("a RUN made only of a heredoc runs its body as the script; other heredocs are data")
    func heredocs() throws {
        let text = "FROM alpine\nRUN <<EOF\napk add curl\nEOF\nRUN python3 <<EOF\nimport os\nEOF\nRUN bash <<EOF\npip install x\nEOF\n"
        let input = AnalyzedDockerfile(Dockerfile.parse(text))
        let first = try #require(input.scripts(at: 1))
        #expect(first.scripts.count == 1 && first.contains(command: "apk"))
        let apk = try #require(first.invocations.first)
        #expect(input.source.text(first.scripts[0].script.source.fileRange(apk.nameWord.range)) == "apk")
        let second = try #require(input.scripts(at: 2))
        #expect(!second.contains(command: "import"))
        #expect(input.scripts(at: 3)?.contains(command: "pip") == true)
    }

    @Test("SHELL sets the initial shell options, and child stages inherit it")
    func shell() throws {
        let text = "FROM debian AS base\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nFROM base\nRUN curl x | sh\n"
        let input = AnalyzedDockerfile(Dockerfile.parse(text))
        let scripts = try #require(input.scripts(at: 3))
        #expect(scripts.shell.first == "/bin/bash")
        #expect(scripts.commands.first?.context.shellOptions.pipefail == true)
    }
}

@Suite("Instruction scripts: SHELL inheritance")
struct ShellInheritanceTests {
    @Test("SHELL is inherited through a stage named by an ARG")
    func throughArgument() throws {
        let input = AnalyzedDockerfile(Dockerfile.parse("ARG A=base\nFROM alpine AS base\nSHELL [\"/bin/bash\", \"-c\"]\nFROM ${A} AS middle\nFROM middle\nRUN echo\n"))
        #expect(input.scripts(at: 5)?.shell == ["/bin/bash", "-c"])
    }
}
