/// How a layer's bytes are compressed, told by their first bytes (media types lie often enough).
public enum Compression: String, Hashable, Sendable, Codable, CustomStringConvertible {
    /// A plain tar stream.
    case none
    /// gzip (RFC 1952), through the system zlib.
    case gzip
    /// Zstandard (RFC 8878), through the system libzstd.
    case zstd

    /// Recognises gzip (`1f 8b`) and zstd (`28 b5 2f fd`) magic numbers; anything else is taken as plain.
    public static func detect(_ prefix: some Collection<UInt8>) -> Compression {
        let bytes = Array(prefix.prefix(4))
        if bytes.count >= 2, bytes[0] == 0x1f, bytes[1] == 0x8b { return .gzip }
        if bytes.count >= 4, bytes == [0x28, 0xb5, 0x2f, 0xfd] { return .zstd }
        return .none
    }

    public var description: String { rawValue }
}

/// A source that decompresses another, bounded by ``ArchiveLimits``.
public final class DecompressingSource: ByteSource {
    private enum Decoder {
        case gzip(Inflater)
        case zstd(ZstdDecoder)

        var isFinished: Bool {
            switch self {
            case .gzip(let inflater): inflater.isFinished
            case .zstd(let decoder): decoder.isFinished
            }
        }

        func step(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws -> (consumed: Int, produced: Int) {
            switch self {
            case .gzip(let inflater):
                do { return try inflater.step(input, into: output) } catch let error as InflateError {
                    throw HullArchiveError.corrupt(format: "gzip", reason: error.message)
                }
            case .zstd(let decoder): return try decoder.step(input, into: output)
            }
        }
    }

    private let input: ByteSource
    private let decoder: Decoder
    private let limits: ArchiveLimits
    private let format: Compression
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var inputEnded = false
    /// Compressed bytes read and decompressed bytes produced so far.
    public private(set) var compressedBytes: Int64 = 0
    public private(set) var expandedBytes: Int64 = 0

    /// Decompresses `input` (gzip or zstd).
    public init(_ input: ByteSource, compression: Compression, limits: ArchiveLimits = ArchiveLimits()) throws {
        self.input = input
        self.limits = limits
        self.format = compression
        switch compression {
        case .gzip:
            do { decoder = .gzip(try Inflater(format: .gzip)) } catch let error as InflateError {
                throw HullArchiveError.corrupt(format: "gzip", reason: error.message)
            }
        case .zstd: decoder = .zstd(try ZstdDecoder())
        case .none: preconditionFailure("DecompressingSource needs a compression")
        }
        buffer = [UInt8](repeating: 0, count: 128 * 1024)
    }

    public func read(into output: UnsafeMutableRawBufferPointer) throws -> Int {
        guard !output.isEmpty else { return 0 }
        while true {
            if start == end && !inputEnded {
                let n = try buffer.withUnsafeMutableBytes { try input.read(into: $0) }
                start = 0
                end = n
                compressedBytes += Int64(n)
                if n == 0 { inputEnded = true }
            }
            if start == end && inputEnded {
                guard decoder.isFinished else {
                    throw HullArchiveError.truncated(offset: compressedBytes, what: "the \(format) stream (no end marker)")
                }
                return 0
            }
            let (consumed, produced) = try buffer.withUnsafeBytes { all in
                try decoder.step(UnsafeRawBufferPointer(rebasing: all[start..<end]), into: output)
            }
            start += consumed
            if produced > 0 {
                expandedBytes += Int64(produced)
                if expandedBytes > limits.maximumExpandedBytes {
                    throw HullArchiveError.limitExceeded(what: "the decompressed \(format) stream", limit: limits.maximumExpandedBytes)
                }
                if expandedBytes > limits.ratioGrace, expandedBytes > max(1, compressedBytes) * limits.maximumRatio {
                    throw HullArchiveError.limitExceeded(what: "the \(format) expansion ratio (\(expandedBytes / max(1, compressedBytes)):1)", limit: limits.maximumRatio)
                }
                return produced
            }
            if consumed == 0 && start < end && decoder.isFinished {
                // Trailing bytes the decoder does not take (zero padding after the last member).
                start = end
            } else if consumed == 0 && start < end {
                throw HullArchiveError.corrupt(format: format.rawValue, reason: "the decoder stopped making progress")
            }
        }
    }

    public func skip(_ count: Int64) throws -> Int64 { try skipByReading(count) }
}

/// Opens a possibly compressed stream: peeks at its magic and wraps it in a decoder when needed.
public final class PeekedSource: ByteSource {
    private let inner: ByteSource
    private var head: [UInt8]
    private var headPosition = 0

    init(_ inner: ByteSource, head: [UInt8]) {
        self.inner = inner
        self.head = head
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if headPosition < head.count {
            let n = min(buffer.count, head.count - headPosition)
            head.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[headPosition..<headPosition + n])) }
            headPosition += n
            return n
        }
        return try inner.read(into: buffer)
    }

    public func skip(_ count: Int64) throws -> Int64 {
        let fromHead = Int64(min(Int64(head.count - headPosition), count))
        headPosition += Int(fromHead)
        return fromHead + (count > fromHead ? try inner.skip(count - fromHead) : 0)
    }

    public var skipsBySeeking: Bool { inner.skipsBySeeking }

    /// `source` decompressed according to its first bytes, with the compression found.
    public static func decompressing(_ source: ByteSource, limits: ArchiveLimits = ArchiveLimits()) throws -> (ByteSource, Compression) {
        var head = [UInt8](repeating: 0, count: 4)
        var filled = 0
        while filled < 4 {
            let n = try head.withUnsafeMutableBytes { try source.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[filled...])) }
            if n == 0 { break }
            filled += n
        }
        head.removeSubrange(filled...)
        let compression = Compression.detect(head)
        let peeked = PeekedSource(source, head: head)
        if compression == .none { return (peeked, .none) }
        return (try DecompressingSource(peeked, compression: compression, limits: limits), compression)
    }
}
