import CZstd
import Foundation
import HullArchive
import HullTestSupport
import Testing

@Suite("Tar reader")
struct TarReaderTests {
    func entries(_ bytes: [UInt8], limits: ArchiveLimits = ArchiveLimits()) throws -> [(TarEntry, [UInt8])] {
        let (source, _) = try PeekedSource.decompressing(MemorySource(bytes), limits: limits)
        let reader = TarReader(source, limits: limits)
        var result: [(TarEntry, [UInt8])] = []
        while let entry = try reader.next() { result.append((entry, try reader.readContent(limit: 1 << 20))) }
        return result
    }

    func python(_ script: String) throws -> [UInt8] {
        let result = try Subprocess.run("/usr/bin/env", ["python3", "-c", script])
        #expect(result.status == 0, "python3 failed: \(result.stderr)")
        return result.stdout
    }

    @Test("reads ustar, GNU long names and PAX records as Python's tarfile writes them")
    func formats() throws {
        for format in ["USTAR_FORMAT", "GNU_FORMAT", "PAX_FORMAT"] {
            let longName = format == "USTAR_FORMAT" ? "dir/" + String(repeating: "u", count: 90) : "dir/" + String(repeating: "n", count: 180)
            let bytes = try python("""
            import io, sys, tarfile
            buf = io.BytesIO()
            with tarfile.open(fileobj=buf, mode='w', format=tarfile.\(format)) as t:
                i = tarfile.TarInfo('\(longName)'); data = b'hello'; i.size = len(data); i.mode = 0o4755; i.uid = 1000; t.addfile(i, io.BytesIO(data))
                l = tarfile.TarInfo('link'); l.type = tarfile.SYMTYPE; l.linkname = '\(longName)'; t.addfile(l)
                d = tarfile.TarInfo('dir'); d.type = tarfile.DIRTYPE; t.addfile(d)
                h = tarfile.TarInfo('hard'); h.type = tarfile.LNKTYPE; h.linkname = 'link'; t.addfile(h)
            sys.stdout.buffer.write(buf.getvalue())
            """)
            let read = try entries(bytes)
            #expect(read.map(\.0.name) == [longName, "link", "dir/", "hard"], "\(format)")
            #expect(read[0].0.kind == .regular && read[0].1 == Array("hello".utf8) && read[0].0.isSetID && read[0].0.uid == 1000)
            #expect(read[1].0.kind == .symbolicLink && read[1].0.linkName == longName, "\(format)")
            #expect(read[2].0.kind == .directory && read[3].0.kind == .hardLink && read[3].0.linkName == "link")
        }
    }

    @Test("decompresses gzip and zstd layers, told apart by their magic")
    func compressed() throws {
        let tar = TarWriter.archive([.file("a.txt", "alpha"), .file("b/c.txt", String(repeating: "x", count: 300_000))])
        let gzip = try Subprocess.run("/usr/bin/env", ["gzip", "-c"], stdin: tar)
        var zstd = [UInt8](repeating: 0, count: ZSTD_compressBound(tar.count))
        let written = ZSTD_compress(&zstd, zstd.count, tar, tar.count, 3)
        #expect(ZSTD_isError(written) == 0)
        zstd.removeSubrange(written...)
        for (bytes, expected) in [(tar, Compression.none), (gzip.stdout, .gzip), (zstd, .zstd)] {
            let (source, compression) = try PeekedSource.decompressing(MemorySource(bytes))
            #expect(compression == expected)
            let reader = TarReader(source)
            var names: [String] = []
            var sizes: [Int64] = []
            while let entry = try reader.next() { names.append(entry.name); sizes.append(entry.size) }
            #expect(names == ["a.txt", "b/c.txt"] && sizes == [5, 300_000])
        }
    }

