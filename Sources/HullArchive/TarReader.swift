/// A streaming tar reader: ustar, GNU (long names and links, old sparse members) and PAX
/// (path, linkpath, size, uid, gid, mtime, sparse 0.x/1.0), over any ``ByteSource``.
///
/// `next()` returns the next member's header; its data is read with `read(into:)` or
/// `readContent(limit:)`, and whatever is not read is skipped (by seeking when the source can).
/// Nothing is written anywhere. Every size and count is bounded by ``ArchiveLimits``; malformed
/// input throws ``HullArchiveError`` with the byte offset.
public final class TarReader {
    private let source: ByteSource
    private let limits: ArchiveLimits
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    /// Offset in the stream of the next unread byte.
    public private(set) var offset: Int64 = 0
    private var remainingData: Int64 = 0
    private var remainingPadding: Int64 = 0
    private var globalPAX: [String: String] = [:]
    private var entries = 0
    private var ended = false
    private let seeks: Bool

    /// A reader over `source` (already decompressed).
    public init(_ source: ByteSource, limits: ArchiveLimits = ArchiveLimits(), bufferSize: Int = 256 * 1024) {
        self.source = source
        self.limits = limits
        self.buffer = [UInt8](repeating: 0, count: max(4096, bufferSize))
        self.seeks = source.skipsBySeeking
    }

    // MARK: - Buffered input

