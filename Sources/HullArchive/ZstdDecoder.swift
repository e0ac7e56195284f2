import CZstd

/// Streaming Zstandard decompression through the system libzstd (frames one after another).
public final class ZstdDecoder {
    private let stream: OpaquePointer
    /// True when the input so far ended exactly at the end of a frame.
    public private(set) var isFinished = false

    /// Creates a decoder.
    public init() throws {
        guard let stream = ZSTD_createDStream() else { throw HullArchiveError.corrupt(format: "zstd", reason: "libzstd could not create a decoder") }
        self.stream = stream
        // A window above 128 MiB is what only a hostile or exotic frame asks for.
        ZSTD_DCtx_setParameter(stream, ZSTD_d_windowLogMax, 27)
    }

    deinit { ZSTD_freeDStream(stream) }

    /// Decodes from `input` into `output` until one is used up; returns bytes consumed and produced.
    public func step(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws -> (consumed: Int, produced: Int) {
        var inBuffer = ZSTD_inBuffer(src: input.baseAddress, size: input.count, pos: 0)
        var outBuffer = ZSTD_outBuffer(dst: output.baseAddress, size: output.count, pos: 0)
        let hint = ZSTD_decompressStream(stream, &outBuffer, &inBuffer)
        if ZSTD_isError(hint) != 0 {
            throw HullArchiveError.corrupt(format: "zstd", reason: String(cString: ZSTD_getErrorName(hint)))
        }
        if inBuffer.pos > 0 || outBuffer.pos > 0 { isFinished = hint == 0 }
        return (inBuffer.pos, outBuffer.pos)
    }
}