    @Test("skips GNU sparse members safely, counting their real size")
    func sparse() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hull-sparse-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (format, option) in [("gnu", "--format=gnu"), ("pax", "--format=posix")] {
            let script = "cd \(folder) && rm -f s after && truncate -s 10M s && printf data | dd of=s bs=1 seek=5000000 conv=notrunc 2>/dev/null && echo after > after && tar \(option) -S -cf - s after"
            let result = try Subprocess.run("/bin/sh", ["-c", script])
            #expect(result.status == 0, "\(result.stderr)")
            let read = try entries(result.stdout)
            #expect(read.map(\.0.name) == ["s", "after"], "\(format)")
            #expect(read.first?.0.isSparse == true && read.first?.0.fileSize == 10 << 20, "\(format)")
            #expect(read.last?.1 == Array("after\n".utf8), "\(format)")
        }
    }

    @Test("refuses hostile headers with clear errors")
    func hostile() throws {
        // A negative base-256 size.
        var negative = TarWriter()
        negative.add(.init(name: "neg", content: [], rawSize: [0xff] + [UInt8](repeating: 0xff, count: 11)))
        #expect(throws: HullArchiveError.self) { try entries(negative.finished()) }
        // A huge size beyond the limit.
        var huge = TarWriter()
        huge.add(.init(name: "huge", content: [], rawSize: Array("77777777777".utf8) + [0]))
        let limits = ArchiveLimits(maximumEntrySize: 1 << 30)
        do { _ = try entries(huge.finished(), limits: limits); Issue.record("a huge size was accepted") } catch let error as HullArchiveError {
            #expect(error.description.contains("size"))
        }
        // A PAX header larger than allowed.
        var pax = TarWriter()
        pax.add(.file(String(repeating: "p", count: 300), "x"))
        do { _ = try entries(pax.finished(), limits: ArchiveLimits(maximumPAXHeader: 64)); Issue.record("a large PAX header was accepted") } catch let error as HullArchiveError {
            #expect(error.description.contains("PAX"))
        }
        // A corrupt checksum.
        var corrupt = TarWriter.archive([.file("a", "hello")])
        corrupt[0] = UInt8(ascii: "b")
        do { _ = try entries(corrupt); Issue.record("a bad checksum was accepted") } catch let error as HullArchiveError {
            #expect(error.description.contains("checksum"))
        }
    }

    @Test("a truncated stream is an error naming the offset, never a crash")
    func truncated() throws {
        let tar = TarWriter.archive([.file("a", String(repeating: "a", count: 5000)), .file("b", "b")])
        for cut in [100, 700, 3000, 6000] {
            do { _ = try entries(Array(tar[..<cut])); Issue.record("truncated at \(cut) was accepted") } catch let error as HullArchiveError {
                #expect(error.description.contains("truncated"), "\(cut): \(error)")
            }
        }
        let gzip = try Subprocess.run("/usr/bin/env", ["gzip", "-c"], stdin: tar).stdout
        do { _ = try entries(Array(gzip[..<(gzip.count - 12)])); Issue.record("truncated gzip was accepted") } catch let error as HullArchiveError {
            #expect(error.description.contains("truncated"), "\(error)")
        }
    }

    @Test("a gzip bomb stops at the ratio limit")
    func bomb() throws {
        let zeros = try Subprocess.run("/bin/sh", ["-c", "head -c 50000000 /dev/zero | gzip -c"]).stdout
        #expect(zeros.count < 100_000)
        let limits = ArchiveLimits(maximumRatio: 100, ratioGrace: 1 << 20)
        do {
            let (source, _) = try PeekedSource.decompressing(MemorySource(zeros), limits: limits)
            _ = try source.readAll(limit: 1 << 30)
            Issue.record("the bomb was decompressed")
        } catch let error as HullArchiveError {
            #expect(error.description.contains("ratio"))
        }
        let total = ArchiveLimits(maximumExpandedBytes: 10 << 20, maximumRatio: 1 << 40)
        do {
            let (source, _) = try PeekedSource.decompressing(MemorySource(zeros), limits: total)
            _ = try source.readAll(limit: 1 << 30)
            Issue.record("the bomb was decompressed")
        } catch let error as HullArchiveError {
            #expect(error.description.contains("limit"))
        }
    }

    @Test("normalises names and whiteouts")
    func paths() throws {
        #expect(TarPath.normalize("./a//b/").path == "a/b")
        #expect(TarPath.normalize("/etc/passwd").path == "etc/passwd" && TarPath.normalize("/etc/passwd").problem == .absolute)
        #expect(TarPath.normalize("../../etc/passwd").problem == .traversal)
        #expect(TarPath.normalize("a/../../b").problem == .traversal)
        #expect(TarPath.normalize("a/../b").path == "b")
        #expect(TarPath.resolveLink(at: "app/link", target: "../../../etc") == nil)
        #expect(TarPath.resolveLink(at: "app/link", target: "/etc/../../x") == "x")
        #expect(Whiteout.classify("a/b/.wh.c") == .remove(path: "a/b/c"))
        #expect(Whiteout.classify("a/.wh..wh..opq") == .opaque(directory: "a"))
        #expect(Whiteout.classify("a/b") == nil)
    }

    @Test("indexes an outer tar and streams one member from its byte range")
    func index() throws {
        let inner = String(repeating: "layer-bytes ", count: 1000)
        let tar = TarWriter.archive([.file("manifest.json", "[]"), .file("blobs/sha256/abc", inner), .symlink("x/layer.tar", to: "../blobs/sha256/abc")])
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("hull-index-\(UUID().uuidString).tar").path
        try Data(tar).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let index = try TarIndex(path: path)
        #expect(index.members.count == 3)
        #expect(try index.open("x/layer.tar").readAll(limit: 1 << 20) == Array(inner.utf8))
        #expect(throws: HullArchiveError.self) { try index.open("missing") }
    }
    /// A source over memory that counts the bytes it hands out, seeking or not.
    final class CountingSource: ByteSource {
        let inner: MemorySource
        let seeks: Bool
        var bytesRead = 0
        init(_ bytes: [UInt8], seeks: Bool) { inner = MemorySource(bytes); self.seeks = seeks }
        func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
            let n = try inner.read(into: buffer)
            bytesRead += n
            return n
        }
        func skip(_ count: Int64) throws -> Int64 { seeks ? try inner.skip(count) : try skipByReading(count) }
        var skipsBySeeking: Bool { seeks }
    }

    @Test("over a seeking source, skipped member data is never read and entries and contents match a reading pass")
    func skipBySeeking() throws {
        let big = [UInt8](repeating: 0x61, count: 3 << 20)
        var members: [TarWriter.Member] = [.directory("data/"), .file("data/big.bin", bytes: big)]
        for index in 0..<200 {
            members.append(.file("data/small\(index).txt", String(repeating: "line \(index)\n", count: index * 7)))
            if index % 50 == 0 { members.append(.file("data/large\(index).bin", bytes: [UInt8](repeating: UInt8(index), count: 700_000))) }
        }
        members.append(.symlink("data/link", to: "big.bin"))
        members.append(.file("data/" + String(repeating: "long", count: 40) + ".txt", "tail"))
        let tar = TarWriter.archive(members)
        // Reads the first 100 bytes of every third member, skips the rest.
        func pass(_ source: CountingSource) throws -> (entries: [(String, Int64, Int64, [UInt8])], end: Int64) {
            let reader = TarReader(source)
            var result: [(String, Int64, Int64, [UInt8])] = []
            var count = 0
            while let entry = try reader.next() {
                let content = count % 3 == 0 ? try reader.readContent(limit: 100) : []
                result.append((entry.name, entry.size, entry.dataOffset, content))
                count += 1
            }
            return (result, reader.offset)
        }
        let seeking = CountingSource(tar, seeks: true)
        let reading = CountingSource(tar, seeks: false)
        let (fast, fastEnd) = try pass(seeking)
        let (slow, slowEnd) = try pass(reading)
        #expect(fastEnd == slowEnd && fastEnd >= Int64(tar.count - 1024))
        #expect(fast.count == members.count && fast.count == slow.count)
        for (a, b) in zip(fast, slow) {
            #expect(a.0 == b.0 && a.1 == b.1 && a.2 == b.2 && a.3 == b.3, "\(a.0)")
        }
        #expect(fast[1].0 == "data/big.bin" && fast[1].1 == Int64(big.count))
        #expect(reading.bytesRead >= tar.count - 1024)
        // Headers, small members and the bytes asked for: far less than the 6 MB of large members.
        #expect(seeking.bytesRead < 1 << 20, "read \(seeking.bytesRead) of \(tar.count) bytes")
    }
}
