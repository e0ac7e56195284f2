import HullCore
import HullArchive

/// A blob streamed from a registry in ranges of ``RegistryClient/Options/chunkSize`` bytes,
/// hashed as each range arrives and checked against its digest when the last one does, so a
/// layer is never held whole in memory nor written to disk.
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
            if fetched == size, digest.hasPrefix("sha256:") {
                let actual = hash.finalizeHex()
                guard "sha256:" + actual == digest else { throw HullOCIError.digestMismatch(what: "the blob `\(digest)`", expected: digest, actual: actual) }
            }
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
}
