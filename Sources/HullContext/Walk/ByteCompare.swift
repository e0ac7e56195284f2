#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte comparisons for the walk's hot paths (`memcmp` rather than generic element loops).
enum ByteCompare {
    /// Whether `a` equals the first `a.count` bytes of `b`, and `b` has exactly `length` bytes
    /// there (`b[..<length] == a`).
    @inline(__always)
    static func equals(_ a: [UInt8], prefixOf b: [UInt8], length: Int) -> Bool {
        guard a.count == length, length <= b.count else { return false }
        if length == 0 { return true }
        return a.withUnsafeBufferPointer { left in
            b.withUnsafeBufferPointer { right in memcmp(left.baseAddress!, right.baseAddress!, length) == 0 }
        }
    }
}
