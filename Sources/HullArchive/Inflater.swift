import CZlib

/// An error while decompressing a stream.
public struct InflateError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Streaming DEFLATE decompression through the system zlib.
///
/// Feed compressed bytes with `inflate(_:into:)` in chunks of any size; decompressed bytes are
/// handed to the sink in chunks of at most `outputChunkSize` bytes, so memory stays bounded
/// whatever the stream's size. Multi-member gzip streams (concatenated gzip files, as `gzip`
/// and `pigz` may write) are decoded member after member.
public final class Inflater {
    public enum Format: Sendable {
        /// A gzip stream (RFC 1952), possibly several members.
        case gzip
        /// A zlib stream (RFC 1950).
        case zlib
        /// Raw DEFLATE (RFC 1951), as inside ZIP entries.
        case raw

        var windowBits: Int32 {
            switch self {
            case .gzip: return 15 + 16
            case .zlib: return 15
            case .raw: return -15
            }
        }
    }

    public let format: Format
    public let outputChunkSize: Int
    /// Total compressed bytes consumed and decompressed bytes produced so far.
    public private(set) var totalIn: UInt64 = 0
    public private(set) var totalOut: UInt64 = 0
    /// True once the (last) stream ended; bytes after the end of a raw or zlib stream are ignored.
    public private(set) var isFinished = false

    private var stream = z_stream()
    private var output: [UInt8]
    private var initialised = false

    public init(format: Format, outputChunkSize: Int = 64 * 1024) throws {
        self.format = format
        self.outputChunkSize = max(1024, outputChunkSize)
        self.output = [UInt8](repeating: 0, count: self.outputChunkSize)
        let status = hull_inflateInit2(&stream, format.windowBits)
        guard status == Z_OK else { throw InflateError("zlib could not start a decompressor (status \(status))") }
        initialised = true
    }

    deinit {
        if initialised { inflateEnd(&stream) }
    }

    /// Decompresses `input`, passing every produced chunk to `sink`.
    public func inflate(_ input: UnsafeRawBufferPointer, into sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard !input.isEmpty else { return }
        if isFinished {
            if format == .gzip, input.contains(where: { $0 != 0 }) {
                // A gzip member ended at the end of an earlier chunk and another one follows.
                try restartMember()
            } else {
                return
            }
        }
        var offset = 0
        while offset < input.count {
            let base = input.baseAddress!.advanced(by: offset).assumingMemoryBound(to: UInt8.self)
            stream.next_in = UnsafeMutablePointer(mutating: base)
            let available = min(input.count - offset, Int(UInt32.max))
            stream.avail_in = UInt32(available)
            var status: Int32 = Z_OK
            repeat {
                let produced: Int = try output.withUnsafeMutableBufferPointer { out -> Int in
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(out.count)
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    return out.count - Int(stream.avail_out)
                }
                switch status {
                case Z_OK, Z_STREAM_END, Z_BUF_ERROR:
                    break
                case Z_NEED_DICT:
                    throw InflateError("the compressed stream needs a preset dictionary")
                case Z_DATA_ERROR:
                    throw InflateError("the compressed data is corrupt: \(message() ?? "invalid data")")
                case Z_MEM_ERROR:
                    throw InflateError("zlib ran out of memory")
                default:
                    throw InflateError("zlib failed with status \(status)")
                }
                if produced > 0 {
                    totalOut &+= UInt64(produced)
                    try output.withUnsafeBytes { try sink(UnsafeRawBufferPointer(rebasing: $0[0..<produced])) }
                }
                if status == Z_BUF_ERROR && produced == 0 { break }
            } while status != Z_STREAM_END && (stream.avail_in > 0 || stream.avail_out == 0)
            let consumed = available - Int(stream.avail_in)
            offset += consumed
            totalIn &+= UInt64(consumed)
            if status == Z_STREAM_END {
                isFinished = true
                let rest = UnsafeRawBufferPointer(rebasing: input[offset...])
                guard format == .gzip, rest.contains(where: { $0 != 0 }) else { return }
                // Zero padding after a gzip stream is tolerated (as gzip does); anything else
                // is the next member.
                try restartMember()
            } else if consumed == 0 {
                break
            }
        }
    }

    /// Convenience over arrays.
    public func inflate(_ input: [UInt8], into sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        try input.withUnsafeBytes { try inflate($0, into: sink) }
    }

    /// Call after the last input: throws when the stream stopped before its end.
    public func finish() throws {
        guard isFinished else {
            throw InflateError("the compressed stream is truncated (it ended after \(totalIn) bytes without its end marker)")
        }
    }

    /// Pull-style decompression: decodes from `input` into `output` until one of them is used up
    /// or the stream ends. Returns the bytes consumed and produced; a gzip member that ends with
    /// more non-zero input behind it restarts for the next member.
    public func step(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws -> (consumed: Int, produced: Int) {
        guard !input.isEmpty || !isFinished, !output.isEmpty else { return (0, 0) }
        if isFinished {
            guard format == .gzip, input.contains(where: { $0 != 0 }) else { return (input.count, 0) }
            try restartMember()
        }
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: UInt8.self))
        stream.avail_in = UInt32(min(input.count, Int(UInt32.max)))
        stream.next_out = output.baseAddress?.assumingMemoryBound(to: UInt8.self)
        stream.avail_out = UInt32(min(output.count, Int(UInt32.max)))
        let availableIn = Int(stream.avail_in), availableOut = Int(stream.avail_out)
        let status = CZlib.inflate(&stream, Z_NO_FLUSH)
        let consumed = availableIn - Int(stream.avail_in), produced = availableOut - Int(stream.avail_out)
        totalIn &+= UInt64(consumed)
        totalOut &+= UInt64(produced)
        switch status {
        case Z_OK, Z_BUF_ERROR: break
        case Z_STREAM_END: isFinished = true
        case Z_NEED_DICT: throw InflateError("the compressed stream needs a preset dictionary")
        case Z_DATA_ERROR: throw InflateError("the compressed data is corrupt: \(message() ?? "invalid data")")
        case Z_MEM_ERROR: throw InflateError("zlib ran out of memory")
        default: throw InflateError("zlib failed with status \(status)")
        }
        return (consumed, produced)
    }

    private func restartMember() throws {
        let status = inflateReset(&stream)
        guard status == Z_OK else { throw InflateError("zlib could not restart for the next gzip member (status \(status))") }
        isFinished = false
    }

    private func message() -> String? {
        guard let msg = stream.msg else { return nil }
        return String(cString: msg)
    }
}

extension Inflater {
    /// Decompresses a whole buffer at once, refusing to produce more than `limit` bytes.
    public static func inflate(_ input: [UInt8], format: Format, limit: Int) throws -> [UInt8] {
        let inflater = try Inflater(format: format)
        var result: [UInt8] = []
        try inflater.inflate(input) { chunk in
            guard result.count + chunk.count <= limit else {
                throw InflateError("the decompressed data exceeds the limit of \(limit) bytes")
            }
            result.append(contentsOf: chunk)
        }
        try inflater.finish()
        return result
    }
}
