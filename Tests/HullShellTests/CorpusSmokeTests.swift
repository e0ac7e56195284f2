import Foundation
import HullTestSupport
import Testing
@testable import HullShell

/// Runs the parser over the shell of every RUN, and shell-form CMD and ENTRYPOINT, in the
/// shared Dockerfile corpus. Instructions are reassembled with a crude line join (the real
/// Dockerfile parser lives elsewhere): continuation lines are joined, comment lines inside
/// them dropped, and here-document bodies appended.
@Suite("Corpus smoke test")
struct CorpusSmokeTests {
    struct Figures {
        var files = 0
        var scripts = 0
        var commands = 0
        var scriptsWithErrors = 0
        var errors = 0
        var nestedScripts = 0
        var samples: [String] = []
    }

    static func scripts(in text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        var escape: Character = "\\"
        var skipping = false
        if let first = lines.first, first.lowercased().replacingOccurrences(of: " ", with: "").hasPrefix("#escape=`") {
            escape = "`"
            skipping = true
        }
        var result: [String] = []
        var index = 0
        while index < lines.count {
            var logical = String(lines[index])
            index += 1
            while logical.trimmingCharacters(in: .whitespaces).last == escape {
                let trimmed = logical.trimmingCharacters(in: .whitespaces)
                let leading = logical.prefix { $0 == " " || $0 == "\t" }
                logical = String(leading + trimmed.dropLast())
                while index < lines.count, lines[index].trimmingCharacters(in: .whitespaces).hasPrefix("#") { index += 1 }
                guard index < lines.count else { break }
                logical += String(lines[index])
                index += 1
            }
            let trimmed = logical.drop { $0 == " " || $0 == "\t" }
            guard let keywordEnd = trimmed.firstIndex(where: { $0 == " " || $0 == "\t" }) else { continue }
            let keyword = trimmed[..<keywordEnd].uppercased()
            if keyword == "SHELL" || keyword == "FROM" {
                // PowerShell and cmd scripts are not POSIX shell; skip until the shell changes.
                let lower = trimmed.lowercased()
                let foreign = ["powershell", "pwsh", "cmd", "windows", "nanoserver", "servercore"].contains { lower.contains($0) }
                skipping = foreign
                continue
            }
            guard keyword == "RUN" || keyword == "CMD" || keyword == "ENTRYPOINT", !skipping else { continue }
            var rest = trimmed[keywordEnd...].drop { $0 == " " || $0 == "\t" }
            while rest.hasPrefix("--") {
                guard let space = rest.firstIndex(of: " ") else { break }
                rest = rest[space...].drop { $0 == " " }
            }
            if rest.hasPrefix("[") { continue }
            var script = String(rest)
            // Here-documents: take the following lines up to each delimiter.
            var delimiters: [String] = []
            var scanner = script[...]
            while let range = scanner.range(of: "<<") {
                var after = scanner[range.upperBound...]
                if after.hasPrefix("<") { scanner = after.dropFirst(); continue }
                if after.hasPrefix("-") { after = after.dropFirst() }
                after = after.drop { $0 == " " }
                let word = after.prefix { !" \t;&|<>)".contains($0) }
                let name = word.filter { $0 != "'" && $0 != "\"" }
                if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) { delimiters.append(String(name)) }
                scanner = after.dropFirst(Swift.max(1, word.count))
            }
            if script.hasPrefix("<<"), let delimiter = delimiters.first {
                var body: [String] = []
                while index < lines.count, lines[index].trimmingCharacters(in: .whitespaces) != delimiter {
                    body.append(String(lines[index]))
                    index += 1
                }
                index += 1
                result.append(body.joined(separator: "\n"))
                continue
            }
            for delimiter in delimiters {
                script += "\n"
                while index < lines.count, lines[index].trimmingCharacters(in: .whitespaces) != delimiter {
                    script += lines[index] + "\n"
                    index += 1
                }
                if index < lines.count { script += lines[index]; index += 1 }
            }
            result.append(script)
        }
        return result
    }

    static func run() throws -> Figures {
        let root = try SharedData.url("corpus/dockerfiles")
        var figures = Figures()
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            let name = url.lastPathComponent
            guard !name.hasSuffix(".dockerignore"), let data = FileManager.default.contents(atPath: url.path),
                  !url.hasDirectoryPath else { continue }
            figures.files += 1
            let text = String(decoding: data, as: UTF8.self)
            for script in scripts(in: text) {
                let parsed = ShellScript(script)
                figures.scripts += 1
                figures.commands += parsed.commands.count
                figures.nestedScripts += parsed.commands.filter { $0.nestedScript != nil }.count
                if !parsed.errors.isEmpty {
                    figures.scriptsWithErrors += 1
                    figures.errors += parsed.errors.count
                    if figures.samples.count < 400 {
                        figures.samples.append("\(name): \(parsed.errors[0].message) @\(parsed.errors[0].range) :: \(script.prefix(300))")
                    }
                }
            }
        }
        return figures
    }

    @Test("every RUN-ish instruction of the corpus parses without crashing", .enabled(if: SharedData.isAvailable, Comment(rawValue: SharedData.missingMessage)))
    func corpus() throws {
        let figures = try Self.run()
        let rate = figures.scripts == 0 ? 0 : Double(figures.scriptsWithErrors) / Double(figures.scripts)
        print("corpus: \(figures.files) files, \(figures.scripts) scripts, \(figures.commands) commands, \(figures.nestedScripts) nested scripts, \(figures.scriptsWithErrors) scripts with errors (\(String(format: "%.2f", rate * 100))%), \(figures.errors) errors")
        if ProcessInfo.processInfo.environment["HULL_SHELL_CORPUS_SAMPLES"] != nil {
            for sample in figures.samples { print(sample) }
        }
        #expect(figures.files > 0)
        #expect(figures.commands > figures.scripts)
    }
}
