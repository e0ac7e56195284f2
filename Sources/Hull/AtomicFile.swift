import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Replaces a file's contents atomically: a temporary file in the same folder, written in
/// full and flushed, given the original's permissions, then renamed over it. On any failure
/// the original is untouched and the temporary file is removed.
public enum AtomicFile {
    /// Writes `bytes` over `path`.
    public static func replace(_ path: String, with bytes: [UInt8]) throws(HullError) {
        var info = stat()
        guard stat(path, &info) == 0 else { throw .unwritable(path, String(cString: strerror(errno))) }
        let folder = (path as NSString).deletingLastPathComponent
        var template = Array(((folder.isEmpty ? "." : folder) + "/.hull-fix-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw .unwritable(path, "cannot create a temporary file beside it: \(String(cString: strerror(errno)))") }
        let temporary = String(cString: template)
        func abandon(_ reason: String) -> HullError {
            close(descriptor)
            unlink(temporary)
            return .unwritable(path, reason)
        }
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if result < 0 {
                if errno == EINTR { continue }
                throw abandon(String(cString: strerror(errno)))
            }
            written += result
        }
        guard fsync(descriptor) == 0 else { throw abandon(String(cString: strerror(errno))) }
        guard fchmod(descriptor, info.st_mode & 0o7777) == 0 else { throw abandon(String(cString: strerror(errno))) }
        _ = fchown(descriptor, info.st_uid, info.st_gid)
        close(descriptor)
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .unwritable(path, reason)
        }
    }
}
