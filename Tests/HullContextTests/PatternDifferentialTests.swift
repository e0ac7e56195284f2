import Foundation
import Testing
@testable import HullContext

/// Differential check against a reference implementation run outside the package: reads
/// `pattern<TAB>path` lines (with `~N`, `~F`, `~C` escapes) from `HULL_DIFF_CASES` and writes, per line, `E` (rejected when the
/// matcher is built), `L` (rejected when first evaluated), `1` or `0` to `HULL_DIFF_OUTPUT`.
@Suite("Pattern differential")
struct PatternDifferentialTests {
    static let input = ProcessInfo.processInfo.environment["HULL_DIFF_CASES"]

    @Test("write single-pattern verdicts for an external comparison", .enabled(if: input != nil))
    func differential() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: try #require(Self.input)))
        var output: [UInt8] = []
        for line in [UInt8](data).split(separator: 0x0A, omittingEmptySubsequences: false) where !line.isEmpty {
            guard let tab = line.firstIndex(of: 0x09) else { continue }
            let pattern = Self.unescape(Array(line[line.startIndex..<tab]))
            let path = Self.unescape(Array(line[(tab + 1)...]))
            if GoGlobSyntax.problem(in: pattern) != nil {
                output += Array("E\n".utf8)
                continue
            }
            let compiled = CompiledPattern(cleaned: pattern, isException: false)
            switch path.withUnsafeBufferPointer({ compiled.match($0) }) {
            case .failure: output += Array("L\n".utf8)
            case .success(let matched): output += Array((matched ? "1\n" : "0\n").utf8)
            }
        }
        let target = ProcessInfo.processInfo.environment["HULL_DIFF_OUTPUT"] ?? "/tmp/hull-diff-output.txt"
        try Data(output).write(to: URL(fileURLWithPath: target))
    }

    /// `~N` is a newline, `~F` the byte 0xFF and `~C` a lone 0xC3, so raw bytes fit on a line.
    static func unescape(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "~") && index + 1 < bytes.count {
                switch bytes[index + 1] {
                case UInt8(ascii: "N"): result.append(0x0A); index += 2; continue
                case UInt8(ascii: "F"): result.append(0xFF); index += 2; continue
                case UInt8(ascii: "C"): result.append(0xC3); index += 2; continue
                default: break
                }
            }
            result.append(bytes[index])
            index += 1
        }
        return result
    }
}
