import Testing
@testable import HullShell

@Suite("Malformed and hostile input")
struct RobustnessTests {
    struct ErrorCase: Sendable, CustomTestStringConvertible {
        let script: String
        let kind: ShellParseError.Kind
        var commands: [String] = []
        var testDescription: String { script }
    }

    @Test("syntax errors are reported with what was parsed kept", arguments: [
        ErrorCase(script: "echo 'unterminated && apt-get install x", kind: .unterminatedSingleQuote, commands: ["echo"]),
        ErrorCase(script: "apt-get update && echo \"oops", kind: .unterminatedDoubleQuote, commands: ["apt-get", "echo"]),
        ErrorCase(script: "apt-get update && echo `date", kind: .unterminatedBackquote, commands: ["apt-get", "echo", "date"]),
        ErrorCase(script: "apt-get update && x=$(curl -s url", kind: .unterminatedCommandSubstitution, commands: ["apt-get", "curl"]),
        ErrorCase(script: "apt-get update; echo ${HOME", kind: .unterminatedParameterExpansion, commands: ["apt-get", "echo"]),
        ErrorCase(script: "echo $((1 + (2)", kind: .unterminatedArithmetic, commands: ["echo"]),
        ErrorCase(script: "if true; then apt-get update", kind: .missingTerminator, commands: ["true", "apt-get"]),
        ErrorCase(script: "for x in a b; do echo $x", kind: .missingTerminator, commands: ["echo"]),
        ErrorCase(script: "while true; echo", kind: .missingTerminator, commands: ["true", "echo"]),
        ErrorCase(script: "case $x in a) echo", kind: .missingTerminator, commands: ["echo"]),
        ErrorCase(script: "(cd /tmp && make", kind: .missingTerminator, commands: ["cd", "make"]),
        ErrorCase(script: "{ make; ", kind: .missingTerminator, commands: ["make"]),
        ErrorCase(script: "[[ -f x && make", kind: .missingTerminator, commands: []),
        ErrorCase(script: "cat <<EOF\nno end", kind: .unterminatedHereDocument, commands: ["cat"]),
        ErrorCase(script: "cat <<EOF", kind: .unterminatedHereDocument, commands: ["cat"]),
        ErrorCase(script: "&& make", kind: .unexpectedToken, commands: ["make"]),
        ErrorCase(script: "make &&", kind: .unexpectedToken, commands: ["make"]),
        ErrorCase(script: "make | ", kind: .unexpectedToken, commands: ["make"]),
        ErrorCase(script: "make ;; install", kind: .unexpectedToken, commands: ["make", "install"]),
        ErrorCase(script: "make ) install", kind: .unexpectedToken, commands: ["make", "install"]),
        ErrorCase(script: "fi; make", kind: .unexpectedToken, commands: ["make"]),
        ErrorCase(script: "echo a (b)", kind: .unexpectedToken, commands: ["echo", "b"]),
        ErrorCase(script: "make >", kind: .missingRedirectionTarget, commands: ["make"]),
        ErrorCase(script: "f() echo", kind: .unexpectedToken, commands: ["echo"]),
    ])
    func errors(_ example: ErrorCase) throws {
        let script = parse(example.script)
        #expect(script.errors.contains { $0.kind == example.kind }, "\(script.errors)")
        #expect(script.commands.compactMap(\.effectiveName) == example.commands)
        for error in script.errors {
            #expect(error.range.lowerBound >= 0 && error.range.upperBound <= script.source.count)
            #expect(!error.message.isEmpty)
        }
    }

    @Test("10,000 nested constructs stop at the depth limit without exhausting the stack", arguments: [
        "(", "$(", "${x:-", "\"$(", "{ ", "if ", "`", "<(", "$(( (", "f() { ", "x=$(", "case a in b) ",
    ])
    func deepNesting(_ opener: String) {
        let text = String(repeating: opener, count: 10_000) + "echo"
        let script = parse(text)
        // Pairs of backquotes are empty substitutions, so that input is valid.
        #expect(script.errors.isEmpty == (opener == "`"))
        if opener != "`" && opener != "$(( (" {
            #expect(script.errors.contains { $0.kind == .nestingTooDeep })
        }
    }

    @Test("deep but legal nesting below the limit parses")
    func nestingBelowLimit() {
        let depth = 60
        let text = String(repeating: "( ", count: depth) + "make" + String(repeating: " )", count: depth)
        let script = parse(text)
        #expect(script.errors.isEmpty)
        #expect(script.commands.first?.context.enclosures.count == depth)
        let substitutions = String(repeating: "$(echo ", count: depth) + "x" + String(repeating: ")", count: depth)
        // The outer command's name is the outermost substitution, so it counts too.
        #expect(parse(substitutions).commands.count == depth + 1)
    }

    @Test("random shell-ish bytes never crash and keep every range in bounds")
    func randomInput() {
        var generator = SplitMix64(seed: 0x5EED)
        let alphabet = Array("ab -=\"'`$(){}[]<>|&;\\\n#*?~!12ifthenfidocaseesac<<EOF".utf8) + [0xC3, 0xA9, 0x00, 0x09]
        let fragments = ["if ", " then ", " fi", " do ", " done", "case ", " in ", " esac", "<<EOF\n", "\nEOF\n", "$(", "${", "sh -c '", "bash -c \"", " && ", " || "]
        var commandCount = 0
        for _ in 0..<3_000 {
            var bytes: [UInt8] = []
            let length = Int(generator.next() % 80)
            for _ in 0..<length {
                if generator.next() % 6 == 0 {
                    bytes.append(contentsOf: Array(fragments[Int(generator.next() % UInt64(fragments.count))].utf8))
                } else {
                    bytes.append(alphabet[Int(generator.next() % UInt64(alphabet.count))])
                }
            }
            let source = ShellSource(bytes: bytes, baseOffset: 1000)
            let script = ShellScript(parsing: source)
            commandCount += script.commands.count
            for command in script.commands {
                #expect(command.range.lowerBound >= 0 && command.range.upperBound <= command.source.count)
                #expect(command.fileRange.start >= 1000 && command.fileRange.end <= 1000 + bytes.count)
                _ = command.invocation?.packages
            }
            for error in script.errors {
                #expect(error.fileRange.start >= 1000 && error.fileRange.end <= 1000 + bytes.count)
            }
        }
        #expect(commandCount > 0)
    }

    @Test("a large script parses completely (throughput is reported, not asserted)")
    func throughput() {
        let unit = "apt-get update && apt-get install -y --no-install-recommends curl=7.* ca-certificates \"$PKG\" && rm -rf /var/lib/apt/lists/*; if [ -f x ]; then echo $(cat x | wc -l) > /dev/null 2>&1; fi\n"
        let repetitions = 2_000
        let text = String(repeating: unit, count: repetitions)
        let clock = ContinuousClock()
        var script: ShellScript?
        let elapsed = clock.measure { script = parse(text) }
        #expect(script?.errors.isEmpty == true)
        #expect(script?.commands.count == repetitions * 7)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let megabytes = Double(text.utf8.count) / 1_000_000
        print("shell parser throughput: \(String(format: "%.2f", megabytes)) MB in \(String(format: "%.3f", seconds)) s (\(String(format: "%.1f", megabytes / max(seconds, 1e-9))) MB/s, debug build)")
    }
}

/// A small deterministic generator, so the random test is reproducible.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
