import Foundation
import HullTestSupport
import Testing

@Suite("hull parse")
struct ParseCommandTests {
    @Test("--version prints the version")
    func version() throws {
        let run = try HullExecutable.run(["--version"])
        #expect(run.status == 0)
        #expect(run.output.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    }

    @Test("--format source prints standard input back unchanged, CRLF and BOM included")
    func sourceFormat() throws {
        let input: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("FROM a\r\nRUN echo \\\r\n  hi\t \r\n# end".utf8)
        let run = try HullExecutable.run(["parse", "--format", "source", "-"], stdin: input)
        #expect(run.status == 0)
        #expect(run.stdout == input)
    }

    @Test("--format dump prints BuildKit's dump")
    func dump() throws {
        let run = try HullExecutable.run(["parse", "-"], stdin: Array("FROM a AS b\nCOPY --from=b x y\n".utf8))
        #expect(run.status == 0)
        #expect(run.output == "(from \"a\" \"AS\" \"b\")\n(copy [\"--from=b\"] \"x\" \"y\")\n")
    }

    @Test("a file BuildKit rejects exits 1 with the message and line")
    func rejected() throws {
        let run = try HullExecutable.run(["parse", "-"], stdin: Array("FROM a\nENV PATH\n".utf8))
        #expect(run.status == 1)
        #expect(run.stderr.contains("-:2:1: error: ENV must have two arguments"))
    }

    @Test("a missing file exits 2 and names it")
    func missing() throws {
        let run = try HullExecutable.run(["parse", "/nonexistent/Dockerfile"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("/nonexistent/Dockerfile: no such file"))
    }

    @Test("--format json gives ranges with UTF-16 columns and stages")
    func json() throws {
        let run = try HullExecutable.run(["parse", "--format", "json", "-"], stdin: Array("FROM node:20 AS build\nLABEL é=\"😀\" x=1\nFROM build\n".utf8))
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout)) as? [String: Any])
        #expect(object["schemaVersion"] as? Int == 1)
        let instructions = try #require(object["instructions"] as? [[String: Any]])
        #expect(instructions.count == 3)
        let label = instructions[1]
        let arguments = try #require(label["arguments"] as? [[String: Any]])
        let second = try #require(arguments[3]["range"] as? [String: Any])
        let start = try #require(second["start"] as? [String: Any])
        // `x` follows `LABEL é="😀" `: 6 + 2 + 1 + 1 + 4 + 1 + 1 = 16 bytes, 6 + 1 + 1 + 1 + 2 + 1 + 1 = 13 UTF-16 units.
        #expect(start["column"] as? Int == 17)
        #expect(start["utf16Column"] as? Int == 14)
        let stages = try #require(object["stages"] as? [[String: Any]])
        #expect(stages[1]["baseStage"] as? Int == 0)
    }
}
