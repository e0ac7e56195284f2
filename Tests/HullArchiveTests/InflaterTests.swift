import Testing
import HullArchive
import HullTestSupport

@Suite struct InflaterTests {
    private func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let result = try Subprocess.run("/bin/gzip", ["-c", "-n"], stdin: bytes)
        #expect(result.status == 0)
        return result.stdout
    }

    private func sample(_ count: Int) -> [UInt8] {
        var state: UInt32 = 12345
        return (0..<count).map { i in
            state = state &* 1103515245 &+ 12345
            return i % 3 == 0 ? UInt8(truncatingIfNeeded: state >> 16) : UInt8(ascii: "a") + UInt8(i % 7)
        }
    }

    @Test func roundTripsInSmallChunks() throws {
        let original = sample(300_000)
        let compressed = try gzip(original)
        let inflater = try Inflater(format: .gzip, outputChunkSize: 4096)
        var output: [UInt8] = []
        var largestChunk = 0
        var start = 0
        while start < compressed.count {
            let end = min(start + 777, compressed.count)
            try inflater.inflate(Array(compressed[start..<end])) { chunk in
                largestChunk = max(largestChunk, chunk.count)
                output.append(contentsOf: chunk)
            }
            start = end
        }
        try inflater.finish()
        #expect(output == original)
        #expect(largestChunk <= 4096)
        #expect(inflater.totalIn == UInt64(compressed.count))
        #expect(inflater.totalOut == UInt64(original.count))
    }

    @Test func decodesConcatenatedGzipMembers() throws {
        let first = Array("first member\n".utf8), second = Array("second member\n".utf8)
        let joined = try gzip(first) + gzip(second)
        #expect(try Inflater.inflate(joined, format: .gzip, limit: 1000) == first + second)
        // Also when the second member starts exactly at a chunk boundary.
        let firstCompressed = try gzip(first)
        let inflater = try Inflater(format: .gzip)
        var output: [UInt8] = []
        try inflater.inflate(firstCompressed) { output.append(contentsOf: $0) }
        try inflater.inflate(try gzip(second)) { output.append(contentsOf: $0) }
        try inflater.finish()
        #expect(output == first + second)
    }

    @Test func toleratesZeroPaddingAfterTheStream() throws {
        let data = Array("padded\n".utf8)
        #expect(try Inflater.inflate(try gzip(data) + [UInt8](repeating: 0, count: 512), format: .gzip, limit: 100) == data)
    }

    @Test func reportsTruncatedStreams() throws {
        let compressed = try gzip(sample(50_000))
        #expect(throws: InflateError.self) {
            _ = try Inflater.inflate(Array(compressed.prefix(compressed.count / 2)), format: .gzip, limit: 1 << 20)
        }
    }

    @Test func reportsCorruptData() throws {
        var compressed = try gzip(sample(50_000))
        for i in 20..<60 { compressed[i] ^= 0xA5 }
        #expect(throws: InflateError.self) {
            _ = try Inflater.inflate(compressed, format: .gzip, limit: 1 << 20)
        }
    }

    @Test func enforcesTheOutputLimit() throws {
        // 10 MB of zeros compress to about 10 KB: a small bomb.
        let compressed = try gzip([UInt8](repeating: 0, count: 10_000_000))
        #expect(compressed.count < 20_000)
        let error = #expect(throws: InflateError.self) {
            _ = try Inflater.inflate(compressed, format: .gzip, limit: 1_000_000)
        }
        #expect(error?.message.contains("exceeds the limit") == true)
    }
}
