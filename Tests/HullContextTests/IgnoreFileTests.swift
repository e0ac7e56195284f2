import HullCore
import HullTestSupport
import Testing
@testable import HullContext

@Suite("Ignore file reading (ignorefile.ReadAll)")
struct IgnoreFileTests {
    @Test("every ignorefile_readall.json case yields BuildKit's pattern list",
          .enabled(if: SharedData.isAvailable), arguments: ConformanceData.readAllCases())
    func readAllConformance(_ testCase: ConformanceData.ReadAllCase) throws {
        let patterns = try IgnoreFile.parse(Array(testCase.input.utf8))
        #expect(patterns.map(\.readAllForm) == testCase.patterns)
    }

    @Test("the conformance file has all 20 cases", .enabled(if: SharedData.isAvailable))
    func readAllCount() {
        #expect(ConformanceData.readAllCases().count == 20)
    }

    @Test("patterns keep their line number, original text, exception flag and range")
    func patternDetails() throws {
        let bytes = Array("\u{FEFF}# c\n  /node_modules/  \r\n! keep.txt\n".utf8)
        let patterns = try IgnoreFile.parse(bytes)
        #expect(patterns.count == 2)
        #expect(patterns[0].line == 2)
        #expect(patterns[0].text == "  /node_modules/  ")
        #expect(patterns[0].pattern == "node_modules")
        #expect(!patterns[0].isException)
        #expect(Array(bytes[patterns[0].range.range]) == Array("/node_modules/".utf8))
        #expect(patterns[1].line == 3)
        #expect(patterns[1].isException)
        #expect(patterns[1].pattern == "keep.txt")
        #expect(patterns[1].readAllForm == "!keep.txt")
        #expect(Array(bytes[patterns[1].range.range]) == Array("! keep.txt".utf8))
    }

    @Test("Go's Unicode white space is trimmed; a BOM on a later line is kept")
    func unicodeSpace() throws {
        let patterns = try IgnoreFile.parse(Array("\u{3000}a\u{00A0}\n\u{2028}\u{FEFF}b\n".utf8))
        #expect(patterns.map(\.readAllForm) == ["a", "\u{FEFF}b"])
    }

    @Test("bytes that are not UTF-8 survive in the pattern")
    func invalidUTF8() throws {
        let patterns = try IgnoreFile.parse([0x66, 0xFF, 0x2F, 0x0A])
        #expect(patterns.first?.patternBytes == [0x66, 0xFF])
    }

    @Test("a line of 64 KiB or more fails as bufio.Scanner does")
    func lineTooLong() throws {
        let ok = [UInt8](repeating: UInt8(ascii: "a"), count: IgnoreFile.maximumLineLength - 1)
        #expect(try IgnoreFile.parse(ok).count == 1)
        let long = [UInt8](repeating: UInt8(ascii: "a"), count: IgnoreFile.maximumLineLength) + [0x0A]
        #expect(throws: HullContextError.ignoreFileLineTooLong(path: nil, line: 1, length: IgnoreFile.maximumLineLength)) {
            try IgnoreFile.parse(long)
        }
    }

    @Test("filepath.Clean cases", arguments: [
        ("a/../../b", "../b"), ("/../a", "a"), ("a/b/..", "a"), ("./", "."), ("//", "/"), ("a/./b/", "a/b"),
        ("../../x", "../../x"), ("a/..", "."),
    ])
    func clean(_ input: String, _ expected: String) throws {
        #expect(try IgnoreFile.parse(Array(input.utf8)).map(\.readAllForm) == [expected])
    }
}
