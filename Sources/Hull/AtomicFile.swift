import Foundation
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// Replaces a file's contents atomically: a temporary file in the same folder, written in
/// full and flushed, given the original's permissions, then renamed over it. On any failure
/// the original is untouched and the temporary file is removed.
public enum AtomicFile {
    /// Writes `bytes` over `path`, which must exist.
    public static func replace(_ path: String, with bytes: [UInt8]) throws(HullError) {
        var info = stat()
        guard stat(path, &info) == 0 else { throw .unwritable(path, String(cString: strerror(errno))) }
        try store(path, bytes, mode: info.st_mode & 0o7777, owner: (info.st_uid, info.st_gid))
    }

    /// Writes `bytes` to `path`: over the file when it exists (keeping its permissions), else as
    /// a new file with the usual permissions (0666 less the umask).
    public static func write(_ path: String, with bytes: [UInt8]) throws(HullError) {
        var info = stat()
        if stat(path, &info) == 0 {
            try store(path, bytes, mode: info.st_mode & 0o7777, owner: (info.st_uid, info.st_gid))
        } else {
            let mask = umask(0)
            umask(mask)
            try store(path, bytes, mode: 0o666 & ~mask, owner: nil)
        }
    }

    private static func store(_ path: String, _ bytes: [UInt8], mode: mode_t, owner: (uid_t, gid_t)?) throws(HullError) {
        let folder = (path as NSString).deletingLastPathComponent
        var template = Array(((folder.isEmpty ? "." : folder) + "/.hull-fix-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw .unwritable(path, "cannot create a temporary file beside it: \(String(cString: strerror(errno)))") }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        func abandon(_ reason: String) -> HullError {
            close(descriptor)
            unlink(temporary)
            return .unwritable(path, reason)
        }
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
            if result < 0 {
                if errno == EINTR { continue }
                throw abandon(String(cString: strerror(errno)))
            }
            written += result
        }
        guard fsync(descriptor) == 0 else { throw abandon(String(cString: strerror(errno))) }
        guard fchmod(descriptor, mode) == 0 else { throw abandon(String(cString: strerror(errno))) }
        if let (uid, gid) = owner { _ = fchown(descriptor, uid, gid) }
        close(descriptor)
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .unwritable(path, reason)
        }
    }
}