    /// Refills the buffer when it is empty. Over a source that seeks, only about `wanted` bytes are
    /// read (at least a few headers' worth), so member data that is skipped is never read at all.
    private func fill(wanted: Int = .max) throws -> Bool {
        if start < end { return true }
        let count = seeks ? min(buffer.count, max(wanted, TarReader.seekingReadSize)) : buffer.count
        let n = try buffer.withUnsafeMutableBytes { try source.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[0..<count])) }
        start = 0
        end = n
        return n > 0
    }

    private static let ustarMagic: [UInt8] = Array("ustar\0".utf8)

    /// The smallest read over a seeking source: a header and, often, a small member's data and the next header.
    static let seekingReadSize = 4096

    private func readExactly(_ count: Int, what: String) throws -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(count)
        while result.count < count {
            guard try fill(wanted: count - result.count) else { throw HullArchiveError.truncated(offset: offset, what: what) }
            let n = min(count - result.count, end - start)
            result.append(contentsOf: buffer[start..<start + n])
            start += n
            offset += Int64(n)
        }
        return result
    }

    private func skipBytes(_ count: Int64, what: String) throws {
        var left = count
        let buffered = Int64(end - start)
        let fromBuffer = min(buffered, left)
        start += Int(fromBuffer)
        offset += fromBuffer
        left -= fromBuffer
        if left > 0 {
            let skipped = try source.skip(left)
            offset += skipped
            if skipped < left { throw HullArchiveError.truncated(offset: offset, what: what) }
        }
    }

    // MARK: - Members

    /// The next member, or nil at the end of the archive.
    public func next() throws -> TarEntry? {
        if ended { return nil }
        try skipBytes(remainingData + remainingPadding, what: "a member's data")
        remainingData = 0
        remainingPadding = 0
        var pax: [String: String] = [:]
        var longName: String?
        var longLink: String?
        var firstHeader: Int64?
        while true {
            let headerOffset = offset
            guard try fill(wanted: 512) else {
                // A stream without the two zero blocks is accepted when it ends on a header boundary.
                if firstHeader != nil { throw HullArchiveError.truncated(offset: offset, what: "an extension header's member") }
                ended = true
                return nil
            }
            let header = try readExactly(512, what: "a header block")
            if header.allSatisfy({ $0 == 0 }) {
                if firstHeader != nil { throw HullArchiveError.invalidHeader(offset: headerOffset, reason: "an end-of-archive block follows an extension header") }
                ended = true
                return nil
            }
            try verifyChecksum(header, at: headerOffset)
            if firstHeader == nil { firstHeader = headerOffset }
            let type = header[156]
            let size = try number(header, 124, 12, field: "size", at: headerOffset)
            guard size >= 0, size <= limits.maximumEntrySize else {
                throw HullArchiveError.invalidField(offset: headerOffset, field: "size", value: String(size))
            }
            switch type {
            case UInt8(ascii: "x"), UInt8(ascii: "g"):
                guard size <= Int64(limits.maximumPAXHeader) else {
                    throw HullArchiveError.limitExceeded(what: "a PAX header of \(size) bytes at byte \(headerOffset)", limit: Int64(limits.maximumPAXHeader))
                }
                let data = try readExactly(Int(size), what: "a PAX header")
                try skipBytes(padding(size), what: "a PAX header's padding")
                let records = try parsePAX(data, at: headerOffset)
                if type == UInt8(ascii: "g") {
                    globalPAX.merge(records) { $1 }
                } else {
                    pax.merge(records) { $1 }
                }
                continue
            case UInt8(ascii: "L"), UInt8(ascii: "K"):
                guard size <= Int64(limits.maximumLongName) else {
                    throw HullArchiveError.limitExceeded(what: "a GNU long name of \(size) bytes at byte \(headerOffset)", limit: Int64(limits.maximumLongName))
                }
                let data = try readExactly(Int(size), what: "a GNU long name")
                try skipBytes(padding(size), what: "a GNU long name's padding")
                let value = cString(data[...])
                if type == UInt8(ascii: "L") { longName = value } else { longLink = value }
                continue
            default:
                break
            }
            entries += 1
            guard entries <= limits.maximumEntries else {
                throw HullArchiveError.limitExceeded(what: "the number of members", limit: Int64(limits.maximumEntries))
            }
            let attributes = globalPAX.isEmpty ? pax : globalPAX.merging(pax) { $1 }
            let isUSTAR = header[257..<263].elementsEqual(TarReader.ustarMagic)
            var name = cString(header[0..<100])
            if isUSTAR {
                let prefix = cString(header[345..<500])
                if !prefix.isEmpty { name = prefix + "/" + name }
            }
            if let longName { name = longName }
            if let path = attributes["path"] { name = path }
            var link = cString(header[157..<257])
            if let longLink { link = longLink }
            if let path = attributes["linkpath"] { link = path }

            var dataSize = size
            if let value = attributes["size"] {
                guard let parsed = Int64(value), parsed >= 0, parsed <= limits.maximumEntrySize else {
                    throw HullArchiveError.invalidField(offset: headerOffset, field: "PAX size", value: value)
                }
                dataSize = parsed
            }
            let mode = UInt32(truncatingIfNeeded: try number(header, 100, 8, field: "mode", at: headerOffset))
            var uid = try number(header, 108, 8, field: "uid", at: headerOffset)
            var gid = try number(header, 116, 8, field: "gid", at: headerOffset)
            var mtime = try number(header, 136, 12, field: "mtime", at: headerOffset)
            if let value = attributes["uid"], let parsed = Int64(value) { uid = parsed }
            if let value = attributes["gid"], let parsed = Int64(value) { gid = parsed }
            if let value = attributes["mtime"], let parsed = Double(value), parsed.isFinite, abs(parsed) < 1e15 { mtime = Int64(parsed) }

            var kind: TarEntry.Kind
            switch type {
            case 0, UInt8(ascii: "0"), UInt8(ascii: "7"): kind = .regular
            case UInt8(ascii: "1"): kind = .hardLink
            case UInt8(ascii: "2"): kind = .symbolicLink
            case UInt8(ascii: "3"): kind = .characterDevice
            case UInt8(ascii: "4"): kind = .blockDevice
            case UInt8(ascii: "5"): kind = .directory
            case UInt8(ascii: "6"): kind = .fifo
            case UInt8(ascii: "S"): kind = .regular
            default: kind = .other(type)
            }
            // Old tar writers mark folders with a trailing slash on a regular type.
            if kind == .regular, type == 0 || type == UInt8(ascii: "0"), name.hasSuffix("/") { kind = .directory }

            var isSparse = false
            var fileSize = dataSize
            if type == UInt8(ascii: "S") {
                isSparse = true
                fileSize = try number(header, 483, 12, field: "sparse real size", at: headerOffset)
                var extended = header[482] != 0
                var blocks = 0
                while extended {
                    blocks += 1
                    guard blocks <= 4096 else { throw HullArchiveError.limitExceeded(what: "GNU sparse extension blocks", limit: 4096) }
                    let block = try readExactly(512, what: "a GNU sparse extension block")
                    extended = block[504] != 0
                }
            }
            if let real = attributes["GNU.sparse.realsize"] ?? attributes["GNU.sparse.size"] {
                isSparse = true
                if let parsed = Int64(real), parsed >= 0 { fileSize = parsed }
                if let sparseName = attributes["GNU.sparse.name"] { name = sparseName }
            }
            if isSparse, fileSize < 0 || fileSize > limits.maximumEntrySize {
                throw HullArchiveError.invalidField(offset: headerOffset, field: "sparse real size", value: String(fileSize))
            }
            // Links, folders and devices carry no data whatever their size field says (as in Go's archive/tar).
            switch kind {
            case .hardLink, .symbolicLink, .directory, .characterDevice, .blockDevice, .fifo:
                dataSize = 0
                fileSize = 0
            default: break
            }
            remainingData = dataSize
            remainingPadding = padding(dataSize)
            return TarEntry(name: name, linkName: link, kind: kind, size: dataSize, fileSize: fileSize, mode: mode & 0o7777,
                            uid: uid, gid: gid, modificationTime: mtime, isSparse: isSparse,
                            headerOffset: firstHeader ?? headerOffset, dataOffset: offset)
        }
    }

    /// Reads the current member's data; 0 at its end.
    public func read(into output: UnsafeMutableRawBufferPointer) throws -> Int {
        guard remainingData > 0, !output.isEmpty else { return 0 }
        guard try fill(wanted: Int(min(Int64(output.count), remainingData))) else { throw HullArchiveError.truncated(offset: offset, what: "a member's data") }
        let n = Int(min(Int64(min(output.count, end - start)), remainingData))
        buffer.withUnsafeBytes { output.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[start..<start + n])) }
        start += n
        offset += Int64(n)
        remainingData -= Int64(n)
        return n
    }

    /// Reads up to `limit` bytes of the current member's data (the rest is skipped by `next()`).
    public func readContent(limit: Int) throws -> [UInt8] {
        var result: [UInt8] = []
        let wanted = Int(min(Int64(limit), remainingData))
        result.reserveCapacity(wanted)
        while result.count < wanted {
            guard try fill(wanted: wanted - result.count) else { throw HullArchiveError.truncated(offset: offset, what: "a member's data") }
            let n = min(wanted - result.count, end - start)
            result.append(contentsOf: buffer[start..<start + n])
            start += n
            offset += Int64(n)
            remainingData -= Int64(n)
        }
        return result
    }

    /// Visits the current member's data in buffer-sized chunks without copying.
    public func withContentChunks(limit: Int64 = .max, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        var left = min(limit, remainingData)
        while left > 0 {
            guard try fill(wanted: Int(min(left, Int64(Int.max)))) else { throw HullArchiveError.truncated(offset: offset, what: "a member's data") }
            let n = Int(min(Int64(end - start), left))
            try buffer.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[start..<start + n])) }
            start += n
            offset += Int64(n)
            remainingData -= Int64(n)
            left -= Int64(n)
        }
    }

    // MARK: - Fields

    private func padding(_ size: Int64) -> Int64 { (512 - size % 512) % 512 }

    private func cString(_ bytes: ArraySlice<UInt8>) -> String {
        let cut = bytes.firstIndex(of: 0) ?? bytes.endIndex
        return String(decoding: bytes[bytes.startIndex..<cut], as: UTF8.self)
    }

    private func verifyChecksum(_ header: [UInt8], at offset: Int64) throws {
        let stored: Int64
        if let value = TarReader.octal(header, 148, 8) {
            stored = value
        } else {
            let field = header[148..<156]
            let text = String(decoding: field.prefix { $0 != 0 }, as: UTF8.self).trimmingCharacters(in: " ")
            guard let value = Int64(text, radix: 8) else {
                throw HullArchiveError.invalidHeader(offset: offset, reason: "the checksum field `\(text)` is not an octal number")
            }
            stored = value
        }
        // The checksum field itself counts as eight spaces.
        var unsigned: Int64 = 8 * 32
        var signed: Int64 = 8 * 32
        header.withUnsafeBufferPointer { bytes in
            for index in 0..<148 {
                unsigned &+= Int64(bytes[index])
                signed &+= Int64(Int8(bitPattern: bytes[index]))
            }
            for index in 156..<bytes.count {
                unsigned &+= Int64(bytes[index])
                signed &+= Int64(Int8(bitPattern: bytes[index]))
            }
        }
        guard stored == unsigned || stored == signed else {
            throw HullArchiveError.invalidHeader(offset: offset, reason: "checksum mismatch (stored \(stored), computed \(unsigned))")
        }
    }

    /// A field of octal digits, optionally surrounded by spaces and ended by NUL: the usual shape,
    /// parsed without building a string. Nil for anything else (the caller then takes the general path).
    static func octal(_ header: [UInt8], _ from: Int, _ length: Int) -> Int64? {
        header.withUnsafeBufferPointer { bytes -> Int64? in
            var index = from
            let limit = from + length
            var stop = index
            while stop < limit, bytes[stop] != 0 { stop += 1 }
            while index < stop, bytes[index] == 0x20 { index += 1 }
            while stop > index, bytes[stop - 1] == 0x20 { stop -= 1 }
            guard index < stop, stop - index <= 20 else { return nil }
            var value: Int64 = 0
            while index < stop {
                let digit = bytes[index] &- 0x30
                guard digit < 8 else { return nil }
                let (shifted, overflow) = value.multipliedReportingOverflow(by: 8)
                guard !overflow else { return nil }
                value = shifted | Int64(digit)
                index += 1
            }
            return value
        }
    }

    /// An octal field, or a base-256 one (GNU, for values that do not fit).
    private func number(_ header: [UInt8], _ from: Int, _ length: Int, field: String, at offset: Int64) throws -> Int64 {
        let bytes = header[from..<from + length]
        if let first = bytes.first, first & 0x80 != 0 {
            if first == 0xff { throw HullArchiveError.invalidField(offset: offset, field: field, value: "a negative base-256 number") }
            var value: Int64 = Int64(first & 0x7f)
            for byte in bytes.dropFirst() {
                guard value <= (Int64.max >> 8) else { throw HullArchiveError.invalidField(offset: offset, field: field, value: "a base-256 number too large") }
                value = value << 8 | Int64(byte)
            }
            return value
        }
        if let value = TarReader.octal(header, from, length) { return value }
        let text = String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self).trimmingCharacters(in: " ")
        if text.isEmpty { return 0 }
        guard let value = Int64(text, radix: 8), value >= 0 else {
            throw HullArchiveError.invalidField(offset: offset, field: field, value: text)
        }
        return value
    }

    /// PAX records: `LENGTH KEY=VALUE\n`, LENGTH counting the whole record.
    private func parsePAX(_ data: [UInt8], at offset: Int64) throws -> [String: String] {
        var records: [String: String] = [:]
        var index = 0
        while index < data.count {
            if data[index] == 0 { break }
            guard let space = data[index...].firstIndex(of: UInt8(ascii: " ")),
                  let length = Int(String(decoding: data[index..<space], as: UTF8.self)),
                  length > space - index, index + length <= data.count, data[index + length - 1] == UInt8(ascii: "\n") else {
                throw HullArchiveError.invalidHeader(offset: offset, reason: "a malformed PAX record at its byte \(index)")
            }
            let record = data[(space + 1)..<(index + length - 1)]
            guard let equals = record.firstIndex(of: UInt8(ascii: "=")) else {
                throw HullArchiveError.invalidHeader(offset: offset, reason: "a PAX record without `=` at its byte \(index)")
            }
            let key = String(decoding: record[record.startIndex..<equals], as: UTF8.self)
            let value = String(decoding: record[(equals + 1)...], as: UTF8.self)
            records[key] = value
            index += length
        }
        return records
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        var slice = Substring(self)
        while slice.first == set { slice = slice.dropFirst() }
        while slice.last == set { slice = slice.dropLast() }
        return String(slice)
    }
}
