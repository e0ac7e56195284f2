import Foundation
import HullTestSupport
import Testing

/// Loads the `.dockerignore` conformance data from `shared/conformance/dockerignore` at run time.
enum ConformanceData {
    /// One line of `vectors.tsv` or `vectors_errors.tsv`.
    struct Vector: Sendable, CustomTestStringConvertible {
        var file: String
        var lineNumber: Int
        var ignoreFile: [UInt8]
        var path: String
        var expected: String
        var rawLines: String

        var testDescription: String { "\(file):\(lineNumber) [\(rawLines)] \(path) → \(expected)" }
    }

    /// A case of `ignorefile_readall.json`.
    struct ReadAllCase: Sendable, Decodable, CustomTestStringConvertible {
        var input: String
        var patterns: [String]
        var testDescription: String { input.debugDescription }
    }

    /// `context_walk.json`.
    struct ContextWalk: Sendable, Decodable {
        struct Case: Sendable, Decodable, CustomTestStringConvertible {
            struct Expected: Sendable, Decodable {
                var sent: [String]?
                var error: Bool?
            }
            var description: String
            var dockerignore: String
            var expected: Expected
            var testDescription: String { description }
        }
        var tree: [String]
        var cases: [Case]
    }

    static func vectors(_ name: String) -> [Vector] {
        guard let bytes = try? SharedData.bytes("conformance/dockerignore/\(name)") else { return [] }
        var result: [Vector] = []
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            if line.isEmpty || line.first == UInt8(ascii: "#") { continue }
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
            guard fields.count == 3 else { continue }
            let raw = String(decoding: fields[0], as: UTF8.self)
            let content = raw.components(separatedBy: " ; ").joined(separator: "\n")
            result.append(Vector(file: name, lineNumber: index + 1, ignoreFile: Array(content.utf8),
                                 path: String(decoding: fields[1], as: UTF8.self),
                                 expected: String(decoding: fields[2], as: UTF8.self), rawLines: raw))
        }
        return result
    }

    static func readAllCases() -> [ReadAllCase] {
        struct File: Decodable { var cases: [ReadAllCase] }
        guard let bytes = try? SharedData.bytes("conformance/dockerignore/ignorefile_readall.json"),
              let file = try? JSONDecoder().decode(File.self, from: Data(bytes)) else { return [] }
        return file.cases
    }

    static func contextWalk() -> ContextWalk? {
        guard let bytes = try? SharedData.bytes("conformance/dockerignore/context_walk.json") else { return nil }
        return try? JSONDecoder().decode(ContextWalk.self, from: Data(bytes))
    }
}
