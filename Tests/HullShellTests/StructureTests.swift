import Testing
@testable import HullShell

@Suite("Operators, lists and compound commands")
struct StructureTests {
    struct CommandsCase: Sendable, CustomTestStringConvertible {
        let script: String
        let names: [String]
        var testDescription: String { script }
    }

    @Test("every simple command is found in source order", arguments: [
        CommandsCase(script: "a && b || c", names: ["a", "b", "c"]),
        CommandsCase(script: "a | b |& c", names: ["a", "b", "c"]),
        CommandsCase(script: "! a; b & c\nd", names: ["a", "b", "c", "d"]),
        CommandsCase(script: "(a; b) && { c; d; }", names: ["a", "b", "c", "d"]),
        CommandsCase(script: "if a; then b; elif c; then d; else e; fi", names: ["a", "b", "c", "d", "e"]),
        CommandsCase(script: "if a\nthen\n  b\nfi", names: ["a", "b"]),
        CommandsCase(script: "for x in 1 2 $(seq 3); do a $x; done", names: ["seq", "a"]),
        CommandsCase(script: "for x; do a; done", names: ["a"]),
        CommandsCase(script: "for ((i = 0; i < 3; i++)); do a; done", names: ["a"]),
        CommandsCase(script: "select x in a b; do c; done", names: ["c"]),
        CommandsCase(script: "while a; do b; done; until c; do d; done", names: ["a", "b", "c", "d"]),
        CommandsCase(script: "case \"$x\" in a|b) c;; (d) e ;& *) f;;& esac", names: ["c", "e", "f"]),
        CommandsCase(script: "case $x in\n  a) b\nesac", names: ["b"]),
        CommandsCase(script: "f() { a; }; function g { b; }; function h() ( c )", names: ["a", "b", "c"]),
        CommandsCase(script: "[[ -f x && $y == z ]] && a", names: ["a"]),
        CommandsCase(script: "((n++)) || a", names: ["a"]),
        CommandsCase(script: "time { a; b; }", names: ["a", "b"]),
        CommandsCase(script: "a; ; b", names: ["a", "b"]),
        CommandsCase(script: "A=1 B=2", names: []),
        CommandsCase(script: "x=$(a) b", names: ["b", "a"]),
    ])
    func commandsInOrder(_ example: CommandsCase) {
        let script = parse(example.script)
        if example.script != "a; ; b" { #expect(script.errors.isEmpty, "\(script.errors)") }
        #expect(script.commands.compactMap(\.effectiveName) == example.names)
    }

    @Test("and-or lists keep their connectors and pipelines their operators")
    func connectors() throws {
        let script = parse("a && b || c | d |& e")
        let andOr = try #require(script.body.items.first?.andOr)
        #expect(andOr.elements.map { $0.connector?.rawValue ?? "-" } == ["-", "&&", "||"])
        #expect(andOr.elements[2].pipeline.operators == [.pipe, .pipeWithError])
        #expect(andOr.elements[2].pipeline.commands.count == 3)
    }

    @Test("list separators are recorded per item")
    func separators() {
        let script = parse("a; b & c\nd")
        #expect(script.body.items.map { $0.separator?.rawValue ?? "-" } == [";", "&", "\n", "-"])
        #expect(script.body.items[1].isBackground)
    }

    @Test("negation and the `time` keyword mark the pipeline")
    func negationAndTime() throws {
        let script = parse("! a | b; time { c; }; time d")
        let first = try #require(script.body.items.first?.andOr.elements.first?.pipeline)
        #expect(first.isNegated)
        let second = try #require(script.body.items.dropFirst().first?.andOr.elements.first?.pipeline)
        #expect(second.isTimed)
        // `time d` keeps `time` as a wrapper of `d`.
        #expect(script.commands.last?.effectiveName == "d")
        #expect(script.commands.last?.wrapperNames == ["time"])
    }

    @Test("compound commands have the expected shape")
    func compoundShapes() throws {
        func compound(_ text: String) throws -> CompoundCommand {
            let script = parse(text)
            #expect(script.errors.isEmpty, "\(script.errors)")
            guard case .compound(let command)? = script.body.items.first?.andOr.elements.first?.pipeline.commands.first else {
                Issue.record("no compound command in \(text)")
                throw CancellationError()
            }
            return command
        }
        if case .ifClause(let clause) = try compound("if a; then b; elif c; then d; else e; fi").kind {
            #expect(clause.branches.count == 2)
            #expect(clause.elseBody?.items.count == 1)
        } else { Issue.record("not an if") }
        if case .forLoop(let loop) = try compound("for f in *.txt a\"b\"; do cat \"$f\"; done").kind {
            #expect(loop.variable == "f")
            #expect(loop.words?.map(\.raw) == ["*.txt", "a\"b\""])
        } else { Issue.record("not a for") }
        if case .forLoop(let loop) = try compound("for ((i=0; i<3; i++)) do a; done").kind {
            #expect(loop.arithmeticHeader == "i=0; i<3; i++")
        } else { Issue.record("not an arithmetic for") }
        if case .whileLoop(let loop) = try compound("until a; do b; done").kind {
            #expect(loop.isUntil)
        } else { Issue.record("not an until") }
        if case .caseClause(let clause) = try compound("case $1 in start|run) a;; *) b;; esac").kind {
            #expect(clause.subject?.raw == "$1")
            #expect(clause.items.map { $0.patterns.map(\.raw) } == [["start", "run"], ["*"]])
            #expect(clause.items.map(\.terminator) == [.break, .break])
        } else { Issue.record("not a case") }
        if case .conditional(let words) = try compound("[[ -n $x && ( $y < 3 ) ]]").kind {
            #expect(words.map(\.raw) == ["-n", "$x", "&&", "(", "$y", "<", "3", ")"])
        } else { Issue.record("not a conditional") }
        if case .arithmetic(let expression) = try compound("(( x = 1 + 2 ))").kind {
            #expect(expression == " x = 1 + 2 ")
        } else { Issue.record("not arithmetic") }
        let subshell = try compound("( cd /tmp ) > /dev/null 2>&1")
        #expect(subshell.redirections.count == 2)
        if case .subshell = subshell.kind {} else { Issue.record("not a subshell") }
    }

    @Test("function definitions keep their name and body")
    func functions() throws {
        let script = parse("install_deps() {\n  apt-get install -y x\n}\ninstall_deps")
        #expect(script.errors.isEmpty)
        guard case .function(let definition)? = script.body.items.first?.andOr.elements.first?.pipeline.commands.first else {
            Issue.record("no function")
            return
        }
        #expect(definition.name == "install_deps")
        #expect(script.commands.map { $0.effectiveName ?? "?" } == ["apt-get", "install_deps"])
        #expect(script.commands[0].context.enclosures == [.functionBody("install_deps"), .braceGroup])
    }

    struct RedirectionCase: Sendable, CustomTestStringConvertible {
        let script: String
        let descriptor: Int?
        let op: ShellRedirection.Operator
        let target: String
        var testDescription: String { script }
    }

    @Test("redirections are parsed with descriptor, operator and target", arguments: [
        RedirectionCase(script: "a > f", descriptor: nil, op: .output, target: "f"),
        RedirectionCase(script: "a >> f", descriptor: nil, op: .append, target: "f"),
        RedirectionCase(script: "a < f", descriptor: nil, op: .input, target: "f"),
        RedirectionCase(script: "a 2>&1", descriptor: 2, op: .duplicateOutput, target: "1"),
        RedirectionCase(script: "a 2>/dev/null", descriptor: 2, op: .output, target: "/dev/null"),
        RedirectionCase(script: "a &> log", descriptor: nil, op: .outputAndError, target: "log"),
        RedirectionCase(script: "a &>> log", descriptor: nil, op: .appendOutputAndError, target: "log"),
        RedirectionCase(script: "a <<< \"text\"", descriptor: nil, op: .hereString, target: "\"text\""),
        RedirectionCase(script: "a >| f", descriptor: nil, op: .clobber, target: "f"),
        RedirectionCase(script: "a 3<> f", descriptor: 3, op: .readWrite, target: "f"),
        RedirectionCase(script: "a 0<&3", descriptor: 0, op: .duplicateInput, target: "3"),
        RedirectionCase(script: "a >&-", descriptor: nil, op: .duplicateOutput, target: "-"),
        RedirectionCase(script: ">out a", descriptor: nil, op: .output, target: "out"),
    ])
    func redirections(_ example: RedirectionCase) throws {
        let script = parse(example.script)
        #expect(script.errors.isEmpty)
        let command = try #require(script.commands.first)
        #expect(command.words.map(\.raw) == ["a"])
        let redirection = try #require(command.redirections.first)
        #expect(redirection.fileDescriptor == example.descriptor)
        #expect(redirection.operator == example.op)
        #expect(redirection.target?.raw == example.target)
    }

    @Test("a digit run not directly before `<` or `>` is a word")
    func ioNumberNeedsAdjacency() {
        let command = parse("echo 2 >f").commands[0]
        #expect(command.words.map(\.raw) == ["echo", "2"])
        #expect(command.redirections.first?.fileDescriptor == nil)
    }

    @Test("assignments before a command and on their own")
    func assignments() throws {
        let script = parse("DEBIAN_FRONTEND=noninteractive PATH=$PATH:/opt/bin apt-get install -y x; A+=1 arr=(a \"b c\") m[k]=v")
        #expect(script.errors.isEmpty)
        let first = script.commands[0]
        #expect(first.assignments.map(\.name) == ["DEBIAN_FRONTEND", "PATH"])
        #expect(first.assignments[0].value?.literal == "noninteractive")
        #expect(first.assignments[0].value?.range == 16..<30)
        #expect(first.assignments[1].value?.literal == nil)
        #expect(first.assignments[1].value?.raw == "$PATH:/opt/bin")
        #expect(first.effectiveName == "apt-get")
        let second = script.commands[1]
        #expect(second.isAssignmentOnly)
        #expect(second.assignments.map(\.name) == ["A", "arr", "m"])
        guard second.assignments.count == 3 else { return }
        #expect(second.assignments[0].isAppend)
        #expect(second.assignments[1].arrayElements?.map(\.raw) == ["a", "\"b c\""])
        #expect(second.assignments[2].arraySubscript == "k")
        // An assignment-looking word after the command name is an argument.
        #expect(parse("export A=1").commands[0].words.map(\.raw) == ["export", "A=1"])
        #expect(parse("declare -A m=([a]=1 [b]=2); echo").commands.map { $0.words.count } == [3, 1])
    }

    @Test("here-documents take the lines after the command up to the delimiter")
    func hereDocuments() throws {
        let text = "cat <<EOF > /etc/x.conf && cat <<-'END'\nhello $USER $(id -u)\nEOF\n\tliteral $HOME\n\tEND\necho done"
        let script = parse(text)
        #expect(script.errors.isEmpty, "\(script.errors)")
        #expect(script.commands.map { $0.effectiveName ?? "?" } == ["cat", "id", "cat", "echo"])
        let first = try #require(script.commands[0].redirections.first?.hereDocument)
        #expect(first.delimiter == "EOF")
        #expect(!first.isDelimiterQuoted)
        #expect(first.body == "hello $USER $(id -u)\n")
        #expect(first.isTerminated)
        #expect(script.commands[0].redirections.map(\.operator) == [.hereDocument, .output])
        let second = try #require(script.commands[2].redirections.first?.hereDocument)
        #expect(second.delimiter == "END")
        #expect(second.isDelimiterQuoted && second.stripsTabs)
        #expect(second.body == "\tliteral $HOME\n")
        #expect(second.parts.isEmpty)
        #expect(script.commands[1].context.enclosures == [.commandSubstitution])
    }

    @Test("line continuations inside the shell text are removed")
    func continuations() {
        let script = parse("apt-get install \\\n  -y \\\n  curl")
        #expect(script.errors.isEmpty)
        #expect(script.commands[0].invocation?.has(option: "-y") == true)
        #expect(script.commands[0].invocation?.operandValues == ["curl"])
    }
}
