import HullCore
import HullArchive

/// A blob streamed from a registry in ranges of ``RegistryClient/Options/chunkSize`` bytes,
/// hashed as each range arrives and checked against its digest when the last one does (at the
/// latest in ``finish()``, which fetches what the reader left), so a layer is never held whole
/// in memory nor written to disk, and never read unchecked.
final class RegistryBlobSource: ByteSource {
    private let client: RegistryClient
    private let digest: String
    private let size: Int64
    private var chunk: [UInt8] = []
    private var position = 0
    private var fetched: Int64 = 0
    private var hash = SHA256()

    init(client: RegistryClient, digest: String, size: Int64) {
        self.client = client
        self.digest = digest
        self.size = size
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if position == chunk.count {
            guard fetched < size else { return 0 }
            let end = min(fetched + Int64(client.options.chunkSize), size)
            chunk = try client.blobRange(digest, start: fetched, end: end, total: size)
            position = 0
            fetched += Int64(chunk.count)
            hash.update(chunk)
            if fetched == size { try verify() }
            if chunk.isEmpty { return 0 }
        }
        let count = min(buffer.count, chunk.count - position)
        chunk.withUnsafeBytes { bytes in
            buffer.baseAddress!.copyMemory(from: bytes.baseAddress! + position, byteCount: count)
        }
        position += count
        return count
    }

    func skip(_ count: Int64) throws -> Int64 { try skipByReading(count) }

    /// Fetches and hashes what the reader left (the blob's tail after the end of its tar
    /// stream), so the digest is checked even when the reader stopped early.
    func finish() throws {
        while fetched < size {
            let end = min(fetched + Int64(client.options.chunkSize), size)
            let tail = try client.blobRange(digest, start: fetched, end: end, total: size)
            guard !tail.isEmpty else { break }
            fetched += Int64(tail.count)
            hash.update(tail)
            if fetched == size { try verify() }
        }
        chunk = []
        position = 0
    }

    private var verified = false

    private func verify() throws {
        guard !verified, digest.hasPrefix("sha256:") else { return }
        verified = true
        let actual = hash.finalizeHex()
        guard "sha256:" + actual == digest else { throw HullOCIError.digestMismatch(what: "the blob `\(digest)`", expected: digest, actual: actual) }
    }
}
