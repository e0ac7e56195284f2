import Testing
@testable import HullShell

@Suite("Effective commands behind wrappers")
struct EffectiveCommandTests {
    struct WrapperCase: Sendable, CustomTestStringConvertible {
        let script: String
        let name: String?
        let wrappers: [String]
        var firstArgument: String? = nil
        var testDescription: String { script }
    }

    @Test("wrappers are skipped and recorded", arguments: [
        WrapperCase(script: "sudo -E apt-get install -y x", name: "apt-get", wrappers: ["sudo"], firstArgument: "install"),
        WrapperCase(script: "sudo -u root -H --preserve-env=PATH pip install x", name: "pip", wrappers: ["sudo"], firstArgument: "install"),
        WrapperCase(script: "sudo DEBIAN_FRONTEND=noninteractive apt-get update", name: "apt-get", wrappers: ["sudo"]),
        WrapperCase(script: "sudo -l", name: "sudo", wrappers: []),
        WrapperCase(script: "env -i PATH=/bin A=1 make all", name: "make", wrappers: ["env"], firstArgument: "all"),
        WrapperCase(script: "env", name: "env", wrappers: []),
        WrapperCase(script: "nice -n 10 make", name: "make", wrappers: ["nice"]),
        WrapperCase(script: "nice -10 make", name: "make", wrappers: ["nice"]),
        WrapperCase(script: "nohup ./run.sh", name: "run.sh", wrappers: ["nohup"]),
        WrapperCase(script: "time make", name: "make", wrappers: ["time"]),
        WrapperCase(script: "/usr/bin/time -v -o t.log make", name: "make", wrappers: ["time"]),
        WrapperCase(script: "exec gosu app node server.js", name: "node", wrappers: ["exec", "gosu"], firstArgument: "server.js"),
        WrapperCase(script: "exec -a name nginx -g x", name: "nginx", wrappers: ["exec"]),
        WrapperCase(script: "command apt-get update", name: "apt-get", wrappers: ["command"]),
        WrapperCase(script: "command -v curl", name: "command", wrappers: []),
        WrapperCase(script: "xargs -n1 -P4 -I{} curl -O {}", name: "curl", wrappers: ["xargs"], firstArgument: "-O"),
        WrapperCase(script: "xargs -r rm -f", name: "rm", wrappers: ["xargs"]),
        WrapperCase(script: "xargs", name: "xargs", wrappers: []),
        WrapperCase(script: "timeout 30 curl x", name: "curl", wrappers: ["timeout"]),
        WrapperCase(script: "timeout -s KILL --preserve-status 5m wget x", name: "wget", wrappers: ["timeout"]),
        WrapperCase(script: "stdbuf -oL -e0 python app.py", name: "python", wrappers: ["stdbuf"]),
        WrapperCase(script: "su-exec app:app /bin/app --serve", name: "app", wrappers: ["su-exec"]),
        WrapperCase(script: "chroot /mnt apt-get update", name: "apt-get", wrappers: ["chroot"]),
        WrapperCase(script: "chroot --userspec=1000 /mnt id", name: "id", wrappers: ["chroot"]),
        WrapperCase(script: "sudo -E env X=1 nice -n 5 apt-get install x", name: "apt-get", wrappers: ["sudo", "env", "nice"]),
        WrapperCase(script: "busybox wget -q x", name: "wget", wrappers: ["busybox"]),
        WrapperCase(script: "tini -- node app.js", name: "node", wrappers: ["tini"]),
        WrapperCase(script: "python3 -m pip install -U pip", name: "pip", wrappers: ["python3"], firstArgument: "install"),
        WrapperCase(script: "python -m pip install x", name: "pip", wrappers: ["python"]),
        WrapperCase(script: "/usr/local/bin/python3.12 -u -m pip install x", name: "pip", wrappers: ["python3.12"]),
        WrapperCase(script: "python -mpip install x", name: "pip", wrappers: ["python"], firstArgument: "install"),
        WrapperCase(script: "python3 -m venv /venv", name: "python3", wrappers: []),
        WrapperCase(script: "python -c 'import pip'", name: "python", wrappers: []),
        WrapperCase(script: "/usr/bin/apt-get install x", name: "apt-get", wrappers: []),
        WrapperCase(script: "$CMD install", name: nil, wrappers: []),
        WrapperCase(script: "sudo $CMD install", name: nil, wrappers: ["sudo"]),
    ])
    func wrappers(_ example: WrapperCase) throws {
        let command = try #require(parse(example.script).commands.first)
        #expect(command.effectiveName == example.name)
        #expect(command.wrapperNames == example.wrappers)
        if let firstArgument = example.firstArgument {
            #expect(command.arguments.first?.literal == firstArgument)
        }
        if example.name != nil {
            #expect(command.invocation?.name == example.name)
        } else {
            #expect(command.invocation == nil)
        }
    }

    @Test("a wrapper keeps its own words and range")
    func wrapperWords() throws {
        let command = try #require(parse("sudo -u app apt-get update").commands.first)
        let sudo = try #require(command.wrappers.first)
        #expect(sudo.words.map(\.raw) == ["sudo", "-u", "app"])
        #expect(sudo.arguments == ["-u", "app"])
        #expect(sudo.range == 0..<11)
        #expect(command.isWrapped(by: "sudo"))
        #expect(command.effectiveNameWord?.raw == "apt-get")
        #expect(command.isCommand("apt-get", "apt"))
        #expect(command.name == "sudo")
    }

    @Test("pip behind python resolves to the pip grammar")
    func pythonPipGrammar() throws {
        let invocation = try #require(parse("python3 -m pip install --no-cache-dir -r requirements.txt").commands.first?.invocation)
        #expect(invocation.tool == "pip")
        #expect(invocation.subcommand == "install")
        #expect(invocation.has(option: "--no-cache-dir"))
        #expect(invocation.value(of: "-r") == "requirements.txt")
        #expect(invocation.operands.isEmpty)
    }
}

