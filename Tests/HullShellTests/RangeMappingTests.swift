import HullCore
import Testing
@testable import HullShell

@Suite("Ranges mapped into the Dockerfile")
struct RangeMappingTests {
    @Test("an option after a removed line continuation points at its bytes in the file")
    func optionAfterContinuation() throws {
        // `RUN ` is four bytes before the shell text in the Dockerfile.
        let physical = "apt-get update && \\\n apt-get install -y x"
        let (source, file) = logicalLine(physical, base: 4)
        #expect(source.text == "apt-get update &&  apt-get install -y x")
        let script = ShellScript(parsing: source)
        #expect(script.errors.isEmpty)
        let install = try #require(script.commands.last?.invocation)
        let yes = try #require(install.options(named: "-y").first)
        #expect(yes.nameFileRange == TextRange(start: 4 + 37, end: 4 + 39))
        #expect(ShellSource.text(of: yes.nameFileRange, in: file, base: 4) == "-y")
        let second = try #require(script.commands.last)
        #expect(ShellSource.text(of: second.fileRange, in: file, base: 4) == "apt-get install -y x")
        let first = try #require(script.commands.first)
        #expect(ShellSource.text(of: first.fileRange, in: file, base: 4) == "apt-get update")
        let andOr = try #require(script.body.items.first?.andOr)
        #expect(ShellSource.text(of: andOr.fileRange, in: file, base: 4) == physical)
    }

    @Test("a word split by a continuation covers the continuation in the file")
    func wordAcrossContinuation() throws {
        let physical = "apt-get ins\\\ntall -y curl"
        let (source, file) = logicalLine(physical)
        let script = ShellScript(parsing: source)
        let command = try #require(script.commands.first)
        #expect(command.invocation?.subcommand == "install")
        #expect(ShellSource.text(of: command.words[1].fileRange, in: file) == "ins\\\ntall")
        let curl = try #require(command.invocation?.packages.first)
        #expect(ShellSource.text(of: curl.nameFileRange, in: file) == "curl")
    }

    @Test("comment lines dropped from a continuation leave a gap that ranges skip")
    func droppedCommentLine() throws {
        // A Dockerfile drops `# comment` lines inside a continuation.
        let physical = "apk add \\\n# build tools\n  gcc make"
        let dropped = "# build tools\n"
        var bytes: [UInt8] = []
        var offsets: [Int] = []
        let all = Array(physical.utf8)
        let commentStart = 10
        for (index, byte) in all.enumerated() {
            if index == 8 || index == 9 { continue }  // the escape and its newline
            if index >= commentStart && index < commentStart + dropped.utf8.count { continue }
            bytes.append(byte)
            offsets.append(100 + index)
        }
        let script = ShellScript(parsing: ShellSource(bytes: bytes, fileOffsets: offsets))
        let command = try #require(script.commands.first)
        #expect(command.invocation?.operandValues == ["gcc", "make"])
        let gcc = command.words[2]
        #expect(gcc.fileRange == TextRange(start: 100 + 26, end: 100 + 29))
    }

    @Test("empty ranges map to the byte they precede, or past the end")
    func emptyRanges() {
        let source = ShellSource(bytes: Array("abc".utf8), fileOffsets: [10, 11, 20])
        #expect(source.fileRange(0..<0) == .empty(at: 10))
        #expect(source.fileRange(2..<2) == .empty(at: 20))
        #expect(source.fileRange(3..<3) == .empty(at: 21))
        #expect(source.fileRange(1..<3) == TextRange(start: 11, end: 21))
        let contiguous = ShellSource(bytes: Array("abc".utf8), baseOffset: 7)
        #expect(contiguous.fileOffsets == [7, 8, 9])
        #expect(contiguous.fileRange(0..<3) == TextRange(start: 7, end: 10))
        #expect(contiguous.fileRange(3..<3) == .empty(at: 10))
        #expect(ShellSource("", baseOffset: 5).fileRange(0..<0) == .empty(at: 5))
    }

    @Test("a heredoc body parsed with a base offset maps contiguously")
    func heredocBody() throws {
        let script = ShellScript("set -e\napt-get install -y curl\n", baseOffset: 50)
        let command = try #require(script.commands.last)
        let yes = try #require(command.invocation?.options(named: "--yes").first)
        #expect(yes.nameFileRange == TextRange(start: 50 + 23, end: 50 + 25))
        #expect(command.context.shellOptions.errexit)
    }

    @Test("every node of a parsed script lies inside the source")
    func nodesInsideSource() {
        let (source, _) = logicalLine("a=1 b \\\n| c && { d; } > f 2>&1 || ( e ) & \\\n f $(g) \"`h`\"", base: 3)
        let script = ShellScript(parsing: source)
        #expect(script.errors.isEmpty)
        for command in script.commands {
            #expect(command.range.lowerBound >= 0 && command.range.upperBound <= source.count)
            #expect(command.fileRange.start >= 3)
            for word in command.words {
                #expect(command.range.contains(word.range.lowerBound))
                #expect(word.fileRange.start <= word.fileRange.end)
            }
        }
    }
}
