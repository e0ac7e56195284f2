import ArgumentParser
import Foundation
import Hull
import HullCore
import HullDockerfile

struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Show how BuildKit reads a Dockerfile.",
        discussion: """
        Formats:
          dump    BuildKit's own AST dump, as `buildctl debug dump-llb`'s parser tests print it
          json    every instruction with exact ranges (line, UTF-8 and UTF-16 columns, byte
                  offsets), flags, arguments, heredocs and stages
          source  the file printed back from Hull's lossless syntax tree (always identical)

        Exit status: 0 when every file parses, 1 when BuildKit would reject one (the error is
        printed with its line), 2 when a file cannot be read.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case dump, json, source
    }

    @Option(name: .shortAndLong, help: "Output format: dump, json or source.")
    var format: Format = .dump

    @Argument(help: "Dockerfiles to parse; - reads standard input.")
    var files: [String] = []

    func validate() throws {
        if files.isEmpty { throw ValidationError("Give at least one Dockerfile (or - for standard input).") }
    }

    func run() throws {
        var failed = false
        var documents: [ParseDocument] = []
        for path in files {
            let source: SourceFileBox
            do {
                source = SourceFileBox(try InputFile.read(path))
            } catch {
                FileHandle.standardError.write(Data("hull: \(error.description)\n".utf8))
                throw ExitCode(2)
            }
            let dockerfile = Dockerfile(syntax: DockerfileParser.parse(source.file))
            if let error = dockerfile.syntax.error {
                failed = true
                let location = source.file.location(of: error.range.start)
                FileHandle.standardError.write(Data("\(path):\(location.line):\(location.utf8Column): error: \(error.message)\n".utf8))
            }
            switch format {
            case .dump:
                if let dump = dockerfile.syntax.astDump() {
                    if files.count > 1 { print("# \(path)") }
                    print(dump)
                }
            case .source:
                FileHandle.standardOutput.write(Data(dockerfile.syntax.printed()))
            case .json:
                documents.append(ParseDocument(SemanticModel(dockerfile)))
            }
        }
        if format == .json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(files.count == 1 ? AnyEncodable(documents[0]) : AnyEncodable(documents))
            FileHandle.standardOutput.write(data)
            FileHandle.standardOutput.write(Data("\n".utf8))
        }
        if failed { throw ExitCode(1) }
    }
}

private struct SourceFileBox {
    let file: HullCore.SourceFile
    init(_ file: HullCore.SourceFile) { self.file = file }
}

private struct AnyEncodable: Encodable {
    let encodeValue: (Encoder) throws -> Void
    init(_ value: some Encodable) { encodeValue = value.encode(to:) }
    func encode(to encoder: Encoder) throws { try encodeValue(encoder) }
}