@Suite("Command context")
struct CommandContextTests {
    @Test("pipeline positions, including commands inside a piped group")
    func pipelines() {
        let commands = parse("a | b; { c; d; } | e; f").commands
        #expect(commands.map { $0.context.pipeline?.index } == [0, 1, 0, 0, 1, nil])
        #expect(commands.map { $0.context.pipeline?.count } == [2, 2, 2, 2, 2, nil])
        #expect(commands[0].context.pipeline?.followingOperator == .pipe)
        #expect(commands[1].context.pipeline?.isLast == true)
        #expect(!commands[5].context.isInPipeline)
    }

    @Test("and-or neighbours, fallbacks, negation and tested status")
    func connectors() {
        let commands = parse("a && b || c; ! d; e & f").commands
        #expect(commands[0].context.followingOperator == .and)
        #expect(commands[0].context.isStatusTested)
        #expect(commands[1].context.precedingOperator == .and)
        #expect(commands[1].context.followingOperator == .or)
        #expect(commands[1].context.hasFallback)
        #expect(commands[2].context.isInFallback)
        #expect(!commands[2].context.isStatusTested)
        #expect(commands[3].context.isNegated && commands[3].context.isStatusTested)
        #expect(commands[4].context.isBackground)
        #expect(!commands[5].context.isBackground)
        #expect(commands.map(\.context.index) == Array(0..<6))
    }

    @Test("conditions of if and loops are tested; their bodies are not")
    func conditions() {
        let commands = parse("if a; then b; fi; while c; do d; done; x || { y; z; }").commands
        #expect(commands[0].context.enclosures == [.ifCondition])
        #expect(commands[0].context.isStatusTested)
        #expect(commands[1].context.enclosures == [.ifBody])
        #expect(!commands[1].context.isStatusTested)
        #expect(commands[2].context.enclosures == [.loopCondition])
        #expect(commands[3].context.enclosures == [.loopBody])
        #expect(commands[5].context.isInFallback && commands[6].context.isInFallback)
        #expect(commands[5].context.enclosures == [.braceGroup])
    }

    @Test("the commands of the same script are all listed, substitutions after their command")
    func sameScript() {
        let script = parse("wget -O- $(curl -s url) | sh; curl x")
        #expect(script.commands.map { $0.effectiveName ?? "?" } == ["wget", "curl", "sh", "curl"])
        #expect(script.commands(named: "curl").count == 2)
        #expect(script.contains(command: "wget"))
        #expect(script.contains(command: "wget") && script.contains(command: "curl"))
        #expect(script.hasPipelines)
        #expect(script.invocations.count == 4)
    }
}

@Suite("Shell options set by the script")
struct ShellOptionTests {
    @Test("`set` changes the options of the commands after it", arguments: [
        ("set -e; a", false, true),
        ("set -euo pipefail; a", true, true),
        ("set -o pipefail; a", true, false),
        ("set -e -o pipefail; a", true, true),
        ("set -eux; a", false, true),
        ("set -o errexit -o pipefail; a", true, true),
        ("set -e; set +e; a", false, false),
        ("set -o pipefail; set +o pipefail; a", false, false),
        ("(set -e); a", false, false),
        ("echo $(set -e); a", false, false),
        ("set -e | cat; a", false, false),
        ("{ set -e; }; a", false, true),
        ("if true; then set -o pipefail; fi; a", true, false),
        ("f() { set -e; }; a", false, false),
        ("set -- -e; a", false, false),
        ("a", false, false),
    ])
    func setCommands(text: String, pipefail: Bool, errexit: Bool) throws {
        let command = try #require(parse(text).commands.last)
        #expect(command.effectiveName == "a")
        #expect(command.context.shellOptions.pipefail == pipefail)
        #expect(command.context.shellOptions.errexit == errexit)
    }

    @Test("options in effect are those before the command; the script keeps the final state")
    func ordering() {
        let script = parse("curl x | sh; set -o pipefail; curl y | sh")
        #expect(script.commands[0].context.shellOptions.pipefail == false)
        #expect(script.commands[2].context.shellOptions.pipefail == false)
        #expect(script.commands[3].context.shellOptions.pipefail == true)
        #expect(script.finalShellOptions.pipefail)
    }

    @Test("the SHELL instruction's arguments give the starting state", arguments: [
        (["/bin/bash", "-o", "pipefail", "-c"], true, false),
        (["/bin/bash", "-eo", "pipefail", "-c"], true, true),
        (["/bin/sh", "-c"], false, false),
        (["bash", "-euxo", "pipefail", "-c"], true, true),
        (["/bin/ash", "-e", "-c"], false, true),
    ])
    func shellInstruction(arguments: [String], pipefail: Bool, errexit: Bool) throws {
        let state = ShellOptionState(shellArguments: arguments)
        #expect(state.pipefail == pipefail)
        #expect(state.errexit == errexit)
        let script = parse("curl x | sh", options: ShellParseOptions(initialShellOptions: state))
        #expect(script.commands[0].context.shellOptions == state)
    }

    @Test("single letters map to long option names")
    func letters() {
        #expect(ShellOptionState.longName(forLetter: "u") == "nounset")
        #expect(ShellOptionState.longName(forLetter: "x") == "xtrace")
        #expect(ShellOptionState.longName(forLetter: "z") == nil)
        var state = ShellOptionState()
        state.apply(setArguments: ["-ux"])
        #expect(state.nounset && state.xtrace && !state.errexit)
        #expect(state.description == "nounset,xtrace")
    }
}
