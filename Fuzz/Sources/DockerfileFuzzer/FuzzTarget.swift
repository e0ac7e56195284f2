import HullCore
import HullDockerfile

/// libFuzzer's entry point: one input, parsed and analysed by every layer of HullDockerfile.
///
/// The parser promises to keep every byte, so a printed tree that differs from the input is
/// a broken invariant and stops the run; everything else must simply not crash, hang or leak.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDockerfile(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    DockerfileFuzzer.run(bytes)
    return 0
}

enum DockerfileFuzzer {
    /// A few set variables, so that expansions take both the set and the unset paths.
    static let environment: ShellEnvironment = [
        "HOME": "/root",
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "EMPTY": "",
        "VERSION": "1.2.3",
        "SPACED": "a b  c",
    ]

    static func run(_ bytes: [UInt8]) {
        let source = SourceFile(path: "Dockerfile", bytes: bytes)
        let syntax = DockerfileParser.parse(source)
        let printed = syntax.printed()
        if printed != bytes {
            fatalError("printed tree differs from the input: \(printed.count) bytes printed, \(bytes.count) read")
        }
        _ = syntax.astDump()

        let dockerfile = Dockerfile(syntax: syntax)
        let model = SemanticModel(dockerfile)
        _ = model.requiredStages
        for stage in dockerfile.stages { _ = model.rootBase(of: stage.index) }

        let lexer = ShellLexer(escapeToken: syntax.escapeToken)
        for instruction in syntax.instructions {
            lex(instruction.original, with: lexer)
            for wrapped in instruction.wrapped { lex(wrapped.original, with: lexer) }
        }
    }

    static func lex(_ text: String, with lexer: ShellLexer) {
        // Errors are BuildKit's verdicts on the input, not failures of the lexer.
        _ = try? lexer.processWords(text, environment: environment)
        _ = try? lexer.processWordWithMatches(text, environment: environment)
    }
}
